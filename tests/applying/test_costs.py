"""The simplified cost options match the hand calculations, to the cent."""

from decimal import Decimal

from hankesalkku.applying import costs


def test_flat_rate_is_forty_percent_of_staff_costs_with_its_working():
    result = costs.flat_rate(Decimal("120000.00"))
    assert result.amount == Decimal("48000.00")
    assert result.working == "40 % × 120\u00a0000,00 € henkilöstökustannuksista"


def test_flat_rate_rounds_half_up_to_the_cent():
    # 0.40 × 333.33 = 133.332 → 133.33; 0.40 × 0.0125… keeps cents only
    assert costs.flat_rate(Decimal("333.33")).amount == Decimal("133.33")
    assert costs.flat_rate(Decimal("1.01")).amount == Decimal("0.40")  # 0.404


def test_staff_unit_cost_is_annual_pay_over_1720_hours_times_hours():
    # 45 000 / 1 720 = 26.1627… → 26.16 €/h; × 860 h = 22 497.60 €
    result = costs.staff_unit_cost(Decimal("45000.00"), Decimal("860"))
    assert costs.hourly_rate(Decimal("45000.00")) == Decimal("26.16")
    assert result.amount == Decimal("22497.60")
    assert result.working == "45\u00a0000,00 € / 1\u00a0720 h = 26,16 €/h × 860 h"


def test_lump_sum_only_where_allowed_and_up_to_the_ceiling():
    ceiling = Decimal("200000.00")
    assert costs.lump_sum_problem(Decimal("200000.00"), allowed=True, ceiling=ceiling) is None
    assert (
        costs.lump_sum_problem(Decimal("200000.01"), allowed=True, ceiling=ceiling)
        == "over_ceiling"
    )
    assert costs.lump_sum_problem(Decimal("1.00"), allowed=False, ceiling=ceiling) == "not_allowed"
