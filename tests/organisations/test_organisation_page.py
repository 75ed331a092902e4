"""Helsinki's finance office opens the city's page: projects of its units and what it pays."""

import pytest
from django.urls import reverse

from tests.pages import eur, html

pytestmark = pytest.mark.django_db


def test_helsinki_sees_its_units_projects_and_commitments_by_budget_item(demo, client):
    response = client.get(reverse("organisations:detail", args=["helsingin-kaupunki"]))
    page = html(response)
    assert response.status_code == 200
    assert "0201256-6" in page
    assert "Lasten ja nuorten taidekeskus Annantalo" in page  # a unit two levels down
    assert "HOT" in page
    assert "Lasten, nuorten ja perheiden palveluiden kehittäminen" in page
    assert "talousarviokohta 1 50 04" in page
    # 123 750 € (54 §) + 73 250 € (63 §, Forum Virium's municipal share) from 1 50 04
    assert eur("197000", "at_most") in page
    # own (123 750 + 50 000 + 12 500) and municipal (73 250) shares; the 250 000 € reservation
    # for project costs is listed but not added to them
    assert "(ilman hankekustannusten varauksia): <strong>" + eur("259500", "at_most") in page


def test_a_unit_page_links_up_to_its_city(demo, client):
    page = html(client.get(reverse("organisations:detail", args=["annantalo"])))
    assert reverse("organisations:detail", args=["helsingin-kaupunki"]) in page
    assert "yksiköllä ei ole omaa Y-tunnusta" in page


def test_an_unknown_organisation_is_404(db, client):
    assert client.get("/organisaatiot/ei-ole/").status_code == 404


def test_spent_and_open_amounts_are_for_the_citys_finance_officers_only(demo, client):
    """The leak an access audit found: spending printed for anonymous visitors."""
    from hankesalkku.accounts.models import Role
    from hankesalkku.accounts.services import role_assignment_grant, totp_enrol
    from hankesalkku.organisations.models import Organisation
    from tests.factories import TEST_TOTP_SECRET, UserFactory, service_actor

    url = reverse("organisations:detail", args=["helsingin-kaupunki"])
    assert "käytetty" not in client.get(url).content.decode()
    officer = UserFactory()
    role_assignment_grant(
        actor=service_actor(),
        user=officer,
        role=Role.FINANCE_OFFICER,
        organisation=Organisation.objects.get(slug="helsingin-kaupunki"),
    )
    totp_enrol(actor=service_actor(), user=officer, secret=TEST_TOTP_SECRET)
    client.force_login(officer)
    assert "käytetty" in client.get(url).content.decode()


def test_a_project_the_city_and_its_unit_both_partner_is_listed_once(client):
    from tests.factories import OrganisationFactory, PartnerFactory, ProjectEntityFactory

    city = OrganisationFactory(name="Kaupunki", slug="kaupunki")
    unit = OrganisationFactory(name="Nuorisopalvelut", slug="nuorisopalvelut", parent=city)
    entity = ProjectEntityFactory.in_status_funded(acronym="YHTEINEN")
    PartnerFactory(entity=entity, organisation=city, description="tilat")
    PartnerFactory(entity=entity, organisation=unit, description="ohjaajat")
    page = html(client.get(reverse("organisations:detail", args=["kaupunki"])))
    assert page.count(">YHTEINEN</a>") == 1
    assert "tilat; ohjaajat" in page
