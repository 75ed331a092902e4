"""The list's filters through many-valued facts (an implementer's organisation type, a sector,
a funding ministry) find the same projects however the database answers them, and follow an
organisation that changes its type."""

import pytest
from django.urls import reverse

from hankesalkku.organisations.models import OrganisationType
from hankesalkku.programmes.models import Sector
from hankesalkku.projects.models import ProjectEntity
from hankesalkku.site.filters import parse_filters
from tests.factories import (
    ApplicationFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectEntityFactory,
)
from tests.pages import html

pytestmark = pytest.mark.django_db


def selected(**params) -> set[str]:
    result = parse_filters(params)
    assert result.active, result.notes
    return set(ProjectEntity.objects.filter(result.condition).values_list("name", flat=True))


@pytest.fixture
def portfolio():
    """An association's project in a sector funded by OKM, a municipality's without either."""
    association = OrganisationFactory(name="Kyläyhdistys ry", organisation_type="association")
    municipality = OrganisationFactory(name="Kylän kunta", organisation_type="municipality")
    okm = OrganisationFactory.ministry("OKM")
    sector = Sector.objects.order_by("pk").first()
    assert sector is not None, "the sectors come with the migrations"
    village = ProjectEntityFactory.in_status_funded(name="Kylätalo")
    village.sectors.add(sector)
    village.funding_ministries.add(okm)
    ApplicationFactory(entity=village, organisation=association)
    ApplicationFactory(
        entity=ProjectEntityFactory.in_status_funded(name="Kunnan hanke"), organisation=municipality
    )
    return association, sector


def test_each_many_valued_filter_finds_the_projects_linked_to_the_value(portfolio):
    _association, sector = portfolio
    assert selected(org_type=OrganisationType.ASSOCIATION) == {"Kylätalo"}
    assert selected(org_type=OrganisationType.MUNICIPALITY) == {"Kunnan hanke"}
    assert selected(sector=sector.slug) == {"Kylätalo"}
    assert selected(ministry="OKM") == {"Kylätalo"}
    assert selected(ministry="OKM", org_type=OrganisationType.MUNICIPALITY) == set()


def test_an_organisation_that_changes_its_type_moves_its_projects_in_the_filter(portfolio, client):
    association, _sector = portfolio
    association.organisation_type = OrganisationType.FOUNDATION
    association.save()
    assert selected(org_type=OrganisationType.ASSOCIATION) == set()
    assert selected(org_type=OrganisationType.FOUNDATION) == {"Kylätalo"}
    page = html(client.get(reverse("projects:list"), {"org_type": "foundation"}))
    assert "Kylätalo" in page and "Kunnan hanke" not in page


def test_the_region_filter_is_the_overviews_rule_and_follows_a_parent_that_moves(client):
    """Implementers, partners and the entity's own regions; a unit without a region of its
    own is where its parent is."""
    from hankesalkku.insights.selection import Selection
    from hankesalkku.organisations.models import Region

    here, there = Region.objects.get(slug="satakunta"), Region.objects.get(slug="lappi")
    city = OrganisationFactory(name="Porin kaupunki", region=here)
    unit = OrganisationFactory(name="Porin kirjasto", parent=city, region=None)
    elsewhere = OrganisationFactory(name="Lapin yhdistys ry", region=there)
    ApplicationFactory(
        entity=ProjectEntityFactory.in_status_funded(name="Yksikön"), organisation=unit
    )
    partnered = ProjectEntityFactory.in_status_funded(name="Kumppanin")
    ApplicationFactory(entity=partnered, organisation=elsewhere)
    PartnerFactory(entity=partnered, organisation=city)
    ProjectEntityFactory.in_status_funded(name="Oma").regions.add(here)
    ApplicationFactory(
        entity=ProjectEntityFactory.in_status_funded(name="Muualla"), organisation=elsewhere
    )
    assert selected(region="satakunta") == {"Yksikön", "Kumppanin", "Oma"}
    overview = ProjectEntity.objects.in_selection(Selection(region=here))
    assert set(overview.values_list("name", flat=True)) == selected(region="satakunta")
    city.region = there
    city.save()
    assert selected(region="satakunta") == {"Oma"}
    assert selected(region="lappi") == {"Yksikön", "Kumppanin", "Muualla"}
