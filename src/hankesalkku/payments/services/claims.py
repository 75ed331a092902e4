"""A payment claim from draft to paid.

Every refusal is a ValidationError naming the field, raised before anything is saved (the
service's transaction rolls back the rest), so a refused claim leaves the records as they were.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from hankesalkku.core.money import CENT, format_eur
from hankesalkku.core.services import check_version, delete_recorded, save_validated, service
from hankesalkku.decisions.models import ApprovedBudget
from hankesalkku.projects.models import CostCategory

from ..models import Advance, ClaimLine, ClaimMilestone, ClaimStatus, PaymentClaim
from ..permissions import can_check_claim, can_pay_claim, can_prepare_claim, can_submit_claim
from .claim_lines import (
    ComputedClaim,
    Line,
    check_milestones,
    check_within_budget,
    compute_claim,
    flat_rate_of,
)

ADVANCE_SHARE = Decimal("0.30")


def _require(decision: tuple[bool, str]) -> None:
    allowed, reason = decision
    if not allowed:
        raise PermissionDenied(reason)


def budget_in_force(application) -> ApprovedBudget:
    budget = ApprovedBudget.objects.in_force().filter(application=application).first()
    if budget is None:
        raise ValidationError(
            {"application": _("Osahankkeella ei ole voimassa olevaa hyväksyttyä budjettia.")}
        )
    return budget


def _check_period(application, budget, starts, ends) -> None:
    first = budget.starts or application.starts
    last = budget.ends or application.ends
    if starts and ends and ends < starts:
        raise ValidationError({"period_ends": _("Maksatuskausi päättyy ennen alkuaan.")})
    if (first and starts < first) or (last and ends > last):
        raise ValidationError(
            {
                "period_starts": _(
                    "Kustannukset ovat hankkeen toteutusajan ulkopuolella (%(first)s–%(last)s)."
                )
                % {
                    "first": f"{first:%-d.%-m.%Y}" if first else "",
                    "last": f"{last:%-d.%-m.%Y}" if last else "",
                }
            }
        )


def _write_lines(claim, computed) -> None:
    for line in list(claim.lines.all()):
        delete_recorded(line)
    for milestone in list(claim.milestones.all()):
        delete_recorded(milestone)
    for line in computed.lines.values():
        save_validated(
            ClaimLine(
                claim=claim,
                category=line.category,
                claimed=line.claimed,
                hours=line.hours,
                unit_rate=line.unit_rate,
                working=line.working,
            )
        )
    for milestone, reached_on in computed.milestones:
        save_validated(ClaimMilestone(claim=claim, milestone=milestone, reached_on=reached_on))
    claim.claimed_total = computed.total


def _check_duplicate(claim) -> None:
    same = PaymentClaim.objects.filter(
        application=claim.application,
        period_starts=claim.period_starts,
        period_ends=claim.period_ends,
    ).exclude(status=ClaimStatus.REJECTED)
    if claim.pk:
        same = same.exclude(pk=claim.pk)
    if same.exists():
        raise ValidationError(
            {"period_starts": _("Osahankkeella on jo maksatushakemus samalle maksatuskaudelle.")}
        )


@service
def payment_claim_create(
    *,
    actor,
    application,
    period_starts,
    period_ends,
    lines=(),
    staff_hours=None,
    milestones=(),
    is_illustrative: bool = False,
) -> PaymentClaim:
    """`lines` are (cost category, amount); staff under a unit cost come as hours, a lump sum
    as the milestones reached; the flat rate and the unit costs are computed, never typed."""
    _require(can_prepare_claim(actor, application))
    budget = budget_in_force(application)
    _check_period(application, budget, period_starts, period_ends)
    claim = PaymentClaim(
        application=application,
        budget=budget,
        period_starts=period_starts,
        period_ends=period_ends,
        support_rate=budget.support_rate,
        is_illustrative=is_illustrative,
    )
    _check_duplicate(claim)
    computed = compute_claim(
        application, budget, lines=lines, staff_hours=staff_hours, milestones=milestones
    )
    check_within_budget(claim, budget, computed)
    check_milestones(claim, computed)
    save_validated(claim)
    _write_lines(claim, computed)
    return save_validated(claim)


@service
def payment_claim_update(
    *,
    actor,
    claim: PaymentClaim,
    expected_version: int | None = None,
    lines=None,
    staff_hours=None,
    milestones=(),
    **changes,
) -> PaymentClaim:
    """A draft's period and lines (given `lines`, all of them again: the form sends the whole
    claim); a stale version is refused before anything changes."""
    check_version(claim, expected_version)
    _require(can_prepare_claim(actor, claim.application))
    if claim.status != ClaimStatus.DRAFT:
        raise ValidationError({"status": _("Vain luonnosta voi muuttaa.")})
    for name in ("period_starts", "period_ends"):
        if name in changes:
            setattr(claim, name, changes[name])
    _check_period(claim.application, claim.budget, claim.period_starts, claim.period_ends)
    _check_duplicate(claim)
    if lines is not None:
        computed = compute_claim(
            claim.application,
            claim.budget,
            lines=lines,
            staff_hours=staff_hours,
            milestones=milestones,
        )
        check_within_budget(claim, claim.budget, computed)
        check_milestones(claim, computed)
        _write_lines(claim, computed)
    return save_validated(claim)


@service
def payment_claim_submit(
    *, actor, claim: PaymentClaim, expected_version: int | None = None
) -> PaymentClaim:
    check_version(claim, expected_version)
    _require(can_submit_claim(actor, claim))
    computed = ComputedClaim(
        lines={line.category: Line(line.category, line.claimed) for line in claim.lines.all()}
    )
    if not computed.total:
        raise ValidationError({"lines": _("Maksatushakemuksessa ei ole kustannuksia.")})
    check_within_budget(claim, claim.budget, computed)
    claim.status = ClaimStatus.SUBMITTED
    claim.submitted_by = actor
    claim.submitted_at = timezone.now()
    return save_validated(claim)


def _accept_line(line, amount, reason) -> None:
    line.accepted, line.reduction_reason = Decimal(str(amount)), (reason or "").strip()
    if line.accepted > line.claimed or line.accepted < 0:
        raise ValidationError(
            {
                "accepted": _("%(category)s: hyväksytty määrä ylittää haetun.")
                % {"category": line.get_category_display()}
            }
        )
    if line.accepted < line.claimed and not line.reduction_reason:
        raise ValidationError(
            {
                "reduction_reason": _("%(category)s: kerro vähennyksen peruste.")
                % {"category": line.get_category_display()}
            }
        )


def _accept_hours(line, hours, reason) -> None:
    """A unit-cost staff line is reduced by hours; its euros follow from the decision's rate."""
    hours = Decimal(str(hours))
    if hours < 0 or hours > line.hours:
        raise ValidationError(
            {"accepted_hours": _("Hyväksytyt tunnit ylittävät haetut tai ovat negatiiviset.")}
        )
    line.accepted_hours = hours
    _accept_line(line, (line.unit_rate * hours).quantize(CENT, ROUND_HALF_UP), reason)


