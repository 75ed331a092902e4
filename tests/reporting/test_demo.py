"""The demo follows Helsingin malli on its three levels with illustrative figures."""

import pytest

from hankesalkku.programmes.models import Call
from hankesalkku.reporting.aggregation import aggregate, district_comparison
from hankesalkku.reporting.models import DistrictValue, Report, ReportStatus


@pytest.mark.django_db
def test_helsingin_malli_has_a_year_of_accepted_reports_on_three_levels(demo):
    call = Call.objects.get(slug="helsingin-malli-2025-2027")
    assert Report.objects.filter(status=ReportStatus.ACCEPTED).count() == 2
    levels = aggregate(call)
    assert [level.name for level in levels] == ["Asukkaat", "Aluetoimijat", "Taidelaitokset"]
    assert levels[0].indicators[0].total == 550
    assert not DistrictValue.objects.filter(is_illustrative=False).exists()
    comparison = district_comparison(call)
    assert len(comparison) == 3 and all(len(c.rows) == 4 for c in comparison)
