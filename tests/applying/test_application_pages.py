"""In the browser: a preparer starts from the call page, types the budget with live checks,
the signatory submits and gets the receipt; two sessions editing one part — the second is told."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from hankesalkku.accounts.models import Role
from hankesalkku.projects.models import Application, ApplicationStatus
from tests.factories import OrganisationFactory

from .factories import HELSINKI, open_call, person

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _budget_post(version, *, staff="120000.00", support="126000.00"):
    data = {
        "version": version,
        "starts": "2025-01-01",
        "ends": "2025-12-31",
        "use_flat_rate": "on",
        "support": support,
        "line-TOTAL_FORMS": "6",
        "line-INITIAL_FORMS": "0",
        "line-MIN_NUM_FORMS": "0",
        "line-MAX_NUM_FORMS": "12",
        "line-0-category": "staff",
        "line-0-year": "2025",
        "line-0-amount": staff,
    }
    for i in range(1, 6):
        data[f"line-{i}-category"] = "staff"
    return data


@pytest.fixture
def start():
    call = open_call()
    helsinki = OrganisationFactory(**HELSINKI)
    preparer = person(helsinki, Role.PREPARER)
    signatory = person(helsinki, Role.SIGNATORY)
    return call, helsinki, preparer, signatory


def test_preparer_starts_types_budget_sees_live_check_and_signatory_submits(start):
    call, helsinki, preparer, signatory = start
    browser = _client(preparer)
    page = browser.get(reverse("programmes:call_detail", args=[call.slug]))
    assert "Aloita hakemus" in page.content.decode()
    response = browser.post(
        reverse("applying:start", args=[call.slug]),
        {"organisation": helsinki.pk, "name": "Osaamiskeskittymä", "acronym": "HOT"},
    )
    application = Application.objects.get(organisation=helsinki)
    assert response.url == reverse("applying:detail", args=[application.pk])

    live = browser.post(reverse("applying:check", args=[application.pk]), _budget_post(1))
    text = live.content.decode()
    assert (
        "48\u00a0000\u00a0€" in text and "40 % × 120\u00a0000,00 € henkilöstökustannuksista" in text
    )
    assert "168\u00a0000\u00a0€" in text  # the total with the flat rate

    saved = browser.post(
        reverse("applying:budget", args=[application.pk]), _budget_post(application.version)
    )
    assert saved.status_code == 302
    application.refresh_from_db()
    assert application.total_cost == Decimal("168000.00")

    assert (
        "Lähetä hakemus"
        not in browser.get(reverse("applying:detail", args=[application.pk])).content.decode()
    )
    signer = _client(signatory)
    assert (
        signer.post(
            reverse("applying:submit", args=[application.pk]), {"version": application.version}
        ).status_code
        == 302
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    receipt = signer.get(reverse("applying:receipt", args=[application.pk, 1]) + "?kieli=sv")
    assert receipt["Content-Type"] == "application/pdf" and receipt.content.startswith(b"%PDF")
    mine = signer.get(reverse("applying:mine")).content.decode()
    assert "Osaamiskeskittymä" in mine and "lähetetty" in mine


def test_two_sessions_edit_the_same_part_and_the_second_is_told(start):
    call, helsinki, preparer, signatory = start
    first, second = _client(preparer), _client(signatory)
    first.post(
        reverse("applying:start", args=[call.slug]), {"organisation": helsinki.pk, "name": "X"}
    )
    application = Application.objects.get(organisation=helsinki)
    read = application.version  # both opened the form at this version
    assert (
        first.post(
            reverse("applying:budget", args=[application.pk]), _budget_post(read)
        ).status_code
        == 302
    )
    refused = second.post(
        reverse("applying:budget", args=[application.pk]),
        _budget_post(read, staff="90000.00", support="10000.00"),
    )
    assert refused.status_code == 400
    assert "muutettu sillä välin" in refused.content.decode()
    application.refresh_from_db()
    assert application.total_cost == Decimal("168000.00")  # the first one's save kept


def test_bad_budget_input_names_the_field_and_saves_nothing(start):
    call, helsinki, preparer, signatory = start
    browser = _client(preparer)
    browser.post(
        reverse("applying:start", args=[call.slug]), {"organisation": helsinki.pk, "name": "X"}
    )
    application = Application.objects.get(organisation=helsinki)
    response = browser.post(
        reverse("applying:budget", args=[application.pk]),
        _budget_post(application.version, support="160000.00"),
    )
    assert response.status_code == 400
    assert "ylittää haun enimmäistukiprosentin" in response.content.decode()
    assert not application.budget_lines.exists()
