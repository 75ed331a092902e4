from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hankesalkku.sources.models import DocumentKind, SourceDocument, SourceReference


class ExtractionQuerySet(models.QuerySet):
    def with_counts(self):
        """Review progress of many extractions in one query (the upload page lists them)."""
        return self.select_related("document").annotate(
            value_count=models.Count("values"),
            pending_count=models.Count(
                "values", filter=Q(values__status=ExtractedValue.Status.PENDING)
            ),
        )


class Extraction(models.Model):
    """What the reader found in one document, waiting for a person to check it.

    Nothing the reader finds becomes a record on its own: each value is confirmed, corrected
    or rejected first, and `extraction_apply` writes only the checked ones.
    """

    class Status(models.TextChoices):
        READ = "read", _("luettu")
        IN_REVIEW = "in_review", _("tarkistus kesken")
        APPLIED = "applied", _("tallennettu")

    document = models.OneToOneField(
        SourceDocument,
        verbose_name=_("asiakirja"),
        on_delete=models.CASCADE,
        related_name="extraction",
    )
    kind = models.CharField(_("laji"), max_length=30, choices=DocumentKind.choices)
    warnings = models.JSONField(_("huomautukset"), default=list, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("päätöksen tehnyt organisaatio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision = models.ForeignKey(
        "decisions.Decision",
        verbose_name=_("päätös"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entity = models.ForeignKey(
        "projects.ProjectEntity",
        verbose_name=_("hanke"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("hakemus, jolle rahoitus kirjataan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("lukija"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("luettu"), auto_now_add=True)
    applied = models.DateTimeField(_("tallennettu"), null=True, blank=True)

    objects = ExtractionQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("luenta")
        verbose_name_plural = _("luennat")

    def __str__(self) -> str:
        return str(self.document)

    def warning_texts(self, language: str | None = None) -> list[str]:
        """The reader's warnings in the UI language; stored as codes, so any language reads."""
        from django.utils.translation import get_language

        from hankesalkku.reader.messages import message_text

        language = (language or get_language() or "fi")[:2]
        out = []
        for warning in self.warnings:
            if isinstance(warning, dict):
                out.append(message_text(warning["code"], language, **warning.get("params", {})))
            else:  # stored before the reader gave codes
                out.append(str(warning))
        return out

    @property
    def ocr_confidence(self) -> float | None:
        """The OCR's mean confidence (0-100) when the text was recognised from a scan, else
        None: the review page then says that every quote comes from OCR."""
        for warning in self.warnings:
            if isinstance(warning, dict) and warning.get("code") == "ocr_used":
                try:
                    return float(warning.get("params", {}).get("confidence"))
                except (TypeError, ValueError):
                    return 0.0
        return None

    def status_for(self, pending: int, total: int) -> str:
        if self.applied and pending == 0:
            return self.Status.APPLIED
        if pending < total or self.applied:
            return self.Status.IN_REVIEW
        return self.Status.READ


class ExtractedValue(models.Model):
    """One value the reader found, with the sentence it came from and a person's verdict."""

    class Group(models.TextChoices):
        FIELD = "field", _("tieto")
        ORGANISATION = "organisation", _("organisaatio")
        AMOUNT = "amount", _("summa")
        CALL = "call", _("haku")
        DISTRICT = "district", _("kaupunginosa")

    class Status(models.TextChoices):
        PENDING = "pending", _("tarkistamatta")
        CONFIRMED = "confirmed", _("vahvistettu")
        CORRECTED = "corrected", _("korjattu")
        REJECTED = "rejected", _("hylätty")

    extraction = models.ForeignKey(
        Extraction, verbose_name=_("luenta"), on_delete=models.CASCADE, related_name="values"
    )
    group = models.CharField(_("ryhmä"), max_length=20, choices=Group.choices)
    name = models.CharField(
        _("nimi tai rooli"),
        max_length=60,
        blank=True,
        help_text=_("Kentän nimi, organisaation tai summan rooli."),
    )
    value = models.TextField(_("arvo"), blank=True)
    qualifier = models.CharField(_("tarkkuus"), max_length=10, blank=True)
    party = models.CharField(_("osapuoli"), max_length=300, blank=True)
    budget_item = models.CharField(_("talousarviokohta"), max_length=60, blank=True)
    details = models.JSONField(_("lisätiedot"), default=dict, blank=True)
    start = models.PositiveIntegerField(_("alku"), null=True, blank=True)
    end = models.PositiveIntegerField(_("loppu"), null=True, blank=True)
    quote = models.TextField(_("lainaus"), blank=True)
    status = models.CharField(
        _("tila"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    corrected_value = models.TextField(_("korjattu arvo"), blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("vastaava organisaatio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    error = models.TextField(_("virhe"), blank=True)
    record_type = models.ForeignKey(
        ContentType,
        verbose_name=_("tietuetyyppi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    record_id = models.PositiveBigIntegerField(_("tietueen tunniste"), null=True, blank=True)
    record = GenericForeignKey("record_type", "record_id")
    reference = models.ForeignKey(
        SourceReference,
        verbose_name=_("lähdeviite"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    order = models.PositiveIntegerField(_("järjestys"), default=0)

    class Meta:
        ordering = ["extraction", "order", "pk"]
        verbose_name = _("luettu arvo")
        verbose_name_plural = _("luetut arvot")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True, end__isnull=True)
                | Q(start__isnull=False, end__gt=F("start")),
                name="extracted_value_span_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.effective_value}"

    @property
    def effective_value(self) -> str:
        return self.corrected_value if self.status == self.Status.CORRECTED else self.value

    @property
    def is_accepted(self) -> bool:
        return self.status in (self.Status.CONFIRMED, self.Status.CORRECTED)

    @property
    def is_applied(self) -> bool:
        return self.record_id is not None


class ReadingBatch(models.Model):
    """Files sent from the browser at once, read in the background (a task), with progress.

    Hundreds of files would outlast a web request, so the view stores them here and enqueues
    ``documents.tasks.reading_batch_run``; the batch page polls this record for progress. The
    files' bytes are emptied once read: each becomes a source document with its original.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("jonossa")
        RUNNING = "running", _("luetaan")
        FINISHED = "finished", _("valmis")

    created_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("lähettäjä"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("lähetetty"), auto_now_add=True)
    status = models.CharField(
        _("tila"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("tiedostoja"), default=0)
    done = models.PositiveIntegerField(_("luettu"), default=0)
    results = models.JSONField(_("tulokset"), default=list, blank=True)
    """One {"name", "ok", "message", "document_id", "warnings"} a file read, in order."""

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("lukuerä")
        verbose_name_plural = _("lukuerät")

    def __str__(self) -> str:
        return _("Lukuerä %(pk)s (%(done)s/%(total)s)") % {
            "pk": self.pk,
            "done": self.done,
            "total": self.total,
        }

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


class ReadingBatchFile(models.Model):
    """One file of a batch, kept until the task has read it."""

    batch = models.ForeignKey(
        ReadingBatch, verbose_name=_("lukuerä"), on_delete=models.CASCADE, related_name="files"
    )
    order = models.PositiveIntegerField(_("järjestys"))
    name = models.CharField(_("tiedoston nimi"), max_length=255)
    data = models.BinaryField(_("sisältö"), blank=True)

    class Meta:
        ordering = ["batch", "order"]
        verbose_name = _("lukuerän tiedosto")
        verbose_name_plural = _("lukuerän tiedostot")

    def __str__(self) -> str:
        return self.name
