"""The coordination's figures, counted by the database for any selection."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hankesalkku.insights.overview import build_overview
from hankesalkku.insights.selection import Selection
from hankesalkku.projects.models import ProjectKind
from tests.factories import (
    ApplicationFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectEntityFactory,
)

pytestmark = pytest.mark.django_db


def overview_of(**params):
    return build_overview(Selection.from_params(params))


def test_funded_entities_are_counted_by_kind_implementer_and_ministry(portfolio):
    o = overview_of(call="testihaku")
    assert (o["entities"], o["entities_single"], o["entities_group"]) == (3, 2, 1)
    assert o["implementers"] == 4  # applications: the association implements in two entities
    assert o["implementer_organisations"] == 3
    assert o["partners"] == 1
    assert o["by_ministry"] == {"OKM": 1, "STM": 1, "OKM+STM": 1}


def test_the_status_filter_widens_the_default_of_funded_projects(portfolio):
    assert overview_of(call="testihaku", status="kaikki")["entities"] == 4
    assert overview_of(call="testihaku", status="hylätty")["by_ministry"] == {"OKM": 1}


def test_sectors_come_grouped_by_branch_with_zeros_and_social_health_involvement(portfolio):
    o = overview_of(call="testihaku")
    by_slug = {r["sector_slug"]: r for r in o["by_sector"]}
    assert len(o["by_sector"]) == 15
    assert by_slug["perusopetus"]["entities"] == 2
    assert by_slug["perusopetus"]["branch"] == "Kasvatus ja koulutus"
    assert by_slug["vammaispalvelut"]["entities"] == 0
    assert [r["branch"] for r in o["by_branch"]] == [
        "Kasvatus ja koulutus",
        "Sosiaali- ja terveydenhuolto",
        "Vapaa-ajan toiminta",
    ]
    assert o["social_and_health"] == {"involved": 2, "not_involved": 1, "sectors_unknown": 0}


def test_regions_list_all_23_and_a_unit_without_region_counts_in_its_parents(portfolio):
    o = overview_of(call="testihaku")
    regions = {r["slug"]: r for r in o["by_region"]}
    assert len(regions) == 23
    assert regions["helsinki"] == {
        "region": "Helsingin kaupunki",
        "short_name": "Helsinki",
        "slug": "helsinki",
        "implementers": 1,
        "partners": 1,
    }
    assert regions["keski-suomi"]["implementers"] == 2
    assert regions["kanta-hame"]["implementers"] == 0
    assert o["regions_sentence"].startswith("Hankkeita toteutetaan 3 alueella:")


def test_financing_sums_the_applications_and_gives_the_support_rate(portfolio):
    fin = overview_of(call="testihaku")["financing"]
    assert fin["total_cost"] == Decimal("795000.00")
    assert fin["support"] == Decimal("596250.00")
    assert fin["own_financing"] == Decimal("198750.00")
    assert fin["support_rate"] == Decimal("0.7500")


def test_organisation_type_and_region_filters(portfolio):
    assert overview_of(organisation_type="yhdistys")["entities"] == 2
    assert overview_of(region="helsinki")["entities"] == 2  # implementer + a partner's unit
    assert overview_of(region="kanta-hame")["entities"] == 0


def test_drafts_are_counted_only_for_those_who_may_see_them(portfolio):
    ProjectEntityFactory(name="Luonnos", slug="luonnos", call=portfolio["call"])
    params = {"call": "testihaku", "status": "kaikki"}
    assert build_overview(Selection.from_params(params))["entities"] == 5
    public = Selection.from_params(params, viewer=AnonymousUser())
    assert build_overview(public)["entities"] == 4


def _grow(call, okm, n):
    for index in range(n):
        entity = ProjectEntityFactory.in_status_funded(
            call=call, kind=ProjectKind.GROUP, name=f"Lisä {index}", slug=f"lisa-{index}"
        )
        entity.funding_ministries.set([okm])
        ApplicationFactory(entity=entity)
        ApplicationFactory(entity=entity, organisation=OrganisationFactory(region=None))
        PartnerFactory(entity=entity)


def test_the_number_of_queries_does_not_grow_with_the_portfolio(
    portfolio, django_assert_num_queries
):
    selection = Selection.from_params({"call": "testihaku"})
    with CaptureQueriesContext(connection) as small:
        build_overview(selection)
    _grow(portfolio["call"], portfolio["okm"], 25)
    with django_assert_num_queries(len(small.captured_queries)):
        o = build_overview(selection)
    assert o["entities"] == 28
    assert o["region_unknown"]["implementers"] == 25
    assert len(small.captured_queries) <= 10
