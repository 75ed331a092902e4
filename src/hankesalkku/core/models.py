"""The audit trail: who changed what, when, from what to what, and why.

One `Activity` row per write made through a service (`core.services`). It names the user,
the service and the record, keeps the fields' values before and after, and the reason where
the service asks for one. It lives in core so that every layer above writes it the same way.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ActivityVerb(models.TextChoices):
    CREATED = "created", _("luotu")
    UPDATED = "updated", _("muutettu")
    DELETED = "deleted", _("poistettu")


class Versioned(models.Model):
    """A record a person edits: each save raises `version`, and a save made against an older
    version than the stored one is refused (`core.services.save_validated`), so no edit is
    silently lost when two people save the same record."""

    version = models.PositiveIntegerField(_("versio"), default=1)

    class Meta:
        abstract = True


class ActivityQuerySet(models.QuerySet):
    def for_record(self, record):
        return self.for_records([record])

    def for_records(self, records):
        """The trail of several records (a project with its parts) in one query."""
        condition = models.Q(pk__in=[])
        by_type: dict[int, list[int]] = {}
        for record in records:
            if record is not None and record.pk is not None:
                ct = ContentType.objects.get_for_model(record)
                by_type.setdefault(ct.pk, []).append(record.pk)
        for ct_id, pks in by_type.items():
            condition |= models.Q(content_type_id=ct_id, object_id__in=pks)
        return self.filter(condition).select_related("actor", "content_type")


class Activity(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tekijä"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    actor_name = models.CharField(_("tekijän tunnus"), max_length=150)
    service = models.CharField(_("toiminto"), max_length=100)
    verb = models.CharField(_("laji"), max_length=20, choices=ActivityVerb.choices)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("tietuetyyppi"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("tietueen tunniste"))
    record = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("kohde"), max_length=300)
    changes = models.JSONField(_("muutokset"), default=dict, blank=True)
    reason = models.TextField(_("perustelu"), blank=True)
    at = models.DateTimeField(_("aika"), default=timezone.now, db_index=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("tapahtuma")
        verbose_name_plural = _("tapahtumat")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.service} {self.object_repr}"
