"""Where every figure came from: source documents and references to their sentences.

A reference cites any record through a generic key, so the layers above (programmes, projects,
decisions …) can cite without this app knowing them.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    DECISION = "decision", _("päätös")
    AGENDA_ITEM = "agenda_item", _("esityslistan asia")
    CALL_NOTICE = "call_notice", _("hakuilmoitus")
    CALL_RESULTS = "call_results", _("haun tulokset")
    PRESENTATION = "presentation", _("esitys")
    PROJECT_DESCRIPTION = "project_description", _("hankekuvaus")
    FUNDING_DECISION = "funding_decision", _("rahoituspäätös")
    APPLICATION = "application", _("hakemus")
    UNKNOWN = "unknown", _("tuntematon")


class SourceDocument(models.Model):
    """A document a figure came from. Its text is stored when we have it, so a quote can be shown
    in place; the original bytes are kept for documents read by the reader."""

    title = models.CharField(_("otsikko"), max_length=500)
    kind = models.CharField(_("laji"), max_length=30, choices=DocumentKind.choices)
    filename = models.CharField(_("tiedostonimi"), max_length=255, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    date = models.DateField(_("päivämäärä"), null=True, blank=True)
    publisher = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("julkaisija"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    text = models.TextField(_("teksti"), blank=True)
    original = models.BinaryField(_("alkuperäinen tiedosto"), null=True, blank=True)
    content_type = models.CharField(_("tiedostotyyppi"), max_length=100, blank=True)
    uploaded_by = models.ForeignKey(
        "auth.User", verbose_name=_("tallentaja"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created = models.DateTimeField(_("tallennettu"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("lähdeasiakirja")
        verbose_name_plural = _("lähdeasiakirjat")
        constraints = [
            models.UniqueConstraint(
                fields=["sha256"], condition=~Q(sha256=""), name="document_sha256_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class SourceReferenceQuerySet(models.QuerySet):
    def for_objects(self, objects) -> dict:
        """All references of many objects in one query, keyed by (model, pk, field)."""
        objects = [obj for obj in objects if obj is not None]
        if not objects:
            return {}
        by_type: dict[int, list[int]] = {}
        for obj in objects:
            ct = ContentType.objects.get_for_model(obj)
            by_type.setdefault(ct.pk, []).append(obj.pk)
        condition = Q()
        for ct_id, pks in by_type.items():
            condition |= Q(content_type_id=ct_id, object_id__in=pks)
        result: dict = {}
        for ref in self.filter(condition).select_related("document", "content_type"):
            key = (ref.content_type.model_class(), ref.object_id, ref.field)
            result.setdefault(key, []).append(ref)
        return result


class SourceReference(models.Model):
    """Where a record or one of its figures came from: the document, its section and the sentence.

    `start`/`end` index the stored document text when it is stored; the quote is kept anyway so
    the citation survives documents whose full text we may not keep.
    """

    document = models.ForeignKey(
        SourceDocument,
        verbose_name=_("asiakirja"),
        on_delete=models.PROTECT,
        related_name="references",
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("tietuetyyppi"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("tietueen tunniste"))
    target = GenericForeignKey("content_type", "object_id")
    field = models.CharField(
        _("kenttä"),
        max_length=60,
        blank=True,
        help_text=_("Tyhjä, kun lähde koskee koko tietuetta."),
    )
    section = models.CharField(_("kohta"), max_length=200, blank=True)
    quote = models.TextField(_("lainaus"))
    start = models.PositiveIntegerField(_("alku"), null=True, blank=True)
    end = models.PositiveIntegerField(_("loppu"), null=True, blank=True)

    objects = SourceReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["document", "start"]
        verbose_name = _("lähdeviite")
        verbose_name_plural = _("lähdeviitteet")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True, end__isnull=True)
                | Q(start__isnull=False, end__gt=F("start")),
                name="reference_span_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.document}: {self.quote[:80]}"
