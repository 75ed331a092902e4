"""The claim's story through the REST API: the same services, the same refusals."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hankesalkku.payments.models import ClaimStatus, PaymentClaim

from .factories import funded_part, people_of

pytestmark = pytest.mark.django_db


def test_claim_submit_check_and_pay_through_the_api(client):
    part = funded_part()
    people = people_of(part)
    client.force_login(people["preparer"])
    lines = [{"category": "staff", "amount": "10000.00"}]
    body = {"application": part.pk, "period_starts": "2024-09-01", "period_ends": "2024-12-31"}
    created = client.post("/api/v1/payment-claims/", {**body, "lines": lines}, "application/json")
    assert created.status_code == 201, created.content
    claim = created.json()
    assert claim["claimed_total"] == "14000.00"  # with the 40 % flat rate
    duplicate = client.post("/api/v1/payment-claims/", {**body, "lines": lines}, "application/json")
    assert duplicate.status_code == 400 and "period_starts" in duplicate.json()["errors"]
    url = f"/api/v1/payment-claims/{claim['id']}/"
    refused = client.post(url + "submit/", {"version": claim["version"]}, "application/json")
    assert refused.status_code == 403
    client.force_login(people["signatory"])
    submitted = client.post(url + "submit/", {"version": claim["version"]}, "application/json")
    assert submitted.json()["status"] == ClaimStatus.SUBMITTED
    client.force_login(people["officer"])
    checked = client.post(
        url + "check/",
        {
            "version": submitted.json()["version"],
            "lines": [{"category": "staff", "amount": "9000.00", "reason": "Tuntikirjanpito"}],
        },
        "application/json",
    ).json()
    assert checked["status"] == ClaimStatus.PARTLY_ACCEPTED
    paid = client.post(
        url + "pay/", {"version": checked["version"], "paid_on": "2025-02-01"}, "application/json"
    ).json()
    assert paid["paid_amount"] == "9450.00"  # (9 000 + 3 600) × 75 %
    assert PaymentClaim.objects.get().paid_on == date(2025, 2, 1)


def test_every_claim_action_is_in_the_api_too(client):
    part = funded_part()
    people = people_of(part)
    client.force_login(people["preparer"])
    body = {
        "application": part.pk,
        "period_starts": "2024-09-01",
        "period_ends": "2024-12-31",
        "lines": [{"category": "staff", "amount": "1000.00"}],
    }
    claim = client.post("/api/v1/payment-claims/", body, "application/json").json()
    url = f"/api/v1/payment-claims/{claim['id']}/"
    over = client.post(
        url + "update_draft/",
        {"version": claim["version"], "lines": [{"category": "staff", "amount": "100000.01"}]},
        "application/json",
    )
    assert over.status_code == 400 and "ylittää hyväksytyn budjetin" in over.content.decode()
    updated = client.post(
        url + "update_draft/",
        {"version": claim["version"], "lines": [{"category": "staff", "amount": "2000.00"}]},
        "application/json",
    ).json()
    assert updated["claimed_total"] == "2800.00"
    receipt = SimpleUploadedFile("kuitti.txt", "Lasku 123: 2 000 €".encode(), "text/plain")
    attached = client.post(url + "attachments/", {"file": receipt})
    assert attached.status_code == 201 and attached.json()["attachments"][0]["kind"] == "text"

    client.force_login(people["officer"])
    advance = client.post(
        "/api/v1/advances/",
        {"application": part.pk, "amount": "36000.01", "paid_on": "2024-10-01"},
        "application/json",
    )
    assert advance.status_code == 400 and "30 %" in advance.content.decode()
    client.force_login(people["preparer"])
    refused = client.post(
        "/api/v1/advances/",
        {"application": part.pk, "amount": "100.00", "paid_on": "2024-10-01"},
        "application/json",
    )
    assert refused.status_code == 403
    assert client.get("/api/v1/advances/").json()["results"] == []


def test_the_yearly_plan_through_the_api(helsinki, client):
    client.force_login(helsinki["finance"])
    body = {"commitment": helsinki["for_fvh"].pk, "year": 2026, "amount": "25000.00"}
    created = client.post("/api/v1/commitment-year-plans/", body, "application/json")
    assert created.status_code == 201
    stale = client.post(
        "/api/v1/commitment-year-plans/", {**body, "version": 0}, "application/json"
    )
    assert stale.status_code == 400
    over = client.post(
        "/api/v1/commitment-year-plans/",
        {**body, "year": 2027, "amount": "48250.01"},
        "application/json",
    )
    assert over.status_code == 400 and "ylittää sitoumuksen" in over.content.decode()
