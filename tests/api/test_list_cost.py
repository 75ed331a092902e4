"""The API's project list reads what it shows in a fixed number of queries: more implementers,
partners, sectors or ministries on the page add rows, never queries (its prefetches load only
the referenced records' slugs, and a field reading a column they left out would query per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hankesalkku.programmes.models import Sector
from tests.factories import (
    ApplicationFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectEntityFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/project-entities/"


def a_project(implementers: int) -> None:
    entity = ProjectEntityFactory.in_status_funded()
    for _ in range(implementers):
        ApplicationFactory(entity=entity)
    PartnerFactory(entity=entity)
    entity.sectors.add(*Sector.objects.order_by("pk")[:2])
    entity.funding_ministries.add(OrganisationFactory.ministry(f"M{entity.pk}"))


def queries(client) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, {"sort": "-support"})
    assert response.status_code == 200
    return len(captured), response.json()


def test_a_page_of_bigger_projects_costs_no_more_queries(client):
    a_project(1)
    few, page = queries(client)
    for _ in range(4):
        a_project(5)
    many, page = queries(client)
    assert many == few
    shown = page["results"]
    assert len(shown) == 5 and max(len(p["implementers"]) for p in shown) == 5
    assert all(p["partners"][0]["organisation"] for p in shown)
    assert all(len(p["sectors"]) == 2 and p["funding_ministries"] for p in shown)
