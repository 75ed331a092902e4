"""The cost options a funding decision fixed for a part: the staff unit cost and the lump sum's
milestones. The funding authority records them (it made the decision); claims only read them."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.utils.translation import gettext as _

from hankesalkku.applying import costs
from hankesalkku.core.money import format_eur
from hankesalkku.core.services import save_validated, service
from hankesalkku.projects.models import CostCategory

from ..permissions import can_pay_claim
from ..terms import LumpSumMilestone, StaffUnitCost
from .claim_lines import approved_by_category
from .claims import budget_in_force


def _require(decision):
    allowed, reason = decision
    if not allowed:
        raise PermissionDenied(reason)


@service
def staff_unit_cost_set(
    *, actor, application, decision, annual_pay=None, hourly_rate=None
) -> StaffUnitCost:
    """From the annual pay (÷ 1 720 h, to the cent, as applying computes it) or the rate as the
    decision states it. Fixed for the whole project: once a claim used it, it stays."""
    _require(can_pay_claim(actor, application))
    if annual_pay is not None:
        annual_pay = Decimal(str(annual_pay))
        hourly_rate = costs.hourly_rate(annual_pay)
        working = f"{costs.fi_amount(annual_pay)} € / {costs.fi_number(costs.HOURS_PER_YEAR)} h"
    elif hourly_rate is not None:
        hourly_rate, working = Decimal(str(hourly_rate)), ""
    else:
        raise ValidationError({"hourly_rate": _("Anna vuosipalkka tai tuntihinta.")})
    unit = StaffUnitCost.objects.filter(application=application).first()
    if unit is not None and application.payment_claims.filter(lines__hours__isnull=False).exists():
        raise ValidationError(
            {
                "hourly_rate": _(
                    "Yksikkökustannusta on jo käytetty maksatushakemuksessa: sitä ei voi muuttaa."
                )
            }
        )
    unit = unit or StaffUnitCost(application=application)
    unit.decision, unit.annual_pay, unit.hourly_rate = decision, annual_pay, hourly_rate
    unit.working = working
    return save_validated(unit)


@service
def lump_sum_milestone_create(
    *, actor, application, decision, name: str, amount, order: int = 1
) -> LumpSumMilestone:
    """The milestones together stay within the approved lump sum."""
    _require(can_pay_claim(actor, application))
    amount = Decimal(str(amount))
    approved = approved_by_category(budget_in_force(application)).get(CostCategory.LUMP_SUM)
    if approved is None:
        raise ValidationError({"amount": _("Hyväksytyssä budjetissa ei ole kertakorvausta.")})
    earlier = application.lump_sum_milestones.aggregate(total=Sum("amount"))["total"] or 0
    if earlier + amount > approved:
        raise ValidationError(
            {
                "amount": _(
                    "Välitavoitteet yhteensä ylittäisivät hyväksytyn kertakorvauksen %(a)s."
                )
                % {"a": format_eur(approved)}
            }
        )
    return save_validated(
        LumpSumMilestone(
            application=application,
            decision=decision,
            name=name.strip(),
            amount=amount,
            order=order,
        )
    )
