"""What follows a report besides its values: attachments, the reminders sent, and why a call
chose each of its target districts.

Attachments are kept in the database like every other original the system holds, so a backup
of the database is a backup of the reports. A reminder is recorded so that the daily run sends
each reminder once, however often it runs. A target district's rationale is kept beside the call
because the choice was made from the districts' indicators (seed 004) and has to be shown.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.models import Versioned


class ReportAttachment(models.Model):
    report = models.ForeignKey(
        "reporting.Report",
        verbose_name=_("raportti"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    name = models.CharField(_("tiedoston nimi"), max_length=200)
    kind = models.CharField(_("tiedoston laji"), max_length=10)
    sha256 = models.CharField(_("tiiviste"), max_length=64)
    size = models.PositiveIntegerField(_("koko (tavua)"))
    data = models.BinaryField(_("sisältö"))
    added = models.DateTimeField(_("lisätty"), auto_now_add=True)

    class Meta:
        ordering = ["report", "added", "pk"]
        verbose_name = _("raportin liite")
        verbose_name_plural = _("raportin liitteet")

    def __str__(self):
        return self.name


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("ennen eräpäivää")
    OVERDUE = "overdue", _("myöhässä")


class ReportReminder(models.Model):
    """One reminder e-mailed about one part's report for one period."""

    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("osahanke"),
        on_delete=models.CASCADE,
        related_name="report_reminders",
    )
    period = models.ForeignKey(
        "reporting.ReportPeriod",
        verbose_name=_("kausi"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    kind = models.CharField(_("laji"), max_length=10, choices=ReminderKind.choices)
    sent_on = models.DateField(_("lähetetty"))
    recipients = models.TextField(_("vastaanottajat"), blank=True)

    class Meta:
        ordering = ["-sent_on"]
        verbose_name = _("raporttimuistutus")
        verbose_name_plural = _("raporttimuistutukset")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "period", "kind"], name="one_reminder_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.application} {self.period} {self.kind}"


class TargetDistrict(Versioned):
    """A call's target district and the recorded reason it was chosen."""

    call = models.ForeignKey(
        "programmes.Call",
        verbose_name=_("haku"),
        on_delete=models.CASCADE,
        related_name="target_district_rationales",
    )
    district = models.ForeignKey(
        "organisations.District",
        verbose_name=_("kaupunginosa"),
        on_delete=models.CASCADE,
        related_name="target_of_calls",
    )
    rationale = models.TextField(_("perustelu"))

    class Meta:
        ordering = ["call", "district__name"]
        verbose_name = _("kohdekaupunginosa")
        verbose_name_plural = _("kohdekaupunginosat")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "district"],
                name="one_rationale_per_target_district",
                violation_error_message=_("Kaupunginosa on jo haun kohdekaupunginosa."),
            )
        ]

    def __str__(self):
        return f"{self.call} – {self.district}"