def _accept_milestones(claim, line, decisions) -> None:
    """Each milestone in full or not at all; the lump sum line is what was accepted."""
    accepted_total = Decimal("0.00")
    refused = []
    for claimed in claim.milestones.select_related("milestone"):
        ok, reason = decisions.get(claimed.milestone_id, (True, ""))
        claimed.accepted, claimed.reason = bool(ok), (reason or "").strip()
        if not claimed.accepted:
            if not claimed.reason:
                raise ValidationError(
                    {
                        "milestones": _("%(name)s: kerro, miksi välitavoitetta ei hyväksytä.")
                        % {"name": claimed.milestone.name}
                    }
                )
            refused.append(f"{claimed.milestone.name}: {claimed.reason}")
        else:
            accepted_total += claimed.milestone.amount
        save_validated(claimed)
    _accept_line(line, min(accepted_total, line.claimed), "; ".join(refused))


@service
def payment_claim_check(
    *,
    actor,
    claim: PaymentClaim,
    expected_version: int | None = None,
    accepted=None,
    accepted_hours=None,
    milestones=None,
    reject_reason: str = "",
) -> PaymentClaim:
    """`accepted` maps a category to (amount, reason); a line left out is accepted in full.
    A unit-cost staff line is reduced by `accepted_hours` (hours, reason); `milestones` maps a
    milestone's id to (accepted, reason). A reduced line needs its reason; the flat rate follows
    the accepted staff costs. With a `reject_reason` the whole claim is rejected and its costs
    no longer use the budget.
    """
    check_version(claim, expected_version)
    _require(can_check_claim(actor, claim))
    if claim.status != ClaimStatus.SUBMITTED:
        raise ValidationError({"status": _("Vain jätetyn hakemuksen voi tarkastaa.")})
    claim.checked_by, claim.checked_at = actor, timezone.now()
    reject_reason = (reject_reason or "").strip()
    if reject_reason:
        claim.status, claim.decision_note = ClaimStatus.REJECTED, reject_reason
        return save_validated(claim)
    accepted = accepted or {}
    lines = {line.category: line for line in claim.lines.all()}
    for category, line in lines.items():
        if category in (CostCategory.FLAT_RATE, CostCategory.LUMP_SUM):
            continue
        if line.hours is not None and line.unit_rate is not None:
            hours, reason = accepted_hours or (line.hours, "")
            _accept_hours(line, hours, reason)
        else:
            amount, reason = accepted.get(category, (line.claimed, ""))
            _accept_line(line, amount, reason)
    if CostCategory.LUMP_SUM in lines:
        _accept_milestones(claim, lines[CostCategory.LUMP_SUM], milestones or {})
    flat = lines.get(CostCategory.FLAT_RATE)
    if flat is not None:
        staff = lines.get(CostCategory.STAFF)
        base = staff.accepted if staff else Decimal("0")
        computed = (base * flat_rate_of(claim.budget)).quantize(CENT, ROUND_HALF_UP)
        flat.accepted = min(flat.claimed, computed)
        if flat.accepted < flat.claimed:
            flat.reduction_reason = _("Henkilöstökustannuksista laskettu osuus pieneni.")
    for line in lines.values():
        save_validated(line)
    claim.accepted_total = sum((line.accepted for line in lines.values()), Decimal("0.00"))
    claim.accepted_support = (claim.accepted_total * claim.support_rate).quantize(
        CENT, ROUND_HALF_UP
    )
    reduced = claim.accepted_total < claim.claimed_total
    claim.status = ClaimStatus.PARTLY_ACCEPTED if reduced else ClaimStatus.ACCEPTED
    claim.decision_note = ""
    return save_validated(claim)


