"""Every bad input of the issue, typed into the pages: a clear message naming the field, and
nothing changes (no score, no decision, no status moved, no budget revision)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from hankesalkku.assessment.models import FundingDecision, Score
from hankesalkku.projects.models import ApplicationStatus

from .factories import assessed_call

pytestmark = pytest.mark.django_db


def decision_post(application, **changes):
    data = {
        "version": application.version,
        "outcome": "funded",
        "reasoning": "Hanke vastaa haun painotuksiin.",
        "support": "75000.00",
        "support_rate": "75",
        "decision_maker": "Ylitarkastaja Virtanen",
        "date": "2025-06-16",
        "language": "fi",
        "line-TOTAL_FORMS": "1",
        "line-INITIAL_FORMS": "0",
        "line-0-category": "staff",
        "line-0-amount": "100000.00",
    }
    return data | changes


@pytest.fixture
def assessed():
    """An eligible application both assessors have scored and the officer has chosen."""
    made = assessed_call()
    application = made.submitted()
    made.screen_eligible(application)
    for assessor in (made.ely_assessor, made.stm_assessor):
        made.declare(assessor)
        made.score(assessor, application, [4, 4])
    made.select(application.entity)
    application.refresh_from_db()
    return made, application


def test_a_score_outside_the_scale_is_refused_and_nothing_is_saved(client):
    made = assessed_call()
    application = made.submitted()
    made.screen_eligible(application)
    made.declare(made.ely_assessor)
    client.force_login(made.ely_assessor)
    first, second = made.criteria
    answer = client.post(
        reverse("assessment:scoring", args=[application.pk]),
        {
            f"value_{first.pk}": 4,
            f"justification_{first.pk}": "Tarve on osoitettu.",
            f"value_{second.pk}": 7,
            f"justification_{second.pk}": "Toteutus on erinomainen.",
        },
    )
    assert answer.status_code == 400
    assert "Pisteet: anna arvo väliltä 0–5." in answer.content.decode()
    assert not Score.objects.exists()  # the valid first score is not half-saved either


def test_a_score_without_justification_is_refused(client):
    made = assessed_call()
    application = made.submitted()
    made.screen_eligible(application)
    made.declare(made.ely_assessor)
    client.force_login(made.ely_assessor)
    first = made.criteria[0]
    answer = client.post(
        reverse("assessment:scoring", args=[application.pk]), {f"value_{first.pk}": 3}
    )
    assert answer.status_code == 400 and "Perustelu" in answer.content.decode()
    assert not Score.objects.exists()


def test_an_assessor_with_a_conflict_does_not_see_or_score_the_application(client):
    made = assessed_call()
    application = made.submitted()
    made.screen_eligible(application)
    client.force_login(made.stm_assessor)
    page = client.get(reverse("assessment:application", args=[application.pk])).content.decode()
    assert "Ilmoita ensin esteellisyydestäsi" in page
    assert application.entity.name not in page  # nothing of the application before declaring
    declared = client.post(
        reverse("assessment:conflict", args=[application.pk]),
        {"has_conflict": "1", "note": "Olen hakijan hallituksen jäsen."},
    )
    assert declared.status_code == 302
    answer = client.post(
        reverse("assessment:scoring", args=[application.pk]),
        {f"value_{made.criteria[0].pk}": 3, f"justification_{made.criteria[0].pk}": "x"},
    )
    assert answer.status_code == 403
    assert "esteellinen" in answer.content.decode()
    assert not Score.objects.exists()


def test_a_conflict_without_a_reason_is_refused(client):
    made = assessed_call()
    application = made.submitted()
    client.force_login(made.stm_assessor)
    answer = client.post(
        reverse("assessment:conflict", args=[application.pk]), {"has_conflict": "1"}
    )
    assert answer.status_code == 400 and "Selvitys" in answer.content.decode()


def test_a_budget_that_does_not_add_up_is_refused(client, assessed):
    made, application = assessed
    client.force_login(made.officer)
    answer = client.post(
        reverse("assessment:decision", args=[application.pk]),
        decision_post(application, support="80000.00"),
    )
    assert answer.status_code == 400
    assert "Tuki: tuki ei täsmää" in answer.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ELIGIBLE
    assert not FundingDecision.objects.exists() and not application.approved_budgets.exists()


def test_support_beyond_the_calls_remaining_budget_is_refused(client, assessed):
    made, application = assessed
    made.call.budget = Decimal("50000.00")
    made.call.save()
    client.force_login(made.officer)
    answer = client.post(
        reverse("assessment:decision", args=[application.pk]), decision_post(application)
    )
    assert answer.status_code == 400
    assert "ylittää haun jäljellä olevan määrärahan" in answer.content.decode()
    assert not FundingDecision.objects.exists()


def test_an_unassessed_application_cannot_be_decided(client):
    made = assessed_call()
    application = made.submitted()
    made.screen_eligible(application)
    application.refresh_from_db()
    client.force_login(made.officer)
    answer = client.post(
        reverse("assessment:decision", args=[application.pk]),
        decision_post(application, outcome="declined"),
    )
    assert answer.status_code == 400
    assert "vain tarkastettu ja arvioitu hakemus voidaan päättää" in answer.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ELIGIBLE
    assert not FundingDecision.objects.exists()


def test_a_positive_decision_needs_the_reasoned_selection(client):
    made = assessed_call()
    application = made.submitted()
    made.screen_eligible(application)
    made.declare(made.ely_assessor)
    made.score(made.ely_assessor, application, [4, 4])
    application.refresh_from_db()
    client.force_login(made.officer)
    answer = client.post(
        reverse("assessment:decision", args=[application.pk]), decision_post(application)
    )
    assert answer.status_code == 400 and "valittu rahoitettavaksi" in answer.content.decode()


def test_a_signed_decision_is_not_changed(client, assessed):
    made, application = assessed
    client.force_login(made.officer)
    url = reverse("assessment:decision", args=[application.pk])
    assert client.post(url, decision_post(application)).status_code == 302
    application.refresh_from_db()
    again = client.post(url, decision_post(application, outcome="declined", support="1.00"))
    assert "Päätös on jo allekirjoitettu eikä sitä voi muuttaa: tee muutospäätös." in (
        again.content.decode()
    )
    funding = FundingDecision.objects.get()
    assert funding.outcome == "funded"
    assert application.approved_budgets.get().support == Decimal("75000.00")


def test_a_decision_made_on_a_stale_page_is_refused(client, assessed):
    made, application = assessed
    client.force_login(made.officer)
    stale = decision_post(application, version=application.version - 1 or 99)
    answer = client.post(reverse("assessment:decision", args=[application.pk]), stale)
    assert answer.status_code == 400
    assert not FundingDecision.objects.exists()


def test_an_ineligible_outcome_without_reason_is_refused_in_the_form(client):
    made = assessed_call()
    application = made.submitted()
    client.force_login(made.officer)
    data = {f"item_{i.pk}": "no" for i in made.items}
    data |= {"outcome": "ineligible", "version": application.version}
    answer = client.post(reverse("assessment:screening", args=[application.pk]), data)
    assert answer.status_code == 400 and "Perustelu" in answer.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_a_supplement_request_returns_the_application_to_the_applicant(client):
    made = assessed_call()
    application = made.submitted()
    client.force_login(made.officer)
    data = {f"item_{i.pk}": "yes" for i in made.items}
    data |= {
        "outcome": "supplement",
        "version": application.version,
        "reason": "Liitteestä puuttuu kuntarahoituksen sitoumus.",
        "supplement_deadline": "2025-04-15",
    }
    answer = client.post(reverse("assessment:screening", args=[application.pk]), data)
    assert answer.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUPPLEMENT_REQUESTED
