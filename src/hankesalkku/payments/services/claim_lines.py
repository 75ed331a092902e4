"""A claim's lines from what the preparer typed: the simplified cost options computed, never typed.

Why one place: the claim form's live preview, the create and update services and the API all
turn the same input into the same lines, and each refusal names the field the form shows it
beside. The arithmetic is applying.costs' (the same rounding as the approved budget), so what a
claim computes matches what the decision approved.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils.translation import gettext as _

from hankesalkku.applying import costs
from hankesalkku.core.money import CENT, format_eur
from hankesalkku.projects.models import CostCategory

from ..models import ClaimLine, ClaimMilestone, ClaimStatus
from ..terms import LumpSumMilestone, StaffUnitCost

DEFAULT_FLAT_RATE = Decimal("0.40")
TYPED = tuple(c for c in CostCategory if c not in (CostCategory.FLAT_RATE, CostCategory.LUMP_SUM))


@dataclass
class Line:
    category: str
    claimed: Decimal
    hours: Decimal | None = None
    unit_rate: Decimal | None = None
    working: str = ""

    @property
    def label(self) -> str:
        return str(CostCategory(self.category).label)


@dataclass
class ComputedClaim:
    lines: dict[str, Line] = field(default_factory=dict)
    milestones: list[tuple[LumpSumMilestone, object]] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.claimed for line in self.lines.values()), Decimal("0.00"))


def flat_rate_of(budget) -> Decimal:
    """The rate in the cost model's code (`flat-rate-40` → 40 %), else the common 40 %."""
    import re

    code = getattr(budget.cost_model, "code", "") or ""
    match = re.search(r"(\d{1,2})", code)
    return (Decimal(match.group(1)) / 100) if match else DEFAULT_FLAT_RATE


def approved_by_category(budget) -> dict[str, Decimal]:
    rows = budget.lines.values("category").annotate(total=Sum("amount"))
    return {row["category"]: row["total"] for row in rows}


def unit_cost_of(application) -> StaffUnitCost | None:
    return StaffUnitCost.objects.filter(application=application).first()


