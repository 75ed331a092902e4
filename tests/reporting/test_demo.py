"""The demo follows Helsingin malli on its three levels with illustrative figures."""

import pytest

from hankesalkku.programmes.models import Call
from hankesalkku.reporting.aggregation import aggregate, district_comparison, target_rationales
from hankesalkku.reporting.models import DistrictValue, Report, ReportStatus
from hankesalkku.reporting.selection import ImpactSelection


@pytest.mark.django_db
def test_helsingin_malli_has_a_year_of_accepted_reports_on_three_levels(demo):
    call = Call.objects.get(slug="helsingin-malli-2025-2027")
    accepted = Report.objects.filter(status=ReportStatus.ACCEPTED)
    assert accepted.filter(application__entity__call=call).count() == 4
    levels = aggregate(call)
    assert [level.name for level in levels] == ["Asukkaat", "Aluetoimijat", "Taidelaitokset"]
    residents = levels[0].indicators[0]
    assert residents.total == 985 and residents.target == 2400
    assert set(residents.by_district) == {
        "Malmi",
        "Kontula",
        "Meri-Rastila",
        "Kannelmäki-Malminkartano",
    }
    assert levels[1].indicators[0].distribution == {3: 1, 4: 2, 5: 1}
    assert len(levels[2].indicators[0].narratives) == 4
    assert not DistrictValue.objects.filter(is_illustrative=False).exists()
    comparison = district_comparison(call)
    assert len(comparison) == 3 and all(len(c.rows) == 4 for c in comparison)
    assert all(rationale for _d, rationale, _r in target_rationales(call))

    # The ESR+ theme's projects report the ESF+ common indicators, counted per theme.
    theme_call = Call.objects.get(slug="haku-2023-okm-stm")
    esf = accepted.filter(application__entity__call=theme_call)
    assert esf.count() >= 6
    entities = ImpactSelection(theme=theme_call.theme).entities()
    codes = {
        r.indicator.code: r for level in aggregate(entities=entities) for r in level.indicators
    }
    assert codes["EECO01"].total > 0 and codes["EECO01"].target > codes["EECO01"].total
