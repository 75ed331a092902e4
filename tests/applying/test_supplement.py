"""The funding authority asks for a supplement (täydennyspyyntö): the applicant sees the request
with its deadline on the start page, edits the part and submits it again — after the call has
closed — which makes version 2; the differences page shows what changed, field by field and
figure by figure."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from hankesalkku.accounts.models import Role
from hankesalkku.applying import start
from hankesalkku.applying.services import (
    application_budget_set,
    application_start,
    application_submit,
)
from hankesalkku.assessment.services import screening_record
from hankesalkku.programmes.services import call_update
from hankesalkku.projects.models import ApplicationStatus
from tests.factories import OrganisationFactory, service_actor

from .factories import HELSINKI, open_call, person
from .test_group_application import STAFF, _period

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted():
    call = open_call()
    helsinki = OrganisationFactory(**HELSINKI)
    people = {
        "preparer": person(helsinki, Role.PREPARER),
        "signatory": person(helsinki, Role.SIGNATORY),
        "officer": person(call.funding_authority, Role.AUTHORITY_OFFICER),
    }
    part = application_start(
        actor=people["preparer"], call=call, organisation=helsinki, name="HOT", acronym="HOT"
    )
    part = application_budget_set(
        actor=people["preparer"],
        application=part,
        lines=STAFF,
        support=Decimal("90000.00"),
        **_period(),
    )
    part = application_submit(actor=people["signatory"], application=part)
    return call, part, people


def _ask_for_supplement(part, officer, deadline):
    screening_record(
        actor=officer,
        application=part,
        outcome="supplement",
        reason="Tukiprosentti ja kustannukset tarkistettava.",
        supplement_deadline=deadline,
    )
    part.refresh_from_db()
    return part


def test_a_supplement_is_edited_and_resubmitted_as_version_two_after_the_call_closed(submitted):
    call, part, people = submitted
    deadline = date.today() + timedelta(days=14)
    part = _ask_for_supplement(part, people["officer"], deadline)
    assert part.status == ApplicationStatus.SUPPLEMENT_REQUESTED
    call_update(actor=service_actor(), call=call, closes=date.today() - timedelta(days=1))

    assert [p.title for p in start.panels(people["preparer"])] == [
        "Täydennyspyynnöt",
        "Organisaationi hakemukset",
    ]
    browser = Client()
    browser.force_login(people["preparer"])
    panel = browser.get(reverse("applying:supplements")).content.decode()
    assert "HOT" in panel and f"{deadline.day}.{deadline.month}.{deadline.year}" in panel

    part = application_budget_set(
        actor=people["preparer"],
        application=part,
        lines=[*STAFF, {"category": "travel", "year": 2025, "amount": Decimal("4000.00")}],
        support=Decimal("93000.00"),
        **_period(),
    )
    part = application_submit(actor=people["signatory"], application=part)
    assert part.status == ApplicationStatus.SUBMITTED
    first, second = part.submitted_versions.order_by("number")
    assert second.number == 2
    assert first.figures["financing"]["total_cost"] == "120000.00"  # what was read before
    assert second.figures["financing"]["total_cost"] == "124000.00"

    page = browser.get(reverse("applying:versions", args=[part.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "120\u00a0000\u00a0€" in text and "124\u00a0000\u00a0€" in text  # total, both sides
    assert "90\u00a0000\u00a0€" in text and "93\u00a0000\u00a0€" in text  # support
    assert "2025 matkakustannukset" in text  # a new line: – then 4 000 €
    changed = [row for row in page.context["changes"]["financing"] if row.changed]
    assert [row.label for row in changed] == [
        "Kokonaiskustannukset",
        "Tuki (EU ja valtio)",
        "Omarahoitus",  # 30 000 → 31 000 €: what the support leaves
    ]
    assert not [row for row in page.context["changes"]["fields"] if row.changed]


def test_a_bad_version_number_is_a_note_and_the_last_two_are_compared(submitted):
    call, part, people = submitted
    browser = Client()
    browser.force_login(people["signatory"])
    page = browser.get(reverse("applying:versions", args=[part.pk]) + "?uusi=abc")
    assert page.status_code == 200
    assert "Versiota ”abc” ei ole" in page.content.decode()


def test_a_submitted_part_not_returned_cannot_be_submitted_again(submitted):
    call, part, people = submitted
    with pytest.raises(ValidationError) as refused:
        application_submit(actor=people["signatory"], application=part)
    assert "lähetetty" in str(refused.value)
    assert part.submitted_versions.count() == 1


def test_no_panels_for_someone_outside_any_implementer(submitted):
    call, part, people = submitted
    assert start.panels(people["officer"]) == [] or all(
        p.url != reverse("applying:supplements") for p in start.panels(people["officer"])
    )
    assert [p.title for p in start.panels(people["preparer"])] == ["Organisaationi hakemukset"]