def _money(value, name: str) -> Decimal:
    try:
        amount = Decimal(str(value).replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except (InvalidOperation, ValueError):
        amount = None
    if amount is None or not amount.is_finite() or amount < 0 or amount != amount.quantize(CENT):
        raise ValidationError(
            {
                "lines": _("%(name)s: summan on oltava euroja ja senttejä, ei negatiivinen.")
                % {"name": name}
            }
        )
    return amount


def compute_claim(
    application, budget, *, lines=(), staff_hours=None, milestones=()
) -> ComputedClaim:
    """`lines` are (category, amount) of the typed categories; staff under a unit cost come as
    `staff_hours`; the lump sum as the milestones reached, (milestone, reached_on)."""
    approved = approved_by_category(budget)
    unit = unit_cost_of(application)
    result = ComputedClaim()
    for category, amount in lines:
        if category in (CostCategory.FLAT_RATE, CostCategory.LUMP_SUM):
            raise ValidationError(
                {
                    "lines": _(
                        "Flat rate -osuutta ja kertakorvausta ei syötetä: flat rate lasketaan "
                        "henkilöstökustannuksista, kertakorvaus saavutetuista välitavoitteista."
                    )
                }
            )
        if category not in CostCategory.values:
            raise ValidationError({"lines": _("Tuntematon kustannuslaji.")})
        label = str(CostCategory(category).label)
        if amount in (None, ""):
            continue
        amount = _money(amount, label)
        if category == CostCategory.STAFF and unit is not None:
            if amount:
                raise ValidationError(
                    {
                        "staff_hours": _(
                            "Henkilöstökustannukset lasketaan tunneista ja päätöksen "
                            "yksikkökustannuksesta: anna tehdyt tunnit, ei euroja."
                        )
                    }
                )
            continue
        if not amount:
            continue
        if category not in approved:
            raise ValidationError(
                {
                    "lines": _("Kustannuslajia ”%(category)s” ei ole hyväksytyssä budjetissa.")
                    % {"category": label}
                }
            )
        previous = result.lines.get(category)
        result.lines[category] = Line(category, amount + (previous.claimed if previous else 0))
    if staff_hours not in (None, ""):
        if unit is None:
            raise ValidationError(
                {
                    "staff_hours": _(
                        "Päätöksessä ei ole tuntiperusteista yksikkökustannusta: anna "
                        "henkilöstökustannukset euroina."
                    )
                }
            )
        hours = _money(staff_hours, str(_("Tunnit")))
        if hours:
            amount = (unit.hourly_rate * hours).quantize(CENT, ROUND_HALF_UP)
            result.lines[CostCategory.STAFF] = Line(
                CostCategory.STAFF,
                amount,
                hours=hours,
                unit_rate=unit.hourly_rate,
                working=f"{costs.fi_number(hours)} h × {costs.fi_amount(unit.hourly_rate)} €/h",
            )
    if CostCategory.FLAT_RATE in approved and CostCategory.STAFF in result.lines:
        staff = result.lines[CostCategory.STAFF].claimed
        computed = costs.flat_rate(staff, flat_rate_of(budget))
        result.lines[CostCategory.FLAT_RATE] = Line(
            CostCategory.FLAT_RATE, computed.amount, working=computed.working
        )
    if milestones:
        if CostCategory.LUMP_SUM not in approved:
            raise ValidationError(
                {"milestones": _("Hyväksytyssä budjetissa ei ole kertakorvausta.")}
            )
        seen = set()
        for milestone, reached_on in milestones:
            if milestone.application_id != application.pk or milestone.pk in seen:
                raise ValidationError({"milestones": _("Tuntematon välitavoite.")})
            if reached_on is None:
                raise ValidationError(
                    {
                        "milestones": _("%(name)s: anna päivä, jona välitavoite saavutettiin.")
                        % {"name": milestone.name}
                    }
                )
            seen.add(milestone.pk)
            result.milestones.append((milestone, reached_on))
        total = sum((m.amount for m, _d in result.milestones), Decimal("0.00"))
        names = ", ".join(m.name for m, _d in result.milestones)
        result.lines[CostCategory.LUMP_SUM] = Line(
            CostCategory.LUMP_SUM, total, working=_("välitavoitteet: %(names)s") % {"names": names}
        )
    return result


def check_milestones(claim, computed: ComputedClaim) -> None:
    """A milestone is claimed once (a rejected claim frees it) and reached within the period."""
    for milestone, reached_on in computed.milestones:
        if not (claim.period_starts <= reached_on <= claim.period_ends):
            raise ValidationError(
                {
                    "milestones": _("%(name)s: saavutettu %(date)s, maksatuskauden ulkopuolella.")
                    % {"name": milestone.name, "date": f"{reached_on:%-d.%-m.%Y}"}
                }
            )
        earlier = (
            ClaimMilestone.objects.filter(milestone=milestone)
            .exclude(claim__status=ClaimStatus.REJECTED)
            .exclude(claim_id=claim.pk)
        )
        if earlier.exists():
            raise ValidationError(
                {
                    "milestones": _("%(name)s: välitavoite on jo haettu toisessa hakemuksessa.")
                    % {"name": milestone.name}
                }
            )


def check_within_budget(claim, budget, computed: ComputedClaim) -> None:
    """Cumulative: this claim with every earlier claim not rejected, by category."""
    approved = approved_by_category(budget)
    earlier = (
        ClaimLine.objects.filter(
            claim__application=claim.application, claim__status__in=ClaimStatus.counted()
        )
        .exclude(claim_id=claim.pk)
        .values("category")
        .annotate(total=Sum("claimed"))
    )
    before = {row["category"]: row["total"] for row in earlier}
    for category, line in computed.lines.items():
        total = before.get(category, Decimal("0")) + line.claimed
        if total > approved.get(category, Decimal("0")):
            raise ValidationError(
                {
                    "lines": _(
                        "%(category)s: haettu yhteensä %(total)s ylittää hyväksytyn budjetin "
                        "rivin %(approved)s."
                    )
                    % {
                        "category": line.label,
                        "total": format_eur(total),
                        "approved": format_eur(approved.get(category, Decimal("0"))),
                    }
                }
            )
