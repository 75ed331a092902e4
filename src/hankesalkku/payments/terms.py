"""What a claim is checked against beyond the budget lines, and what it brings with it.

The funding decision fixes the simplified cost options for the whole project: the hourly staff
unit cost (annual pay / 1 720 h, so a claim states hours and never a euro amount for staff) and
the lump sum's milestones (each paid in full when reached, or not at all). They are kept here,
beside the claims that read them, each with the decision it came from; the decisions app stays
the record of the decision itself.

A claim's receipts and supporting documents (tositteet) are kept with the claim as the bytes
received, checked by content (core.uploads) and hashed, so an auditor can tell later that the
file is the one the claim was checked with.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.money import money_field


class StaffUnitCost(models.Model):
    """The hourly unit cost of a part's staff, as the funding decision approved it."""

    application = models.OneToOneField(
        "projects.Application",
        verbose_name=_("osahanke"),
        on_delete=models.CASCADE,
        related_name="staff_unit_cost",
    )
    decision = models.ForeignKey(
        "decisions.Decision",
        verbose_name=_("päätös"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    annual_pay = money_field(_("vuosipalkka"), null=True)
    hourly_rate = money_field(_("tuntihinta"), null=False)
    working = models.CharField(_("laskentatapa"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("henkilöstön yksikkökustannus")
        verbose_name_plural = _("henkilöstön yksikkökustannukset")
        constraints = [
            models.CheckConstraint(
                condition=Q(hourly_rate__gt=0),
                name="staff_unit_cost_positive",
                violation_error_message=_("Tuntihinnan on oltava positiivinen."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.application}: {self.hourly_rate} €/h"


class LumpSumMilestone(models.Model):
    """One milestone of the approved lump sum: claimed when reached, paid in full or not."""

    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("osahanke"),
        on_delete=models.CASCADE,
        related_name="lump_sum_milestones",
    )
    decision = models.ForeignKey(
        "decisions.Decision",
        verbose_name=_("päätös"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("järjestys"), default=1)
    name = models.CharField(_("välitavoite"), max_length=300)
    amount = money_field(_("kertakorvaus"), null=False)

    class Meta:
        ordering = ["application", "order", "pk"]
        verbose_name = _("kertakorvauksen välitavoite")
        verbose_name_plural = _("kertakorvauksen välitavoitteet")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="lump_sum_milestone_positive",
                violation_error_message=_("Välitavoitteen summan on oltava positiivinen."),
            ),
            models.UniqueConstraint(
                fields=["application", "name"], name="lump_sum_milestone_name_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.amount} €)"


class ClaimMilestone(models.Model):
    """A milestone a claim says was reached; the officer accepts it in full or not at all."""

    claim = models.ForeignKey(
        "payments.PaymentClaim",
        verbose_name=_("maksatushakemus"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    milestone = models.ForeignKey(
        LumpSumMilestone,
        verbose_name=_("välitavoite"),
        on_delete=models.PROTECT,
        related_name="claims",
    )
    reached_on = models.DateField(_("saavutettu"))
    accepted = models.BooleanField(_("hyväksytty"), null=True, blank=True)
    reason = models.TextField(_("perustelu"), blank=True)

    class Meta:
        ordering = ["claim", "milestone__order"]
        verbose_name = _("haettu välitavoite")
        verbose_name_plural = _("haetut välitavoitteet")
        constraints = [
            models.UniqueConstraint(fields=["claim", "milestone"], name="claim_milestone_unique")
        ]

    def __str__(self) -> str:
        return str(self.milestone)


class ClaimAttachment(models.Model):
    """A receipt or supporting document of a claim, as received."""

    claim = models.ForeignKey(
        "payments.PaymentClaim",
        verbose_name=_("maksatushakemus"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    name = models.CharField(_("tiedoston nimi"), max_length=255)
    description = models.CharField(_("kuvaus"), max_length=300, blank=True)
    kind = models.CharField(_("tiedostotyyppi"), max_length=10)
    size = models.PositiveIntegerField(_("koko (tavua)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    content = models.BinaryField(_("sisältö"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lisääjä"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("lisätty"), auto_now_add=True)

    class Meta:
        ordering = ["claim", "uploaded_at", "pk"]
        verbose_name = _("maksatushakemuksen liite")
        verbose_name_plural = _("maksatushakemuksen liitteet")
        constraints = [
            models.UniqueConstraint(fields=["claim", "sha256"], name="claim_attachment_once")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("payments:attachment", args=[self.claim_id, self.pk])
