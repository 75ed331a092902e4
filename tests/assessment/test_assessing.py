"""The funding authority screens, two assessors score, the officer ranks and decides."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from hankesalkku.assessment import services
from hankesalkku.assessment.models import Score
from hankesalkku.assessment.summary import funnel, ranking, summarise
from hankesalkku.projects.models import ApplicationStatus, ProjectStatus
from tests.factories import UserFactory

from .factories import assessed_call

pytestmark = pytest.mark.django_db


def test_the_whole_call_from_screening_to_decision_and_funnel():
    made = assessed_call()
    best, second = made.submitted(), made.submitted()
    for application in (best, second):
        made.screen_eligible(application)
    made.declare(made.ely_assessor)
    made.declare(made.stm_assessor)
    made.score(made.ely_assessor, best, [5, 4])
    made.score(made.stm_assessor, best, [3, 4])
    made.score(made.ely_assessor, second, [2, 2])

    summary = summarise(best)
    assert summary.weighted_total == Decimal("12.00")  # (2·5+4 + 2·3+4) / 2
    assert [c.wording for c in summary.disagreements] == ["Tarve ja tavoitteet"]
    rows = ranking(made.call)
    assert [r.entity for r in rows] == [best.entity, second.entity]
    assert rows[1].running == Decimal("150000.00") and rows[1].within_budget

    made.fund(best)
    best.refresh_from_db()
    best.entity.refresh_from_db()
    assert best.status == ApplicationStatus.FUNDED
    assert best.entity.status == ProjectStatus.SELECTED
    assert best.approved_budgets.get().support == Decimal("75000.00")
    counted = {s["step"]: s["counted"] for s in funnel(made.call)}
    assert counted == {"received": 2, "eligible": 2, "assessed": 2, "selected": 1, "funded": 1}


def test_ineligible_needs_a_reason_and_supplement_a_deadline():
    made = assessed_call()
    application = made.submitted()
    answers = {item.pk: (False, "Puuttuu") for item in made.items}
    with pytest.raises(ValidationError) as refused:
        services.screening_record(
            actor=made.officer, application=application, outcome="ineligible", answers=answers
        )
    assert "Perustelu" in str(refused.value)
    with pytest.raises(ValidationError):
        services.screening_record(
            actor=made.officer, application=application, outcome="eligible", answers=answers
        )
    services.screening_record(
        actor=made.officer,
        application=application,
        outcome="supplement",
        answers=answers,
        supplement_deadline=date(2024, 3, 1),
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUPPLEMENT_REQUESTED


def test_only_the_calls_officer_screens():
    made = assessed_call()
    with pytest.raises(PermissionDenied):
        services.screening_record(
            actor=made.ely_assessor, application=made.submitted(), outcome="eligible", answers={}
        )


def test_an_assessor_declares_first_and_scores_within_the_scale():
    made = assessed_call()
    application = made.submitted()
    made.screen_eligible(application)
    criterion = made.criteria[0]
    with pytest.raises(PermissionDenied, match="esteellisyydestäsi"):
        services.score_save(
            actor=made.ely_assessor,
            application=application,
            criterion=criterion,
            value=3,
            justification="x",
        )
    made.declare(made.ely_assessor)
    with pytest.raises(ValidationError, match="0–5"):
        services.score_save(
            actor=made.ely_assessor,
            application=application,
            criterion=criterion,
            value=7,
            justification="x",
        )
    assert not Score.objects.exists()


def test_an_assessor_with_a_conflict_is_kept_out():
    made = assessed_call()
    application = made.submitted()
    made.screen_eligible(application)
    services.conflict_declaration_create(
        actor=made.stm_assessor,
        call=made.call,
        application=application,
        has_conflict=True,
        note="Olen hakijan hallituksessa.",
    )
    with pytest.raises(PermissionDenied, match="esteellinen"):
        made.score(made.stm_assessor, application, [3, 3])


def test_drafts_are_private_and_applicants_never_see_scores():
    made = assessed_call()
    applicant = UserFactory()
    application = made.submitted(member=applicant)
    made.screen_eligible(application)
    made.declare(made.ely_assessor)
    made.declare(made.stm_assessor)
    made.score(made.ely_assessor, application, [4, 4], submit=False)
    assert not Score.objects.visible_to(made.officer).exists()
    assert not Score.objects.visible_to(made.stm_assessor).exists()
    made.score(made.ely_assessor, application, [4, 4])
    assert Score.objects.visible_to(made.officer).count() == 2
    assert Score.objects.visible_to(made.ministry_viewer).count() == 2
    assert not Score.objects.visible_to(applicant).exists()
    assert not Score.objects.visible_to(made.stm_assessor).exists()


def test_a_ministry_viewer_sees_only_its_own_calls_scores():
    made, other = assessed_call(), assessed_call()
    application = made.submitted()
    made.screen_eligible(application)
    made.declare(made.ely_assessor)
    made.score(made.ely_assessor, application, [4, 4])
    assert not Score.objects.visible_to(other.ministry_viewer).exists()
    assert not Score.objects.visible_to(other.officer).exists()


def test_deciding_refuses_the_unassessed_the_unbalanced_and_the_over_budget():
    made = assessed_call(budget=Decimal("100000.00"))
    application = made.submitted()
    made.screen_eligible(application)
    with pytest.raises(ValidationError, match="arvioitu"):
        made.fund(application)
    made.declare(made.ely_assessor)
    made.score(made.ely_assessor, application, [4, 4])
    with pytest.raises(ValidationError, match="Tuki"):
        made.fund(application, support=Decimal("80000.00"))
    made.call.budget = Decimal("50000.00")
    made.call.save()
    with pytest.raises(ValidationError, match="määrärahan"):
        made.fund(application)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ELIGIBLE
    assert not application.approved_budgets.exists()


def test_a_signed_decision_is_changed_only_by_an_amendment():
    from hankesalkku.projects.models import CostCategory

    made = assessed_call()
    application = made.submitted()
    made.screen_eligible(application)
    made.declare(made.ely_assessor)
    made.score(made.ely_assessor, application, [4, 4])
    made.fund(application)
    with pytest.raises(ValidationError, match="muutospäätös"):
        made.fund(application)
    services.amendment_approve(
        actor=made.officer,
        application=application,
        reason="Henkilöstö ostopalveluiksi.",
        decision_maker="Ylitarkastaja Virtanen",
        date=date(2025, 1, 10),
        lines=[
            (CostCategory.STAFF, None, Decimal("80000.00")),
            (CostCategory.PURCHASED_SERVICES, None, Decimal("20000.00")),
        ],
        support=Decimal("75000.00"),
        support_rate=Decimal("0.75"),
    )
    revisions = list(application.approved_budgets.order_by("revision"))
    assert [(b.revision, b.in_force) for b in revisions] == [(1, False), (2, True)]


def test_the_applicant_reads_the_decision_pdf_and_others_cannot(client):
    made = assessed_call()
    applicant, stranger = UserFactory(), UserFactory()
    application = made.submitted(member=applicant)
    made.screen_eligible(application)
    made.declare(made.ely_assessor)
    made.declare(made.stm_assessor)
    made.score(made.ely_assessor, application, [4, 4])
    made.score(made.stm_assessor, application, [5, 3])
    made.fund(application)
    url = reverse("assessment:decision_pdf", args=[application.pk])
    client.force_login(applicant)
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert client.get(reverse("assessment:waiting")).status_code == 200
    client.force_login(stranger)
    assert client.get(url).status_code in (403, 404)


def test_the_ranking_page_is_for_the_calls_people_only(client):
    made = assessed_call()
    url = reverse("assessment:ranking", args=[made.call.slug])
    client.force_login(made.officer)
    assert client.get(url).status_code == 200
    client.force_login(made.stm_assessor)
    assert client.get(url).status_code == 200
    client.force_login(assessed_call().ministry_viewer)
    assert client.get(url).status_code == 403
    assert client.get(reverse("assessment:funnel", args=[made.call.slug])).status_code == 200
