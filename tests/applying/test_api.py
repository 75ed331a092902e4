"""Through the API: the signatory lists its organisation's parts and submits one; another
organisation's preparer is refused with the reason."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from hankesalkku.accounts.models import Role
from hankesalkku.applying.services import application_budget_set, application_start
from tests.factories import OrganisationFactory

from .factories import FORUM_VIRIUM, HELSINKI, open_call, person
from .test_group_application import STAFF, _period

pytestmark = pytest.mark.django_db


def test_signatory_submits_through_the_api_and_others_are_refused():
    call = open_call()
    helsinki, forum = OrganisationFactory(**HELSINKI), OrganisationFactory(**FORUM_VIRIUM)
    preparer, signatory = person(helsinki, Role.PREPARER), person(helsinki, Role.SIGNATORY)
    stranger = person(forum, Role.SIGNATORY)
    part = application_start(actor=preparer, call=call, organisation=helsinki, name="HOT")
    part = application_budget_set(
        actor=preparer, application=part, lines=STAFF, support=Decimal("90000.00"), **_period()
    )
    api = APIClient()
    api.force_authenticate(stranger)
    assert api.get("/api/v1/hakemukset/").json()["count"] == 0  # a draft of another organisation
    api.force_authenticate(signatory)
    listed = api.get("/api/v1/hakemukset/").json()["results"]
    assert [row["id"] for row in listed] == [part.pk]
    assert listed[0]["budget_lines"][0]["amount"] == "120000.00"
    answer = api.post(
        f"/api/v1/hakemukset/{part.pk}/submit/", {"version": part.version}, format="json"
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["status"] == "submitted" and answer.json()["entity_status"] == "submitted"
    api.force_authenticate(stranger)  # a submitted project is public; submitting it is not theirs
    refused = api.post(f"/api/v1/hakemukset/{part.pk}/submit/", {}, format="json")
    assert refused.status_code == 403
    assert "allekirjoitusoikeuden" in refused.json()["detail"]
