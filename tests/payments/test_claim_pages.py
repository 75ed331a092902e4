"""The claim in the pages: the preparer fills the form, the signatory submits, the officer
checks with one reduced line and pays; a bad input is the form again with its message and
nothing saved."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hankesalkku.payments.models import ClaimAttachment, ClaimStatus, PaymentClaim
from hankesalkku.projects.models import CostCategory
from tests.pages import confirm_password, html

from .factories import funded_part, people_of

pytestmark = pytest.mark.django_db

AUTUMN = {"period_starts": "2024-09-01", "period_ends": "2024-12-31"}


@pytest.fixture
def part():
    return funded_part()


@pytest.fixture
def people(part):
    return people_of(part)


def _new_claim(client, part, **costs):
    data = {**AUTUMN, "cost_staff": "30000.00", "cost_purchased_services": "5000.00", **costs}
    return client.post(reverse("payments:claim_new", args=[part.pk]), data)


def test_the_preparer_fills_in_the_claim_form_and_sees_the_flat_rate_computed(client, part, people):
    client.force_login(people["preparer"])
    page = client.get(reverse("payments:claim_new", args=[part.pk]))
    assert page.status_code == 200
    text = html(page)
    assert 'name="cost_staff"' in text and 'name="cost_flat_rate"' not in text
    preview = client.post(
        reverse("payments:claim_preview", args=[part.pk]), {**AUTUMN, "cost_staff": "30000"}
    )
    assert "12\xa0000\xa0€" in html(preview)  # 40 % of 30 000 €, never typed
    assert "40 % × 30\xa0000,00 €" in html(preview)
    created = _new_claim(client, part)
    claim = PaymentClaim.objects.get()
    assert created.status_code == 302 and created["Location"] == claim.get_absolute_url()
    assert claim.claimed_total == Decimal("47000.00")
    page = html(client.get(claim.get_absolute_url()))
    assert "Jätä maksatushakemus" not in page  # the preparer does not submit
    assert "allekirjoitusoikeudellinen" in page


def test_a_claim_over_the_approved_line_is_the_form_again_and_nothing_is_saved(
    client, part, people
):
    client.force_login(people["preparer"])
    refused = _new_claim(client, part, cost_purchased_services="20000.01")
    assert refused.status_code == 400
    assert "ylittää hyväksytyn budjetin" in html(refused)
    assert 'value="20000.01"' in html(refused)  # the input is still on the form
    assert not PaymentClaim.objects.exists()


def test_costs_outside_the_project_period_are_refused_on_the_form(client, part, people):
    client.force_login(people["preparer"])
    refused = _new_claim(client, part, period_starts="2027-07-01", period_ends="2027-12-31")
    assert refused.status_code == 400 and "toteutusajan ulkopuolella" in html(refused)
    assert not PaymentClaim.objects.exists()


def test_a_duplicate_claim_for_the_period_is_refused_on_the_form(client, part, people):
    client.force_login(people["preparer"])
    _new_claim(client, part)
    refused = _new_claim(client, part, cost_staff="100.00")
    assert refused.status_code == 400 and "samalle maksatuskaudelle" in html(refused)
    assert PaymentClaim.objects.count() == 1


def test_someone_not_of_the_implementer_cannot_open_the_form(client, part, people):
    client.force_login(people["officer"])
    assert client.get(reverse("payments:claim_new", args=[part.pk])).status_code == 403
    assert _new_claim(client, part).status_code == 403
    assert not PaymentClaim.objects.exists()


def test_from_form_to_payment_with_a_receipt_and_one_reduced_line(client, part, people):
    client.force_login(people["preparer"])
    _new_claim(client, part)
    claim = PaymentClaim.objects.get()
    receipt = SimpleUploadedFile("kuitti.pdf", b"%PDF-1.4\n% kuitti\n", "application/pdf")
    added = client.post(
        reverse("payments:attachment_add", args=[claim.pk]),
        {"file": receipt, "description": "Koulutuspalvelun lasku"},
    )
    assert added.status_code == 302
    renamed = SimpleUploadedFile("lasku.pdf", b"MZ\x90\x00 ohjelma", "application/pdf")
    refused = client.post(reverse("payments:attachment_add", args=[claim.pk]), {"file": renamed})
    assert refused.status_code == 400 and "lasku.pdf" in html(refused)
    attachment = ClaimAttachment.objects.get()
    download = client.get(attachment.get_absolute_url())
    assert download.content.startswith(b"%PDF") and "attachment" in download["Content-Disposition"]

    # the preparer may not submit: the page refuses and the claim stays a draft
    submit = reverse("payments:claim_submit", args=[claim.pk])
    assert client.post(submit, {"version": claim.version}).status_code == 403
    client.force_login(people["signatory"])
    claim.refresh_from_db()
    assert client.post(submit, {"version": claim.version}).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED

    client.force_login(people["officer"])
    confirm_password(client)
    page = html(client.get(claim.get_absolute_url()))
    assert 'name="accepted_purchased_services"' in page and "accepted_flat_rate" not in page
    check = reverse("payments:claim_check", args=[claim.pk])
    without_reason = client.post(
        check,
        {
            "version": claim.version,
            "accepted_staff": "30000.00",
            "accepted_purchased_services": "3000.00",
        },
    )
    assert without_reason.status_code == 400 and "vähennyksen peruste" in html(without_reason)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    checked = client.post(
        check,
        {
            "version": claim.version,
            "accepted_staff": "30000.00",
            "accepted_purchased_services": "3000.00",
            "reason_purchased_services": "Yksi lasku ilman kuittia",
        },
    )
    assert checked.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PARTLY_ACCEPTED
    assert claim.accepted_support == Decimal("33750.00")  # 45 000 € × 75 %
    paid = client.post(
        reverse("payments:claim_pay", args=[claim.pk]),
        {"version": claim.version, "paid_on": "2025-02-15"},
    )
    assert paid.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.paid_on) == (ClaimStatus.PAID, date(2025, 2, 15))

    money = html(client.get(reverse("payments:project_money", args=[part.entity.slug])))
    assert "33\xa0750\xa0€" in money  # support paid on the project page
    lines = {line.category: line for line in claim.lines.all()}
    assert lines[CostCategory.PURCHASED_SERVICES].reduction_reason == "Yksi lasku ilman kuittia"


def test_a_stale_check_is_refused(client, part, people):
    client.force_login(people["preparer"])
    _new_claim(client, part)
    claim = PaymentClaim.objects.get()
    old_version = claim.version
    client.force_login(people["signatory"])
    client.post(reverse("payments:claim_submit", args=[claim.pk]), {"version": old_version})
    client.force_login(people["officer"])
    confirm_password(client)
    stale = client.post(
        reverse("payments:claim_reject", args=[claim.pk]),
        {"version": old_version, "reject_reason": "Tositteet puuttuvat"},
    )
    assert stale.status_code == 400 and "muutettu sillä välin" in html(stale)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
