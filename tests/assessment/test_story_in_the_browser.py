"""The whole story through the pages, as the people do it: an application is submitted, the
ELY officer screens it, names an ELY and an STM assessor, both declare no conflict and score,
the officer ranks, chooses and signs the decision, and the applicant reads the decision PDF;
the funnel counts every step."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from hankesalkku.accounts.models import Role
from hankesalkku.accounts.services import totp_enrol
from hankesalkku.assessment.models import FundingDecision, Score, Selection
from hankesalkku.assessment.start import panels
from hankesalkku.assessment.summary import funnel
from hankesalkku.projects.models import ApplicationStatus, ProjectStatus
from tests.factories import TEST_TOTP_SECRET, UserFactory, service_actor

from .factories import assessed_call, grant

pytestmark = pytest.mark.django_db


def official(role, organisation):
    person = UserFactory()
    grant(person, role, organisation=organisation)
    totp_enrol(actor=service_actor(), user=person, secret=TEST_TOTP_SECRET)
    return person


def scores_form(made, values):
    data = {}
    for criterion, value in zip(made.criteria, values, strict=True):
        data[f"value_{criterion.pk}"] = value
        data[f"justification_{criterion.pk}"] = f"Perustelu: {criterion.wording} {value}."
    return data


def test_from_submission_to_the_decision_pdf_through_the_pages(client):
    made = assessed_call()
    applicant = UserFactory()
    application = made.submitted(member=applicant)
    ely, stm = made.call.funding_authority, made.call.ministries.get()
    ely_colleague = official(Role.AUTHORITY_OFFICER, ely)
    stm_official = official(Role.MINISTRY_VIEWER, stm)

    # The officer screens: every checklist item yes, the outcome eligible.
    client.force_login(made.officer)
    screening = {f"item_{i.pk}": "yes" for i in made.items}
    screening |= {"outcome": "eligible", "version": application.version}
    answer = client.post(reverse("assessment:screening", args=[application.pk]), screening)
    assert answer.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ELIGIBLE

    # Joint assessment: one assessor from the ELY centre, one from the ministry.
    assessors = reverse("assessment:assessors", args=[made.call.slug])
    for person in (ely_colleague, stm_official):
        assert client.post(assessors, {"user": person.pk}).status_code == 302

    # Each declares no conflict of interest, then scores; a draft first, then submitted.
    for person, values in ((ely_colleague, [5, 4]), (stm_official, [3, 4])):
        client.force_login(person)
        page = client.get(reverse("assessment:scoring", args=[application.pk]))
        assert "Esteellisyysilmoitus" in page.content.decode()
        declared = client.post(
            reverse("assessment:conflict", args=[application.pk]), {"has_conflict": "0"}
        )
        assert declared.status_code == 302
        url = reverse("assessment:scoring", args=[application.pk])
        assert client.post(url, scores_form(made, values) | {"draft": ""}).status_code == 302
        assert not Score.objects.filter(assessor=person, submitted_at__isnull=False).exists()
        assert client.post(url, scores_form(made, values) | {"submit": ""}).status_code == 302
    assert Score.objects.filter(application=application, submitted_at__isnull=False).count() == 4

    # The officer reads the summary and the ranking with the budget line, then chooses.
    client.force_login(made.officer)
    summary = client.get(reverse("assessment:summary", args=[application.entity.pk])).content
    assert "arvioijat eri mieltä".encode() in summary  # 5 and 3 on the first criterion
    ranking = client.get(reverse("assessment:ranking", args=[made.call.slug])).content.decode()
    assert application.entity.name in ranking and "9\xa0300\xa0000\xa0€" in ranking
    chosen = client.post(
        reverse("assessment:selection", args=[application.entity.pk]),
        {"selected": "1", "reasoning": "Paras pistemäärä, määrärahan rajan sisällä."},
    )
    assert chosen.status_code == 302
    assert Selection.objects.get(entity=application.entity).proposed

    # The decision: the approved budget, support and rate, period, decision maker and date.
    decision = {
        "version": application.version,
        "outcome": "funded",
        "reasoning": "Hanke sai haun parhaat pisteet ja vastaa haun painotuksiin.",
        "support": "75000.00",
        "support_rate": "75",
        "starts": "2025-09-01",
        "ends": "2027-08-31",
        "conditions": "Hanke raportoi ESR+-yhteiset indikaattorit.",
        "decision_maker": "Ylitarkastaja Virtanen",
        "date": "2025-06-16",
        "language": "fi",
        "line-TOTAL_FORMS": "1",
        "line-INITIAL_FORMS": "0",
        "line-0-category": "staff",
        "line-0-amount": "100000.00",
    }
    signed = client.post(reverse("assessment:decision", args=[application.pk]), decision)
    assert signed.status_code == 302, signed.content.decode()[:2000]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.FUNDED
    assert application.entity.status == ProjectStatus.SELECTED

    # The applicant sees the decision on the start page and reads the PDF.
    client.force_login(applicant)
    assert [p.url for p in panels(applicant)] == [reverse("assessment:waiting") + "?osa=decisions"]
    waiting = client.get(reverse("assessment:waiting") + "?osa=decisions").content.decode()
    assert reverse("assessment:decision_pdf", args=[application.pk]) in waiting
    pdf = client.get(reverse("assessment:decision_pdf", args=[application.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "75 000 €" in text.replace("\xa0", " ") and "EUR" not in text
    assert "Oikaisuvaatimusohje" in text and "Valitusosoitus" in text
    assert "Ylitarkastaja Virtanen" in text

    counted = {s["step"]: s["counted"] for s in funnel(made.call)}
    assert counted == {"received": 1, "eligible": 1, "assessed": 1, "selected": 1, "funded": 1}
    assert FundingDecision.objects.get().signed_by == made.officer


def test_the_decision_prints_in_swedish_from_its_own_language(client):
    made = assessed_call()
    application = made.submitted()
    made.screen_eligible(application)
    made.declare(made.ely_assessor)
    made.score(made.ely_assessor, application, [4, 4])
    made.fund(application, language="sv", support=Decimal("75000.00"))
    client.force_login(made.officer)
    pdf = client.get(reverse("assessment:decision_pdf", args=[application.pk]))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Anvisning om begäran om omprövning" in text
    assert "75 000 €" in text.replace("\xa0", " ")
