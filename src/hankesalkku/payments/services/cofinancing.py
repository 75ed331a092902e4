"""A city's co-financing: the yearly plan of a commitment and what was paid from it.

A payment and the commitment's `spent` change in one transaction through
`decisions.services.commitment_update`, so the ledger never shows one without the other, and
the commitment's constraint (spent ≤ amount) refuses a payment that would overspend it.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.money import CENT, format_eur
from hankesalkku.core.services import check_version, save_validated, service
from hankesalkku.decisions.models import Commitment
from hankesalkku.decisions.services import commitment_update

from ..models import CommitmentPayment, CommitmentYearPlan
from ..permissions import can_record_commitment_payment


def _require(decision):
    allowed, reason = decision
    if not allowed:
        raise PermissionDenied(reason)


@service
def commitment_payment_record(
    *,
    actor,
    commitment: Commitment,
    paid_on,
    amount,
    year=None,
    claim=None,
    note="",
    is_illustrative=False,
) -> CommitmentPayment:
    _require(can_record_commitment_payment(actor, commitment))
    amount = Decimal(str(amount))
    if not amount.is_finite() or amount <= 0 or amount != amount.quantize(CENT):
        raise ValidationError({"amount": _("Maksun on oltava positiivinen, euroina ja sentteinä.")})
    if paid_on is None:
        raise ValidationError({"paid_on": _("Anna maksupäivä.")})
    if claim is not None and (
        claim.status not in ("accepted", "partly_accepted", "paid")
        or claim.application.entity_id != commitment.entity_id
    ):
        raise ValidationError(
            {
                "claim": _(
                    "Kuntaosuus maksetaan saman hankkeen hyväksytyn maksatushakemuksen perusteella."
                )
            }
        )
    locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
    if locked.spent + amount > locked.amount:
        raise ValidationError(
            {
                "amount": _(
                    "Maksu ylittäisi sitoumuksen: sitoumus %(amount)s, jo maksettu %(spent)s."
                )
                % {"amount": format_eur(locked.amount), "spent": format_eur(locked.spent)}
            }
        )
    payment = save_validated(
        CommitmentPayment(
            commitment=locked,
            paid_on=paid_on,
            year=year or paid_on.year,
            amount=amount,
            claim=claim,
            note=note,
            is_illustrative=is_illustrative,
        )
    )
    commitment_update(actor=actor, commitment=locked, spent=locked.spent + amount)
    commitment.refresh_from_db()
    return payment


@service
def commitment_plan_set(
    *, actor, commitment: Commitment, year: int, amount, expected_version: int | None = None
) -> CommitmentYearPlan:
    """The decision's yearly split; the years together stay within the amount committed and
    within the commitment's period where it has one."""
    _require(can_record_commitment_payment(actor, commitment))
    amount = Decimal(str(amount))
    if amount < 0 or amount != amount.quantize(CENT):
        raise ValidationError(
            {"amount": _("Summan on oltava euroja ja senttejä, ei negatiivinen.")}
        )
    first, last = commitment.starts_year, commitment.ends_year
    if (first and year < first) or (last and year > last):
        raise ValidationError(
            {
                "year": _("Vuosi %(year)s on sitoumuksen kauden %(first)s–%(last)s ulkopuolella.")
                % {"year": year, "first": first or "", "last": last or ""}
            }
        )
    plan = CommitmentYearPlan.objects.filter(commitment=commitment, year=year).first()
    if plan is not None:
        check_version(plan, expected_version)
    others = sum((p.amount for p in commitment.year_plans.exclude(year=year)), Decimal("0.00"))
    if others + amount > commitment.amount:
        raise ValidationError(
            {
                "amount": _("Vuosien suunnitelma ylittää sitoumuksen %(amount)s.")
                % {"amount": format_eur(commitment.amount)}
            }
        )
    plan = plan or CommitmentYearPlan(commitment=commitment, year=year)
    plan.amount = amount
    return save_validated(plan)
