"""Targets, the call's reporting schedule, and the reports with their values per indicator.

A report belongs to one funded part (osahanke) and one period; the implementer fills and submits
it, the funding authority's officer accepts it or returns it for changes (REPORT_TRANSITIONS).
Only accepted reports count in the aggregation, so figures on the impact page are ones somebody
responsible has checked.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hankesalkku.accounts import roles
from hankesalkku.core.models import Versioned


class ReportKind(models.TextChoices):
    PROGRESS = "progress", _("väliraportti")
    FINAL = "final", _("loppuraportti")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("luonnos")
    SUBMITTED = "submitted", _("lähetetty")
    RETURNED = "returned", _("palautettu täydennettäväksi")
    ACCEPTED = "accepted", _("hyväksytty")


REPORT_TRANSITIONS: dict[str, tuple[str, ...]] = {
    ReportStatus.DRAFT: (ReportStatus.SUBMITTED,),
    ReportStatus.RETURNED: (ReportStatus.SUBMITTED,),
    ReportStatus.SUBMITTED: (ReportStatus.ACCEPTED, ReportStatus.RETURNED),
    ReportStatus.ACCEPTED: (),
}
"""Who moves a report where is in reporting.permissions; this is only which moves exist."""


class Target(Versioned):
    """What one part promises for one indicator over its whole duration."""

    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("osahanke"),
        on_delete=models.CASCADE,
        related_name="indicator_targets",
    )
    indicator = models.ForeignKey(
        "reporting.Indicator",
        verbose_name=_("indikaattori"),
        on_delete=models.PROTECT,
        related_name="targets",
    )
    baseline = models.DecimalField(
        _("lähtötaso"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(_("tavoite"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["application", "indicator"]
        verbose_name = _("tavoite")
        verbose_name_plural = _("tavoitteet")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "indicator"],
                name="one_target_per_indicator_per_part",
                violation_error_message=_("Osahankkeella on jo tavoite tälle indikaattorille."),
            )
        ]


class ReportPeriod(Versioned):
    """One period of a call's reporting schedule (e.g. a calendar year) and its due date."""

    call = models.ForeignKey(
        "programmes.Call",
        verbose_name=_("haku"),
        on_delete=models.CASCADE,
        related_name="report_periods",
    )
    starts = models.DateField(_("kausi alkaa"))
    ends = models.DateField(_("kausi päättyy"))
    due = models.DateField(_("eräpäivä"))

    class Meta:
        ordering = ["call", "starts"]
        verbose_name = _("raportointikausi")
        verbose_name_plural = _("raportointikaudet")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts__lt=F("ends")) & Q(due__gte=F("ends")),
                name="report_period_in_order",
                violation_error_message=_(
                    "Kauden on alettava ennen kuin se päättyy, ja eräpäivän on oltava kauden "
                    "päättymisen jälkeen."
                ),
            ),
            models.UniqueConstraint(fields=["call", "starts"], name="one_period_per_start"),
        ]

    def __str__(self):
        return f"{self.starts:%-d.%-m.%Y}–{self.ends:%-d.%-m.%Y}"


class ReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The implementer's people, the call's funding authority's officers, the owning city's
        grant officers and administrators. Drafts are the implementer's until submitted."""
        if getattr(user, "is_staff", False) or roles.is_administrator(user):
            return self
        own = roles.organisation_ids_for(user)
        officer = Q(application__entity__call_id__in=roles.call_ids_run_by(user)) | Q(
            application__entity__call__programme_id__in=roles.grant_programme_ids_for(user)
        )
        return self.filter(
            Q(application__organisation_id__in=own) | (~Q(status=ReportStatus.DRAFT) & officer)
        )


class Report(Versioned):
    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("osahanke"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    period = models.ForeignKey(
        ReportPeriod, verbose_name=_("kausi"), on_delete=models.PROTECT, related_name="reports"
    )
    kind = models.CharField(
        _("laji"), max_length=10, choices=ReportKind.choices, default=ReportKind.PROGRESS
    )
    status = models.CharField(
        _("tila"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    narrative = models.TextField(_("yleiskuvaus"), blank=True)
    officer_note = models.TextField(_("käsittelijän huomautus"), blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["period__starts", "application"]
        verbose_name = _("raportti")
        verbose_name_plural = _("raportit")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "period", "kind"],
                name="one_report_per_part_period_kind",
                violation_error_message=_("Osahankkeella on jo tämän kauden raportti."),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.period}"


class ReportValue(models.Model):
    """One indicator's value in one report: a number (quantity or scale) or a narrative."""

    report = models.ForeignKey(
        Report, verbose_name=_("raportti"), on_delete=models.CASCADE, related_name="values"
    )
    indicator = models.ForeignKey(
        "reporting.Indicator",
        verbose_name=_("indikaattori"),
        on_delete=models.PROTECT,
        related_name="values",
    )
    number = models.DecimalField(_("arvo"), max_digits=14, decimal_places=2, null=True, blank=True)
    text = models.TextField(_("kuvaus"), blank=True)

    class Meta:
        ordering = ["report", "indicator"]
        verbose_name = _("raportin arvo")
        verbose_name_plural = _("raportin arvot")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "indicator"],
                name="one_value_per_indicator_per_report",
                violation_error_message=_("Raportissa on jo arvo tälle indikaattorille."),
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.text or self.number}"
