"""The claim's story through the REST API: the same services, the same refusals."""

from datetime import date

import pytest

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
