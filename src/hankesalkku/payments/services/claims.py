"""A payment claim from draft to paid.

Every refusal is a ValidationError naming the field, raised before anything is saved (the
service's transaction rolls back the rest), so a refused claim leaves the records as they were.
"""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from hankesalkku.core.money import CENT, format_eur
from hankesalkku.core.services import check_version, delete_recorded, save_validated, service
from hankesalkku.decisions.models import ApprovedBudget
from hankesalkku.projects.models import CostCategory

from ..models import Advance, ClaimLine, ClaimStatus, PaymentClaim
from ..permissions import can_check_claim, can_pay_claim, can_prepare_claim, can_submit_claim

DEFAULT_FLAT_RATE = Decimal("0.40")
ADVANCE_SHARE = Decimal("0.30")


def _require(decision: tuple[bool, str]) -> None:
    allowed, reason = decision
    if not allowed:
        raise PermissionDenied(reason)


def flat_rate_of(budget: ApprovedBudget) -> Decimal:
    """The rate in the cost model's code (`flat-rate-40` → 40 %), else the common 40 %."""
    code = getattr(budget.cost_model, "code", "") or ""
    match = re.search(r"(\d{1,2})", code)
    return (Decimal(match.group(1)) / 100) if match else DEFAULT_FLAT_RATE


def _budget_in_force(application) -> ApprovedBudget:
    budget = ApprovedBudget.objects.in_force().filter(application=application).first()
    if budget is None:
        raise ValidationError(
            {"application": _("Osahankkeella ei ole voimassa olevaa hyväksyttyä budjettia.")}
        )
    return budget


def _approved_by_category(budget) -> dict[str, Decimal]:
    rows = budget.lines.values("category").annotate(total=Sum("amount"))
    return {row["category"]: row["total"] for row in rows}


def _amounts(lines, budget) -> dict[str, Decimal]:
    """Typed amounts by category, plus the flat rate computed from the staff base."""
    amounts: dict[str, Decimal] = {}
    approved = _approved_by_category(budget)
    for category, amount in lines:
        if category in CostCategory.computed():
            raise ValidationError(
                {"lines": _("Flat rate -osuutta ei syötetä: se lasketaan henkilöstökuluista.")}
            )
        if category not in approved:
            raise ValidationError(
                {
                    "lines": _("Kustannuslajia ”%(category)s” ei ole hyväksytyssä budjetissa.")
                    % {"category": CostCategory(category).label}
                }
            )
        amount = Decimal(str(amount))
        if amount < 0 or amount != amount.quantize(CENT):
            raise ValidationError(
                {"lines": _("Summan on oltava euroja ja senttejä, ei negatiivinen.")}
            )
        amounts[category] = amounts.get(category, Decimal("0")) + amount
    if CostCategory.FLAT_RATE in approved:
        staff = amounts.get(CostCategory.STAFF, Decimal("0"))
        amounts[CostCategory.FLAT_RATE] = (staff * flat_rate_of(budget)).quantize(
            CENT, ROUND_HALF_UP
        )
    return amounts


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


def _check_within_budget(claim, budget, amounts) -> None:
    """Cumulative: this claim with every earlier claim not rejected, by category."""
    approved = _approved_by_category(budget)
    earlier = (
        ClaimLine.objects.filter(
            claim__application=claim.application, claim__status__in=ClaimStatus.counted()
        )
        .exclude(claim_id=claim.pk)
        .values("category")
        .annotate(total=Sum("claimed"))
    )
    before = {row["category"]: row["total"] for row in earlier}
    for category, amount in amounts.items():
        total = before.get(category, Decimal("0")) + amount
        if total > approved.get(category, Decimal("0")):
            raise ValidationError(
                {
                    "lines": _(
                        "%(category)s: haettu yhteensä %(total)s ylittää hyväksytyn budjetin "
                        "rivin %(approved)s."
                    )
                    % {
                        "category": CostCategory(category).label,
                        "total": format_eur(total),
                        "approved": format_eur(approved[category]),
                    }
                }
            )


