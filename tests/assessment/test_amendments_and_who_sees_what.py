"""Change requests after a positive decision, every approved budget kept; and who sees what:
assessors only their calls, applicants never anybody's scores, a ministry only its own calls."""

from datetime import date

import pytest
from django.urls import reverse

from hankesalkku.accounts.models import Role
from hankesalkku.accounts.services import totp_enrol
from hankesalkku.assessment.models import AmendmentRequest
from tests.factories import TEST_TOTP_SECRET, OrganisationFactory, UserFactory, service_actor

from .factories import assessed_call, grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def funded():
    made = assessed_call()
    applicant = UserFactory()
    application = made.submitted(member=applicant, ends=date(2027, 8, 31))
    made.screen_eligible(application)
    made.declare(made.ely_assessor)
    made.score(made.ely_assessor, application, [4, 4])
    made.fund(application, ends=date(2027, 8, 31))
    application.refresh_from_db()
    return made, application, applicant


def test_the_implementer_asks_to_move_money_and_the_authority_approves(client, funded):
    made, application, applicant = funded
    client.force_login(applicant)
    url = reverse("assessment:amendments", args=[application.pk])
    asked = client.post(
        url,
        {
            "kind": "budget",
            "description": "Osa henkilöstökuluista ostetaan palveluina.",
            "line-TOTAL_FORMS": "2",
            "line-INITIAL_FORMS": "0",
            "line-0-category": "staff",
            "line-0-amount": "80000.00",
            "line-1-category": "purchased_services",
            "line-1-amount": "20000.00",
        },
    )
    assert asked.status_code == 302
    request = AmendmentRequest.objects.get()
    client.force_login(made.officer)
    decided = client.post(
        reverse("assessment:amendment_decide", args=[request.pk]),
        {
            f"r{request.pk}-version": request.version,
            f"r{request.pk}-approve": "1",
            f"r{request.pk}-answer": "Siirto on hankkeen tavoitteiden mukainen.",
            f"r{request.pk}-decision_maker": "Ylitarkastaja Virtanen",
            f"r{request.pk}-date": "2026-01-15",
        },
    )
    assert decided.status_code == 302
    revisions = list(application.approved_budgets.order_by("revision"))
    assert [(b.revision, b.in_force) for b in revisions] == [(1, False), (2, True)]
    assert {line.category for line in revisions[1].lines.all()} == {
        "staff",
        "purchased_services",
    }
    history = client.get(url).content.decode()
    assert "Versio 1" in history and "Versio 2" in history


def test_a_period_extension_and_a_new_partner(client, funded):
    made, application, applicant = funded
    partner = OrganisationFactory(name="Nuorisoseura ry")
    client.force_login(applicant)
    url = reverse("assessment:amendments", args=[application.pk])
    management = {"line-TOTAL_FORMS": "0", "line-INITIAL_FORMS": "0"}
    early = client.post(
        url,
        {"kind": "period", "description": "Jatko.", "new_ends": "2027-01-01"} | management,
    )
    assert early.status_code == 400 and "Uusi päättymispäivä" in early.content.decode()
    for data in (
        {"kind": "period", "description": "Jatko puoli vuotta.", "new_ends": "2028-02-29"},
        {"kind": "partner", "description": "Nuorisoseura mukaan.", "partner": partner.pk},
    ):
        assert client.post(url, data | management).status_code == 302
    client.force_login(made.officer)
    for request in AmendmentRequest.objects.order_by("pk"):
        prefix = f"r{request.pk}"
        answer = client.post(
            reverse("assessment:amendment_decide", args=[request.pk]),
            {
                f"{prefix}-version": request.version,
                f"{prefix}-approve": "1",
                f"{prefix}-answer": "Perusteltu.",
                f"{prefix}-decision_maker": "Ylitarkastaja Virtanen",
                f"{prefix}-date": "2026-02-01",
            },
        )
        assert answer.status_code == 302
    current = application.approved_budgets.get(in_force=True)
    assert current.ends == date(2028, 2, 29) and current.revision == 3
    assert application.entity.partners.filter(organisation=partner).exists()


def test_only_the_implementer_asks_for_a_change(client, funded):
    _made, application, _applicant = funded
    client.force_login(UserFactory())
    answer = client.post(
        reverse("assessment:amendments", args=[application.pk]), {"kind": "period"}
    )
    assert answer.status_code == 403
    assert not AmendmentRequest.objects.exists()


def test_assessors_see_only_the_calls_they_are_assigned_to(client):
    mine, other = assessed_call(), assessed_call()
    theirs = other.submitted()
    other.screen_eligible(theirs)
    client.force_login(mine.ely_assessor)
    assert client.get(reverse("assessment:ranking", args=[mine.call.slug])).status_code == 200
    assert client.get(reverse("assessment:ranking", args=[other.call.slug])).status_code == 403
    for name in ("application", "scoring", "summary"):
        arg = theirs.entity.pk if name == "summary" else theirs.pk
        assert client.get(reverse(f"assessment:{name}", args=[arg])).status_code == 403


def test_applicants_never_see_the_scores(client):
    made = assessed_call()
    applicant = UserFactory()
    application = made.submitted(member=applicant)
    made.screen_eligible(application)
    made.declare(made.ely_assessor)
    made.score(made.ely_assessor, application, [4, 4])
    client.force_login(applicant)
    page = client.get(reverse("assessment:application", args=[application.pk])).content.decode()
    assert "Arvioiden yhteenveto" not in page and "Perustelu kriteerille" not in page
    summary = reverse("assessment:summary", args=[application.entity.pk])
    assert client.get(summary).status_code == 403
    assert client.get("/api/v1/assessment/scores/").json()["results"] == []
    # An assessor sees the others' scores only after submitting their own.
    made.declare(made.stm_assessor)
    client.force_login(made.stm_assessor)
    assert client.get(summary).status_code == 403
    made.score(made.stm_assessor, application, [3, 3])
    assert client.get(summary).status_code == 200


def test_a_ministry_viewer_sees_only_its_granting_authoritys_calls(client):
    made = assessed_call()  # an STM call
    okm_viewer = UserFactory()
    grant(okm_viewer, Role.MINISTRY_VIEWER, organisation=OrganisationFactory.ministry("OKM"))
    totp_enrol(actor=service_actor(), user=okm_viewer, secret=TEST_TOTP_SECRET)
    ranking = reverse("assessment:ranking", args=[made.call.slug])
    client.force_login(made.ministry_viewer)
    assert client.get(ranking).status_code == 200
    client.force_login(okm_viewer)
    assert client.get(ranking).status_code == 403
    application = made.submitted()
    assert client.get(reverse("assessment:application", args=[application.pk])).status_code == 403
    made.screen_eligible(application)
    assert client.get("/api/v1/assessment/screenings/").json()["results"] == []
