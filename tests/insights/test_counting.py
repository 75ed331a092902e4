"""On PostgreSQL the overview counts from the summary's counting columns in one statement; its
figures must be the joined counting's, for every kind of selection and after every kind of
write that changes them (a partner added, a sector removed, an organisation's region)."""

import pytest
from django.db import connection

from hankesalkku.insights import counting
from hankesalkku.insights.overview import build_overview
from hankesalkku.insights.selection import Selection
from hankesalkku.organisations.models import Region
from hankesalkku.programmes.models import Sector
from tests.factories import OrganisationFactory, PartnerFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the columns are PostgreSQL's"),
]

SELECTIONS = [
    {},
    {"status": "kaikki"},
    {"ministry": "OKM"},
    {"ministry": "STM", "status": "kaikki"},
    {"region": "keski-suomi", "status": "kaikki"},
    {"region": "helsinki"},
    {"sector": "perusopetus", "ministry": "OKM"},
    {"organisation_type": "association", "status": "kaikki"},
    {"call": "testihaku", "region": "pohjois-pohjanmaa"},
]


def _both(params):
    selection = Selection.from_params(params)
    assert counting.can_count(selection, connection)
    counted = build_overview(selection)
    joined = _joined(selection)
    return counted, joined


def _joined(selection):
    original = counting.can_count
    counting.can_count = lambda *args: False
    try:
        return build_overview(selection)
    finally:
        counting.can_count = original


@pytest.mark.parametrize("params", SELECTIONS, ids=lambda p: ",".join(p) or "funded")
def test_the_summary_counts_what_the_joins_count(portfolio, params):
    counted, joined = _both(params)
    assert counted == joined


def test_writes_that_change_a_figure_reach_the_summary_in_their_transaction(portfolio):
    lapland = Region.objects.get(slug="lappi")
    PartnerFactory(
        entity=_entity("yksin"),
        organisation=OrganisationFactory(name="Lapin järjestö", region=lapland),
    )
    _entity("ryhmahanke").sectors.remove(Sector.objects.get(slug="lastensuojelu"))
    counted, joined = _both({"region": "lappi"})
    assert counted == joined and counted["entities"] == 1
    counted, joined = _both({})
    assert counted == joined


def _entity(slug):
    from hankesalkku.projects.models import ProjectEntity

    return ProjectEntity.objects.get(slug=slug)
