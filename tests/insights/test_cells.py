"""The overview of a whole theme is summed from per-cell pre-aggregates (PostgreSQL): its figures
must be the joined counting's and the summary path's, distinct organisations included (they
cannot be summed across cells), and stay so after writes that move an entity from one cell to
another, add to a cell or empty it, exactly as a rebuild would leave them."""

import pytest
from django.db import connection

from hankesalkku.core.services import system_actor
from hankesalkku.insights import cells, counting
from hankesalkku.insights.overview import build_overview
from hankesalkku.insights.selection import Selection
from hankesalkku.insights.summary import rebuild_summaries
from hankesalkku.organisations.models import Region
from hankesalkku.projects.services import (
    application_delete,
    project_entity_delete,
    project_entity_update,
    project_entity_withdraw,
)
from tests.factories import ApplicationFactory, OrganisationFactory, PartnerFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the cells are PostgreSQL's"),
]

SERVED = [
    {},
    {"status": "kaikki"},
    {"ministry": "OKM"},
    {"ministry": "STM", "status": "kaikki"},
    {"call": "testihaku"},
    {"call": "testihaku", "ministry": "OKM", "status": "rejected"},
    # A region is a key of the cells: entities touching it through implementers or partners.
    {"region": "keski-suomi"},
    {"region": "helsinki", "status": "kaikki"},
    {"ministry": "OKM", "region": "pohjois-pohjanmaa", "status": "kaikki"},
    {"region": "kanta-hame"},
    {"region": "lappi", "status": "kaikki"},
]


def _three_ways(params, monkeypatch):
    """The overview from the cells, from the summary's rows and from the joins."""
    selection = Selection.from_params(params)
    assert cells.serves(selection) and cells.available(connection)
    from_cells = build_overview(selection)
    with monkeypatch.context() as patched:
        patched.setattr(cells, "serves", lambda selection: False)
        from_summary = build_overview(selection)
        patched.setattr(counting, "can_count", lambda *args: False)
        joined = build_overview(selection)
    return from_cells, from_summary, joined


def _cell_rows():
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(cells.KEY)}, {', '.join(cells.SUMS_ALL)} FROM {cells.CELL_TABLE} "
            "WHERE entities <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7"
        )
        main = cursor.fetchall()
        cursor.execute(
            f"SELECT c.status, c.kind, c.ministry_ids, c.region_id, k.figure, k.item, k.n "
            f"FROM {cells.COUNT_TABLE} k JOIN {cells.CELL_TABLE} c ON c.id = k.cell_id "
            "WHERE k.n <> 0 ORDER BY 1, 2, 3, 4, 5, 6"
        )
        return main, cursor.fetchall()


@pytest.mark.parametrize("params", SERVED, ids=lambda p: ",".join(p) or "funded")
def test_the_cells_count_what_the_summary_and_the_joins_count(portfolio, params, monkeypatch):
    from_cells, from_summary, joined = _three_ways(params, monkeypatch)
    assert from_cells == from_summary == joined


def test_an_organisation_in_two_cells_is_counted_once(portfolio, monkeypatch):
    # Oulu implements the funded group project and the rejected one: two cells, one organisation.
    from_cells, _summary, joined = _three_ways({"status": "kaikki"}, monkeypatch)
    assert from_cells["implementer_organisations"] == joined["implementer_organisations"] == 3
    assert from_cells["implementers"] == 5


def test_an_entity_in_two_regions_is_counted_once_in_each_and_once_in_all(portfolio, monkeypatch):
    # The group project touches Pohjois-Pohjanmaa (Oulu), Keski-Suomi (the association) and
    # Helsinki (the partner unit, through its city): three region cells and the cell of all.
    for params, entities in (
        ({"region": "pohjois-pohjanmaa"}, 1),
        ({"region": "keski-suomi"}, 2),
        ({"region": "helsinki"}, 2),
        ({}, 3),
    ):
        from_cells, _summary, joined = _three_ways(params, monkeypatch)
        assert from_cells["entities"] == joined["entities"] == entities, params


def test_a_sector_or_type_filter_keeps_the_summary_path():
    for params in (
        {"sector": "perusopetus"},
        {"organisation_type": "association"},
    ):
        assert not cells.serves(Selection.from_params(params)), params


def test_writes_move_their_entities_between_cells_as_a_rebuild_would(portfolio, monkeypatch):
    actor = system_actor("testi")
    project_entity_withdraw(actor=actor, entity=portfolio["joint"])  # to another status cell
    portfolio["single"].funding_ministries.add(portfolio["okm"])  # to another ministry cell
    PartnerFactory(entity=portfolio["group"], organisation=OrganisationFactory(name="Uusi ry"))
    ApplicationFactory(entity=portfolio["single"], organisation=portfolio["oulu"])
    application_delete(actor=actor, application=portfolio["rejected"].applications.get())
    project_entity_update(actor=actor, entity=portfolio["group"], name="Ryhmähanke 2")
    project_entity_delete(actor=actor, entity=portfolio["rejected"])  # its cell falls to zero
    # The joint project loses Keski-Suomi with its only implementer, the single one gains Lappi.
    application_delete(actor=actor, application=portfolio["joint"].applications.get())
    portfolio["single"].regions.add(Region.objects.get(slug="lappi"))
    for params in SERVED:
        from_cells, from_summary, joined = _three_ways(params, monkeypatch)
        assert from_cells == from_summary == joined, params
    refreshed = _cell_rows()
    rebuild_summaries()
    assert _cell_rows() == refreshed
