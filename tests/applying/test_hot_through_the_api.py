"""HOT through the API: Helsinki's preparer starts the entity from the open call and invites
Forum Virium Helsinki; each preparer enters its own budget and marks its part ready; each
organisation's signatory submits its part; the funding authority's officer then reads the
submitted entity with both parts submitted."""

import pytest
from rest_framework.test import APIClient

from hankesalkku.accounts.models import Role
from tests.factories import OrganisationFactory

from .factories import FORUM_VIRIUM, HELSINKI, open_call, person

pytestmark = pytest.mark.django_db

PERIOD = {"starts": "2025-01-01", "ends": "2025-12-31"}


def _as(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_hot_is_prepared_and_submitted_through_the_api_and_the_authority_reads_it():
    call = open_call()
    helsinki, forum = OrganisationFactory(**HELSINKI), OrganisationFactory(**FORUM_VIRIUM)
    hel_preparer, hel_signatory = person(helsinki, Role.PREPARER), person(helsinki, Role.SIGNATORY)
    fvh_preparer, fvh_signatory = person(forum, Role.PREPARER), person(forum, Role.SIGNATORY)
    officer = person(call.funding_authority, Role.AUTHORITY_OFFICER)

    started = _as(hel_preparer).post(
        "/api/v1/hakemukset/",
        {
            "call": call.slug,
            "organisation": helsinki.slug,
            "name": "HOT-ryhmämalli",
            "acronym": "HOT",
        },
        format="json",
    )
    assert started.status_code == 201, started.content
    lead = started.json()
    invited = _as(hel_preparer).post(
        f"/api/v1/hakemukset/{lead['id']}/parts/", {"organisation": forum.slug}, format="json"
    )
    assert invited.status_code == 201, invited.content
    part = invited.json()
    assert part["organisation"] == forum.name and part["role"] == "co_implementer"

    lead_budget = _as(hel_preparer).post(
        f"/api/v1/hakemukset/{lead['id']}/budget/",
        {
            **PERIOD,
            "version": _as(hel_preparer).get(f"/api/v1/hakemukset/{lead['id']}/").json()["version"],
            "lines": [{"category": "staff", "year": 2025, "amount": "200000.00"}],
            "support": "150000.00",
        },
        format="json",
    )
    assert lead_budget.status_code == 200, lead_budget.content
    assert lead_budget.json()["own_financing"] == "50000.00"
    fvh_budget = _as(fvh_preparer).post(
        f"/api/v1/hakemukset/{part['id']}/budget/",
        {
            **PERIOD,
            "version": part["version"],
            "lines": [{"category": "purchased_services", "year": 2025, "amount": "100000.00"}],
            "support": "75000.00",
            "municipal_financing": "25000.00",
            "municipal_financing_payer": helsinki.slug,
        },
        format="json",
    )
    assert fvh_budget.status_code == 200, fvh_budget.content
    assert fvh_budget.json()["municipal_financing"] == "25000.00"
    assert fvh_budget.json()["own_financing"] == "0.00"

    for preparer, application in ((hel_preparer, lead), (fvh_preparer, part)):
        ready = _as(preparer).post(f"/api/v1/hakemukset/{application['id']}/mark-ready/", {})
        assert ready.status_code == 200, ready.content
        assert ready.json()["status"] == "ready"

    refused = _as(hel_signatory).post(f"/api/v1/hakemukset/{part['id']}/submit/", {})
    assert refused.status_code == 403  # not Helsinki's part to sign
    first = _as(hel_signatory).post(f"/api/v1/hakemukset/{lead['id']}/submit/", {})
    assert first.status_code == 200, first.content
    assert first.json()["status"] == "submitted" and first.json()["entity_status"] != "submitted"
    second = _as(fvh_signatory).post(f"/api/v1/hakemukset/{part['id']}/submit/", {})
    assert second.status_code == 200, second.content
    assert second.json()["entity_status"] == "submitted"

    seen = _as(officer).get("/api/v1/hakemukset/").json()["results"]
    assert {(row["organisation"], row["status"]) for row in seen} == {
        (helsinki.name, "submitted"),
        (forum.name, "submitted"),
    }
    assert {row["entity_status"] for row in seen} == {"submitted"}
    versions = _as(officer).get(f"/api/v1/hakemukset/{part['id']}/versions/").json()
    assert versions[0]["figures"]["financing"]["municipal_financing"] == "25000.00"