def _write_lines(claim, amounts) -> None:
    for line in list(claim.lines.all()):
        delete_recorded(line)
    for category, amount in amounts.items():
        save_validated(ClaimLine(claim=claim, category=category, claimed=amount))
    claim.claimed_total = sum(amounts.values(), Decimal("0.00"))


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
    *, actor, application, period_starts, period_ends, lines, is_illustrative=False
) -> PaymentClaim:
    """`lines` are (cost category, amount); the flat rate is added, computed, never typed."""
    _require(can_prepare_claim(actor, application))
    budget = _budget_in_force(application)
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
    amounts = _amounts(lines, budget)
    _check_within_budget(claim, budget, amounts)
    save_validated(claim)
    _write_lines(claim, amounts)
    return save_validated(claim)


@service
def payment_claim_update(
    *, actor, claim: PaymentClaim, expected_version=None, lines=None, **changes
) -> PaymentClaim:
    """A draft's period and lines; a stale version is refused before anything changes."""
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
        amounts = _amounts(lines, claim.budget)
        _check_within_budget(claim, claim.budget, amounts)
        _write_lines(claim, amounts)
    return save_validated(claim)


@service
def payment_claim_submit(*, actor, claim: PaymentClaim, expected_version=None) -> PaymentClaim:
    check_version(claim, expected_version)
    _require(can_submit_claim(actor, claim))
    amounts = {line.category: line.claimed for line in claim.lines.all()}
    if not amounts:
        raise ValidationError({"lines": _("Maksatushakemuksessa ei ole kustannuksia.")})
    _check_within_budget(claim, claim.budget, amounts)
    claim.status = ClaimStatus.SUBMITTED
    claim.submitted_by = actor
    claim.submitted_at = timezone.now()
    return save_validated(claim)


@service
def payment_claim_check(
    *, actor, claim: PaymentClaim, expected_version=None, accepted=None, reject_reason=""
) -> PaymentClaim:
    """`accepted` maps a category to (amount, reason); a line left out is accepted in full.

    A reduced line needs its reason; the flat rate follows the accepted staff costs. With a
    `reject_reason` the whole claim is rejected and its costs no longer use the budget.
    """
    check_version(claim, expected_version)
    _require(can_check_claim(actor, claim))
    if claim.status != ClaimStatus.SUBMITTED:
        raise ValidationError({"status": _("Vain jätetyn hakemuksen voi tarkastaa.")})
    claim.checked_by, claim.checked_at = actor, timezone.now()
    if reject_reason:
        claim.status, claim.decision_note = ClaimStatus.REJECTED, reject_reason
        return save_validated(claim)
    accepted = accepted or {}
    lines = {line.category: line for line in claim.lines.all()}
    for category, line in lines.items():
        amount, reason = accepted.get(category, (line.claimed, ""))
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
    flat = lines.get(CostCategory.FLAT_RATE)
    if flat is not None:
        staff = lines.get(CostCategory.STAFF)
        base = staff.accepted if staff else Decimal("0")
        flat.accepted = min(flat.claimed, (base * flat_rate_of(claim.budget)).quantize(CENT))
        if flat.accepted < flat.claimed and not flat.reduction_reason:
            flat.reduction_reason = _("Henkilöstökustannuksista laskettu osuus pieneni.")
    for line in lines.values():
        save_validated(line)
    claim.accepted_total = sum((line.accepted for line in lines.values()), Decimal("0.00"))
    claim.accepted_support = (claim.accepted_total * claim.support_rate).quantize(
        CENT, ROUND_HALF_UP
    )
    reduced = claim.accepted_total < claim.claimed_total
    claim.status = ClaimStatus.PARTLY_ACCEPTED if reduced else ClaimStatus.ACCEPTED
    claim.decision_note = reject_reason
    return save_validated(claim)


@service
def payment_claim_pay(*, actor, claim: PaymentClaim, paid_on, expected_version=None):
    """Pay the accepted support, first offsetting the advances still open (oldest first)."""
    check_version(claim, expected_version)
    _require(can_pay_claim(actor, claim.application))
    if claim.status not in (ClaimStatus.ACCEPTED, ClaimStatus.PARTLY_ACCEPTED):
        raise ValidationError({"status": _("Vain hyväksytyn hakemuksen tuen voi maksaa.")})
    if paid_on is None:
        raise ValidationError({"paid_on": _("Anna maksupäivä.")})
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
def advance_pay(*, actor, application, amount, paid_on, is_illustrative=False) -> Advance:
    """At most 30 % of the approved support in advances altogether."""
    _require(can_pay_claim(actor, application))
    budget = _budget_in_force(application)
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
