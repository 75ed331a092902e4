"""Organisations and calls as paged, sortable lists with filters."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import CallFactory, OrganisationFactory
from tests.pages import html

pytestmark = pytest.mark.django_db


def test_the_organisations_list_filters_by_type(client):
    OrganisationFactory(name="Aalto-yliopisto", organisation_type="university")
    OrganisationFactory(name="Kontulan yhdistys", organisation_type="association")
    page = html(client.get(reverse("organisations:list"), {"organisation_type": "association"}))
    assert "Kontulan yhdistys" in page and "Aalto-yliopisto" not in page


def test_the_calls_list_is_newest_first_and_says_what_it_ignored(client):
    CallFactory(name="Vanha haku", opens=date(2023, 10, 5), closes=date(2023, 12, 4))
    CallFactory(name="Uusi haku", opens=date(2025, 3, 21), closes=date(2025, 6, 6))
    page = html(client.get(reverse("programmes:call_list"), {"theme": "ei-ole"}))
    assert page.index("Uusi haku") < page.index("Vanha haku") and "ohitettiin" in page
