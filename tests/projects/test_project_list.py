"""The project list: filters as plain GET parameters, drafts hidden, a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hankesalkku.organisations.models import Organisation
from hankesalkku.programmes.models import Sector
from hankesalkku.projects.models import ProjectEntity, ProjectStatus
from tests.factories import ApplicationFactory, OrganisationFactory, ProjectEntityFactory
from tests.pages import html

pytestmark = pytest.mark.django_db

URL = reverse("projects:list")


def test_a_coordinator_lists_the_stm_funded_projects(demo, client):
    response = client.get(URL, {"ministry": "STM"})
    page = html(response)
    stm = ProjectEntity.objects.filter(funding_ministries__abbreviation="STM").distinct()
    assert stm.exists()
    for entity in ProjectEntity.objects.exclude(status=ProjectStatus.PLANNED):
        assert (reverse("projects:detail", args=[entity.slug]) in page) == (entity in stm)
    assert '<option value="STM" selected>' in page


def test_every_project_row_shows_its_figures_and_illustrative_badge(demo, client):
    page = html(client.get(URL))
    assert "HOT" in page and "noin 550\u00a0000\u00a0€" in page
    assert (
        page.count('class="badge illustrative"')
        == ProjectEntity.objects.filter(is_illustrative=True)
        .exclude(status=ProjectStatus.PLANNED)  # a draft is not listed to the public
        .count()
    )


def test_an_unknown_filter_value_is_ignored_with_a_visible_note(demo, client):
    response = client.get(URL, {"sector": "ei-tällaista", "kind": "group"})
    page = html(response)
    assert response.status_code == 200
    assert "Kentän ”Toimiala” arvoa ”ei-tällaista” ei tunneta; suodatin ohitettiin." in page
    assert "HOT" in page  # the kind filter still applies: HOT is a group project


def test_filters_combine_sector_region_and_organisation_type(db, client):
    sector = Sector.objects.first()
    ngo = OrganisationFactory(organisation_type="association")
    match = ProjectEntityFactory.in_status_funded(name="Osuma")
    match.sectors.add(sector)
    ApplicationFactory(entity=match, organisation=ngo)
    other = ProjectEntityFactory.in_status_funded(name="Ohi")
    other.sectors.add(sector)
    ApplicationFactory(entity=other)
    page = html(
        client.get(URL, {"sector": sector.slug, "org_type": "association", "region": "keski-suomi"})
    )
    assert "Osuma" in page and "Ohi" not in page


def test_htmx_asks_only_for_the_results_table(demo, client):
    response = client.get(URL, {"kind": "single"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    page = html(response)
    assert page.lstrip().startswith('<div id="results"')
    assert "<form" not in page


def test_anonymous_visitors_do_not_see_drafts(db, client):
    ProjectEntityFactory(name="Luonnoshanke", status=ProjectStatus.PLANNED)
    ProjectEntityFactory.in_status_submitted(name="Haettu hanke")
    page = html(client.get(URL))
    assert "Haettu hanke" in page
    assert "Luonnoshanke" not in page
    assert "Luonnoshanke" not in html(client.get(URL, {"status": "planned"}))


def _portfolio(rows: int) -> None:
    okm = Organisation.objects.ministries().filter(abbreviation="OKM").first() or (
        OrganisationFactory.ministry("OKM")
    )
    sectors = list(Sector.objects.all()[:2])
    for _ in range(rows):
        entity = ProjectEntityFactory.in_status_funded()
        entity.funding_ministries.add(okm)
        entity.sectors.add(*sectors)
        ApplicationFactory(entity=entity)
        ApplicationFactory(entity=entity, role="co_implementer")


def test_the_list_runs_the_same_queries_for_3_and_30_rows(
    db, client, django_assert_max_num_queries
):
    _portfolio(3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    _portfolio(27)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = html(client.get(URL))
    assert page.count("<tr>") >= 31
