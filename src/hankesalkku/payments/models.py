"""Payment claims, advances and the city's co-financing payments.

A claim (maksatushakemus) is one implementer's part's costs for one period, line by line in the
approved budget's categories; the funding authority accepts, reduces or rejects each line, and
pays the support on what it accepted, less the advances still to offset. Totals that must hold
(accepted ≤ claimed, paid ≤ accepted) are check constraints too, so no writer can break them.

A co-financing payment is money a city paid from a commitment (Helsinki paying Forum Virium
Helsinki's share from 1 50 04); its sum is the commitment's `spent`, whose own constraint keeps
it within the amount committed.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hankesalkku.core.models import Versioned
from hankesalkku.core.money import money_field
from hankesalkku.projects.models import CostCategory


class ClaimStatus(models.TextChoices):
    DRAFT = "draft", _("luonnos")
    SUBMITTED = "submitted", _("jätetty")
    ACCEPTED = "accepted", _("hyväksytty")
    PARTLY_ACCEPTED = "partly_accepted", _("hyväksytty osittain")
    REJECTED = "rejected", _("hylätty")
    PAID = "paid", _("maksettu")

    @classmethod
    def counted(cls) -> tuple[str, ...]:
        """Claims whose costs use up the approved budget: all but the rejected."""
        return (cls.DRAFT, cls.SUBMITTED, cls.ACCEPTED, cls.PARTLY_ACCEPTED, cls.PAID)


CLAIM_TRANSITIONS = {
    ClaimStatus.DRAFT: {ClaimStatus.SUBMITTED},
    ClaimStatus.SUBMITTED: {
        ClaimStatus.ACCEPTED,
        ClaimStatus.PARTLY_ACCEPTED,
        ClaimStatus.REJECTED,
    },
    ClaimStatus.ACCEPTED: {ClaimStatus.PAID},
    ClaimStatus.PARTLY_ACCEPTED: {ClaimStatus.PAID},
    ClaimStatus.REJECTED: set(),
    ClaimStatus.PAID: set(),
}
"""The allowed status changes of a claim, one service per change."""


class PaymentClaimQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A claim is working material: its implementer's people, the funding authority's
        officers and administrators see it (payments.permissions says the same per claim)."""
        from hankesalkku.accounts import roles
        from hankesalkku.accounts.models import MEMBER_ROLES

        if getattr(user, "is_staff", False) or roles.is_administrator(user):
            return self
        if not getattr(user, "is_authenticated", False):
            return self.none()
        members = roles.organisation_ids_for(user, MEMBER_ROLES)
        authorities = roles.authority_organisation_ids(user)
        return self.filter(
            Q(application__organisation_id__in=members)
            | Q(application__entity__funding_authority_id__in=authorities)
            | Q(
                application__entity__funding_authority__isnull=True,
                application__entity__call__funding_authority_id__in=authorities,
            )
            | Q(
                application__entity__funding_authority__isnull=True,
                budget__decision__organisation_id__in=authorities,
            )
        )

    def with_related(self):
        return self.select_related(
            "application", "application__organisation", "application__entity", "budget"
        )


