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
