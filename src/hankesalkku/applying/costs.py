"""The simplified cost options (yksinkertaistetut kustannusmallit), computed and never typed.

Pure Decimal arithmetic, to the cent (half up, as money is rounded in the financing plan),
with the working written out so a page, a receipt and an auditor can read how each figure came
about. No Django models here: the services feed it numbers and store what it returns.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
FLAT_RATE = Decimal("0.40")
"""All costs other than staff, as a share of eligible direct staff costs."""
HOURS_PER_YEAR = Decimal("1720")
"""The annual working hours an hourly staff unit cost divides annual pay by."""


def cents(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def fi_amount(value: Decimal) -> str:
    """120000.5 → '120 000,50' (Finnish grouping with a no-break space, comma for decimals)."""
    text = f"{cents(value):,.2f}"
    return text.replace(",", "\u00a0").replace(".", ",")


def fi_number(value: Decimal) -> str:
    """Hours and rates without a trailing ',00' where they are whole."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}".replace(",", "\u00a0")
    return fi_amount(value)


@dataclass(frozen=True)
class Computed:
    amount: Decimal
    working: str


def flat_rate(staff_costs: Decimal, rate: Decimal = FLAT_RATE) -> Computed:
    """The flat-rate share for all other costs: `rate` × direct staff costs."""
    amount = cents(Decimal(staff_costs) * rate)
    percent = fi_number(rate * 100)
    return Computed(amount, f"{percent} % × {fi_amount(staff_costs)} € henkilöstökustannuksista")


def hourly_rate(annual_pay: Decimal) -> Decimal:
    """The staff unit cost per hour: annual pay / 1 720 h, to the cent."""
    return cents(Decimal(annual_pay) / HOURS_PER_YEAR)


def staff_unit_cost(annual_pay: Decimal, hours: Decimal) -> Computed:
    """Staff costs as a unit cost: the hourly rate (rounded first, as it is published) × hours."""
    rate = hourly_rate(annual_pay)
    amount = cents(rate * Decimal(hours))
    return Computed(
        amount,
        f"{fi_amount(annual_pay)} € / {fi_number(HOURS_PER_YEAR)} h = {fi_amount(rate)} €/h "
        f"× {fi_number(hours)} h",
    )


def lump_sum_problem(amount: Decimal, *, allowed: bool, ceiling: Decimal | None) -> str | None:
    """Why a lump sum may not be applied for, or None when it may."""
    if not allowed:
        return "not_allowed"
    if ceiling is not None and Decimal(amount) > ceiling:
        return "over_ceiling"
    return None