class PaymentClaim(Versioned):
    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("osahanke"),
        on_delete=models.PROTECT,
        related_name="payment_claims",
    )
    budget = models.ForeignKey(
        "decisions.ApprovedBudget",
        verbose_name=_("hyväksytty budjetti"),
        on_delete=models.PROTECT,
        related_name="payment_claims",
    )
    period_starts = models.DateField(_("maksatuskausi alkaa"))
    period_ends = models.DateField(_("maksatuskausi päättyy"))
    status = models.CharField(
        _("tila"), max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.DRAFT
    )
    support_rate = models.DecimalField(_("tukiprosentti"), max_digits=5, decimal_places=4)
    claimed_total = money_field(_("haetut kustannukset"), null=False, default=0)
    accepted_total = money_field(_("hyväksytyt kustannukset"), null=False, default=0)
    accepted_support = money_field(_("hyväksytty tuki"), null=False, default=0)
    advance_offset = money_field(_("ennakon vähennys"), null=False, default=0)
    paid_amount = money_field(_("maksettu tuki"), null=False, default=0)
    paid_on = models.DateField(_("maksupäivä"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("jättäjä"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("jätetty"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tarkastaja"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("tarkastettu"), null=True, blank=True)
    decision_note = models.TextField(_("tarkastuksen perustelu"), blank=True)
    is_illustrative = models.BooleanField(_("havainnollistava"), default=False)

    objects = PaymentClaimQuerySet.as_manager()

    class Meta:
        ordering = ["application", "period_starts"]
        verbose_name = _("maksatushakemus")
        verbose_name_plural = _("maksatushakemukset")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_ends__gte=F("period_starts")),
                name="claim_period_ordered",
                violation_error_message=_("Maksatuskausi päättyy ennen alkuaan."),
            ),
            models.CheckConstraint(
                condition=Q(accepted_total__lte=F("claimed_total")),
                name="claim_accepted_within_claimed",
                violation_error_message=_("Hyväksytty määrä ylittää haetun."),
            ),
            models.CheckConstraint(
                condition=Q(claimed_total__gte=0)
                & Q(accepted_support__gte=0)
                & Q(advance_offset__gte=0)
                & Q(paid_amount__gte=0),
                name="claim_totals_not_negative",
                violation_error_message=_("Maksatushakemuksen summat eivät voi olla negatiivisia."),
            ),
            models.CheckConstraint(
                condition=Q(accepted_support__lte=F("accepted_total")),
                name="claim_support_within_accepted_costs",
                violation_error_message=_("Hyväksytty tuki ylittää hyväksytyt kustannukset."),
            ),
            models.CheckConstraint(
                condition=Q(paid_amount__lte=F("accepted_support") - F("advance_offset")),
                name="claim_paid_within_accepted",
                violation_error_message=_("Maksettu tuki ylittää hyväksytyn tuen."),
            ),
            models.UniqueConstraint(
                fields=["application", "period_starts", "period_ends"],
                condition=~Q(status="rejected"),
                name="one_claim_per_period",
                violation_error_message=_(
                    "Osahankkeella on jo maksatushakemus samalle maksatuskaudelle."
                ),
            ),
        ]

    def __str__(self) -> str:
        return _("Maksatushakemus %(part)s %(starts)s–%(ends)s") % {
            "part": self.application,
            "starts": f"{self.period_starts:%-d.%-m.%Y}",
            "ends": f"{self.period_ends:%-d.%-m.%Y}",
        }

    def get_absolute_url(self) -> str:
        return reverse("payments:claim", args=[self.pk])


class ClaimLine(models.Model):
    """One cost category of a claim; the officer's accepted amount and reason sit beside it."""

    claim = models.ForeignKey(
        PaymentClaim, verbose_name=_("hakemus"), on_delete=models.CASCADE, related_name="lines"
    )
    category = models.CharField(_("kustannuslaji"), max_length=30, choices=CostCategory.choices)
    claimed = money_field(_("haettu"), null=False)
    accepted = money_field(_("hyväksytty"), null=True)
    reduction_reason = models.TextField(_("vähennyksen perustelu"), blank=True)
    hours = models.DecimalField(_("tunnit"), max_digits=9, decimal_places=2, null=True, blank=True)
    unit_rate = money_field(_("tuntihinta"), null=True)
    accepted_hours = models.DecimalField(
        _("hyväksytyt tunnit"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    working = models.CharField(_("laskentatapa"), max_length=300, blank=True)

    class Meta:
        ordering = ["claim", "category"]
        verbose_name = _("maksatushakemuksen rivi")
        verbose_name_plural = _("maksatushakemuksen rivit")
        constraints = [
            models.UniqueConstraint(fields=["claim", "category"], name="claim_line_unique"),
            models.CheckConstraint(
                condition=Q(accepted__isnull=True) | Q(accepted__lte=F("claimed")),
                name="claim_line_accepted_within_claimed",
                violation_error_message=_("Hyväksytty määrä ylittää haetun."),
            ),
            models.CheckConstraint(
                condition=Q(claimed__gte=0) & (Q(accepted__isnull=True) | Q(accepted__gte=0)),
                name="claim_line_not_negative",
                violation_error_message=_("Summa ei voi olla negatiivinen."),
            ),
            models.CheckConstraint(
                condition=Q(accepted_hours__isnull=True) | Q(accepted_hours__lte=F("hours")),
                name="claim_line_hours_within_claimed",
                violation_error_message=_("Hyväksytyt tunnit ylittävät haetut."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.claimed} €"

    @property
    def accepted_hours_text(self) -> str:
        """The accepted hours as a Finnish reader writes them (1 450, 12,5)."""
        from hankesalkku.applying.costs import fi_number

        return fi_number(self.accepted_hours) if self.accepted_hours is not None else ""


class Advance(models.Model):
    """Support paid ahead (at most 30 % of the approved support), offset from later payments."""

    application = models.ForeignKey(
        "projects.Application",
        verbose_name=_("osahanke"),
        on_delete=models.PROTECT,
        related_name="advances",
    )
    amount = money_field(_("ennakko"), null=False)
    paid_on = models.DateField(_("maksupäivä"))
    offset = money_field(_("vähennetty"), null=False, default=0)
    is_illustrative = models.BooleanField(_("havainnollistava"), default=False)

    class Meta:
        ordering = ["application", "paid_on"]
        verbose_name = _("ennakko")
        verbose_name_plural = _("ennakot")
        constraints = [
            models.CheckConstraint(
                condition=Q(offset__lte=F("amount")),
                name="advance_offset_within_amount",
                violation_error_message=_("Ennakosta vähennetty ylittää ennakon."),
            ),
            models.CheckConstraint(
                condition=Q(amount__gt=0) & Q(offset__gte=0),
                name="advance_positive",
                violation_error_message=_("Ennakon on oltava positiivinen."),
            ),
        ]

    def __str__(self) -> str:
        return _("Ennakko %(amount)s €") % {"amount": self.amount}

    @property
    def open_amount(self):
        return self.amount - self.offset


class CommitmentPayment(models.Model):
    """Money paid out of a commitment; the commitment's `spent` is the sum of these."""

    commitment = models.ForeignKey(
        "decisions.Commitment",
        verbose_name=_("sitoumus"),
        on_delete=models.PROTECT,
        related_name="payments",
    )
    paid_on = models.DateField(_("maksupäivä"))
    year = models.PositiveSmallIntegerField(_("vuosi"))
    amount = money_field(_("määrä"), null=False)
    claim = models.ForeignKey(
        PaymentClaim,
        verbose_name=_("maksatushakemus"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commitment_payments",
    )
    note = models.CharField(_("selite"), max_length=300, blank=True)
    is_illustrative = models.BooleanField(_("havainnollistava"), default=False)

    class Meta:
        ordering = ["commitment", "paid_on"]
        verbose_name = _("kuntarahoituksen maksu")
        verbose_name_plural = _("kuntarahoituksen maksut")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="commitment_payment_positive")
        ]
        indexes = [models.Index(fields=["commitment", "year"], name="commitment_payment_year")]

    def __str__(self) -> str:
        return f"{self.commitment}: {self.amount} € {self.paid_on:%-d.%-m.%Y}"


class CommitmentYearPlan(Versioned):
    """How much of a commitment the decision planned for a year (the yearly split); the
    finance office edits it as the project goes on, so it is versioned like any edited record."""

    commitment = models.ForeignKey(
        "decisions.Commitment",
        verbose_name=_("sitoumus"),
        on_delete=models.CASCADE,
        related_name="year_plans",
    )
    year = models.PositiveSmallIntegerField(_("vuosi"))
    amount = money_field(_("suunniteltu"), null=False)

    class Meta:
        ordering = ["commitment", "year"]
        verbose_name = _("sitoumuksen vuosisuunnitelma")
        verbose_name_plural = _("sitoumusten vuosisuunnitelmat")
        constraints = [
            models.UniqueConstraint(fields=["commitment", "year"], name="commitment_plan_year"),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="commitment_plan_not_negative",
                violation_error_message=_("Suunniteltu määrä ei voi olla negatiivinen."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.amount} €"


from .terms import (  # noqa: E402,F401  (registered here)
    ClaimAttachment,
    ClaimMilestone,
    LumpSumMilestone,
    StaffUnitCost,
)