@service
def payment_claim_pay(
    *, actor, claim: PaymentClaim, paid_on, expected_version: int | None = None
) -> PaymentClaim:
    """Pay the accepted support, first offsetting the advances still open (oldest first)."""
    check_version(claim, expected_version)
    _require(can_pay_claim(actor, claim.application))
    if claim.status not in (ClaimStatus.ACCEPTED, ClaimStatus.PARTLY_ACCEPTED):
        raise ValidationError({"status": _("Vain hyväksytyn hakemuksen tuen voi maksaa.")})
    if paid_on is None:
        raise ValidationError({"paid_on": _("Anna maksupäivä.")})
    if paid_on < claim.period_ends:
        raise ValidationError({"paid_on": _("Maksupäivä on ennen maksatuskauden loppua.")})
    due = claim.accepted_support
    offset = Decimal("0.00")
    advances = Advance.objects.select_for_update().filter(application=claim.application)
    for advance in advances.order_by("paid_on", "pk"):
        take = min(advance.open_amount, due - offset)
        if take > 0:
            advance.offset += take
            offset += take
            save_validated(advance)
    claim.advance_offset, claim.paid_amount = offset, due - offset
    claim.paid_on, claim.status = paid_on, ClaimStatus.PAID
    return save_validated(claim)


@service
def advance_pay(*, actor, application, amount, paid_on, is_illustrative: bool = False) -> Advance:
    """At most 30 % of the approved support in advances altogether."""
    _require(can_pay_claim(actor, application))
    budget = budget_in_force(application)
    amount = Decimal(str(amount))
    earlier = application.advances.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    ceiling = (budget.support * ADVANCE_SHARE).quantize(CENT)
    if earlier + amount > ceiling:
        raise ValidationError(
            {
                "amount": _("Ennakot yhteensä ylittäisivät 30 %% tuesta (%(ceiling)s).")
                % {"ceiling": format_eur(ceiling)}
            }
        )
    return save_validated(
        Advance(
            application=application,
            amount=amount,
            paid_on=paid_on,
            is_illustrative=is_illustrative,
        )
    )
