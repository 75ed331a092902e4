"""Helsinki's finance officer records the municipal share it paid for Forum Virium Helsinki
from 1 50 04 and keeps the commitment's yearly plan; an overspending payment is refused on
the page and by the database."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from hankesalkku.accounts.models import Role
from hankesalkku.decisions.models import Commitment
from hankesalkku.payments.models import CommitmentPayment, CommitmentYearPlan
from tests.pages import confirm_password, html

from .factories import person

pytestmark = pytest.mark.django_db


def test_the_finance_officer_records_a_payment_and_the_yearly_plan(helsinki, client):
    for_fvh = helsinki["for_fvh"]
    client.force_login(helsinki["finance"])
    confirm_password(client)
    page = client.get(reverse("payments:commitment", args=[for_fvh.pk]))
    assert page.status_code == 200
    assert [y["year"] for y in page.context["years"]] == [2025, 2026, 2027]
    plan = reverse("payments:commitment_plan", args=[for_fvh.pk])
    assert client.post(plan, {"year": "2025", "amount": "24000.00"}).status_code == 302
    stored = CommitmentYearPlan.objects.get(commitment=for_fvh, year=2025)
    assert (
        client.post(
            plan, {"year": "2025", "amount": "25000.00", "version": stored.version}
        ).status_code
        == 302
    )
    stale = client.post(plan, {"year": "2025", "amount": "1.00", "version": stored.version})
    assert stale.status_code == 400 and "muutettu sillä välin" in html(stale)
    outside = client.post(plan, {"year": "2031", "amount": "1.00"})
    assert outside.status_code == 400 and "ulkopuolella" in html(outside)

    pay = reverse("payments:commitment_payment", args=[for_fvh.pk])
    paid = client.post(pay, {"paid_on": "2025-10-15", "amount": "15500.00", "note": "1. erä"})
    assert paid.status_code == 302
    over = client.post(pay, {"paid_on": "2025-12-01", "amount": "57750.01"})
    assert over.status_code == 400 and "ylittäisi sitoumuksen" in html(over)
    for_fvh.refresh_from_db()
    assert for_fvh.spent == Decimal("15500.00") and CommitmentPayment.objects.count() == 1
    page = html(client.get(reverse("payments:commitment", args=[for_fvh.pk])))
    assert "57\xa0750\xa0€" in page  # still open
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.filter(pk=for_fvh.pk).update(spent=Decimal("73250.01"))


def test_the_commitment_page_is_the_finance_offices(helsinki, client):
    signatory = person(Role.SIGNATORY, helsinki["city"])
    client.force_login(signatory)
    url = reverse("payments:commitment", args=[helsinki["for_fvh"].pk])
    assert client.get(url).status_code == 403
    confirm_password(client)
    refused = client.post(
        reverse("payments:commitment_payment", args=[helsinki["for_fvh"].pk]),
        {"paid_on": "2025-10-15", "amount": "10.00"},
    )
    assert refused.status_code == 403 and not CommitmentPayment.objects.exists()
