"""The decision list: filters by organisation, year and decision maker's kind, paged newest first;
a value it does not know is named and ignored (the lists' one rule)."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import DecisionFactory, OrganisationFactory
from tests.pages import html

pytestmark = pytest.mark.django_db

URL = reverse("decisions:list")


@pytest.fixture
def decisions():
    helsinki = OrganisationFactory(name="Helsingin kaupunki", slug="helsinki")
    oulu = OrganisationFactory(name="Oulun kaupunki", slug="oulu")
    DecisionFactory(organisation=helsinki, date=date(2023, 12, 14), title="Vuoden 2023 päätös")
    DecisionFactory(
        organisation=helsinki,
        date=date(2024, 10, 22),
        title="Jaoston päätös",
        decision_maker_kind="division",
    )
    DecisionFactory(organisation=oulu, date=date(2024, 3, 1), title="Oulun päätös")


def test_an_official_narrows_the_list_to_one_organisation_and_year(decisions, client):
    page = html(client.get(URL, {"organisation": "helsinki", "year": "2024"}))
    assert "Jaoston päätös" in page
    assert "Vuoden 2023 päätös" not in page and "Oulun päätös" not in page


def test_the_kind_filter_keeps_the_decisions_of_that_kind_of_decision_maker(decisions, client):
    page = html(client.get(URL, {"kind": "division"}))
    assert "Jaoston päätös" in page and "Oulun päätös" not in page


def test_newest_first_and_sortable_by_title(decisions, client):
    page = html(client.get(URL))
    assert page.index("Jaoston päätös") < page.index("Oulun päätös") < page.index("Vuoden 2023")
    page = html(client.get(URL, {"sort": "title"}))
    assert page.index("Jaoston päätös") < page.index("Oulun päätös") < page.index("Vuoden 2023")


def test_an_unknown_year_is_named_and_ignored(decisions, client):
    response = client.get(URL, {"year": "1066"})
    assert response.status_code == 200
    page = html(response)
    assert "1066" in page and "ohitettiin" in page and "Oulun päätös" in page
