"""The REST API screens and scores through the same services and answers bad input with 400."""

import pytest

from .factories import assessed_call

pytestmark = pytest.mark.django_db


def test_an_assessor_scores_through_the_api_and_a_value_off_the_scale_is_refused(client):
    made = assessed_call()
    application = made.submitted()
    client.force_login(made.officer)
    answers = {str(item.pk): True for item in made.items}
    response = client.post(
        "/api/v1/assessment/screenings/",
        {"application": application.pk, "outcome": "eligible", "answers": answers},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    made.declare(made.ely_assessor)
    client.force_login(made.ely_assessor)
    body = {
        "application": application.pk,
        "criterion": made.criteria[0].pk,
        "justification": "Hyvin perusteltu tarve.",
    }
    bad = client.post(
        "/api/v1/assessment/scores/", {**body, "value": 9}, content_type="application/json"
    )
    assert bad.status_code == 400 and "value" in bad.json()["errors"]
    ok = client.post(
        "/api/v1/assessment/scores/", {**body, "value": 4}, content_type="application/json"
    )
    assert ok.status_code == 201
    assert [s["value"] for s in client.get("/api/v1/assessment/scores/").json()["results"]] == [4]


def test_someone_else_cannot_screen_through_the_api(client):
    made = assessed_call()
    application = made.submitted()
    client.force_login(made.stm_assessor)
    response = client.post(
        "/api/v1/assessment/screenings/",
        {"application": application.pk, "outcome": "eligible", "answers": {}},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_every_step_after_scoring_through_the_api(client):
    """Assessor named, conflict declared, entity chosen, decided, a change asked and approved."""
    from hankesalkku.accounts.models import Role
    from hankesalkku.assessment.models import AmendmentRequest
    from tests.factories import UserFactory

    from .factories import grant

    made = assessed_call()
    applicant = UserFactory()
    application = made.submitted(member=applicant)
    made.screen_eligible(application)
    colleague = UserFactory()
    grant(colleague, Role.AUTHORITY_OFFICER, organisation=made.call.funding_authority)
    client.force_login(made.officer)
    named = client.post(
        "/api/v1/assessment/assessors/",
        {"call": made.call.slug, "user": colleague.pk},
        content_type="application/json",
    )
    assert named.status_code == 201, named.content
    outsider = client.post(
        "/api/v1/assessment/assessors/",
        {"call": made.call.slug, "user": applicant.pk},
        content_type="application/json",
    )
    assert outsider.status_code == 400 and "user" in outsider.json()["errors"]
    client.force_login(made.ely_assessor)
    declared = client.post(
        "/api/v1/assessment/conflict-declarations/",
        {"call": made.call.slug, "has_conflict": False},
        content_type="application/json",
    )
    assert declared.status_code == 201, declared.content
    made.score(made.ely_assessor, application, [4, 4])
    client.force_login(made.officer)
    chosen = client.post(
        "/api/v1/assessment/selections/",
        {"entity": application.entity.slug, "selected": True, "reasoning": "Paras."},
        content_type="application/json",
    )
    assert chosen.status_code == 201, chosen.content
    decided = client.post(
        "/api/v1/assessment/funding-decisions/",
        {
            "application": application.pk,
            "outcome": "funded",
            "reasoning": "Paras pistemäärä.",
            "decision_maker": "Ylitarkastaja Virtanen",
            "date": "2025-06-16",
            "lines": [["staff", None, "100000.00"]],
            "support": "75000.00",
            "support_rate": "0.7500",
        },
        content_type="application/json",
    )
    assert decided.status_code == 201, decided.content
    client.force_login(applicant)
    asked = client.post(
        "/api/v1/assessment/amendment-requests/",
        {
            "application": application.pk,
            "kind": "budget",
            "description": "Ostopalveluihin 20 000 €.",
            "lines": [["staff", None, "80000.00"], ["purchased_services", None, "20000.00"]],
        },
        content_type="application/json",
    )
    assert asked.status_code == 201, asked.content
    pk = asked.json()["id"]
    client.force_login(made.officer)
    answered = client.post(
        f"/api/v1/assessment/amendment-requests/{pk}/decide/",
        {
            "approve": True,
            "answer": "Hyväksytään.",
            "decision_maker": "Ylitarkastaja Virtanen",
            "date": "2026-01-15",
        },
        content_type="application/json",
    )
    assert answered.status_code == 200, answered.content
    assert AmendmentRequest.objects.get().status == "approved"
    assert application.approved_budgets.count() == 2
