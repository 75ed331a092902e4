"""A narrow row per project entity, kept for counting and sorting at national scale.

At a million entities the project list cannot sort by a figure computed from applications, and
the overview cannot afford to join calls, themes and applications again for every figure. This
table holds, per entity, what those need: the effective theme and programme (an entity's own or
its call's), call, status, kind, the ministries' combination, the number of implementers and the
list's money (the entity's stated figure, else its implementers' parts added up). It is derived
data: `insights.summary` refreshes an entity's row whenever a service saves the entity, one of
its applications or its ministries, and `hankesalkku summarise` rebuilds the whole table.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.money import money_field


class EntitySummary(models.Model):
    # Derived from audited records and rebuilt by `hankesalkku summarise`: it has no trail of
    # its own (tests/core/test_services_audited.py skips derived tables).
    is_derived = True

    entity = models.OneToOneField(
        "projects.ProjectEntity",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="summary",
        verbose_name=_("hankekokonaisuus"),
    )
    name = models.CharField(_("nimi"), max_length=400)
    status = models.CharField(_("tila"), max_length=20)
    kind = models.CharField(_("hanketyyppi"), max_length=10)
    theme = models.ForeignKey(
        "programmes.Theme",
        verbose_name=_("teema"),
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
    call = models.ForeignKey(
        "programmes.Call",
        verbose_name=_("haku"),
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("ohjelma"),
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
    ministries = models.CharField(_("myöntövaltuus"), max_length=100, blank=True)
    implementers = models.PositiveIntegerField(_("toteuttajia"), default=0)
    total_cost = money_field(_("kokonaiskustannukset"))
    support = money_field(_("tuki"))
    is_illustrative = models.BooleanField(_("havainnollistava"), default=False)

    class Meta:
        verbose_name = _("hankekokonaisuuden yhteenveto")
        verbose_name_plural = _("hankekokonaisuuksien yhteenvedot")
        indexes = [
            # Each sortable column with the key, so a page of any order is an index range.
            models.Index(fields=["name", "entity"], name="summary_name"),
            models.Index(fields=["kind", "entity"], name="summary_kind"),
            models.Index(fields=["status", "entity"], name="summary_status"),
            models.Index(fields=["ministries", "entity"], name="summary_ministries"),
            models.Index(fields=["implementers", "entity"], name="summary_implementers"),
            models.Index(fields=["total_cost", "entity"], name="summary_total_cost"),
            models.Index(fields=["support", "entity"], name="summary_support"),
            # Descending with the unknown amounts last (as the list sorts them) exist on
            # PostgreSQL only, made by the migration: SQLite cannot index NULLS LAST.
            # The overview's and the list's selections.
            models.Index(fields=["theme", "status"], name="summary_theme_status"),
            models.Index(fields=["call", "status"], name="summary_call_status"),
            models.Index(fields=["programme", "status"], name="summary_programme_status"),
        ]

    def __str__(self) -> str:
        return self.name
