"""The demo's illustrative money: claims in every state and the co-financing that follows."""

from decimal import Decimal

import pytest

from hankesalkku.decisions.models import Commitment
from hankesalkku.payments.models import ClaimStatus, PaymentClaim


@pytest.mark.django_db
def test_the_demo_has_claims_in_every_state_and_the_city_paid_its_shares(demo):
    states = set(PaymentClaim.objects.values_list("status", flat=True))
    assert states >= {"draft", "submitted", "accepted", "rejected", "paid"}
    assert not PaymentClaim.objects.filter(is_illustrative=False).exists()
    assert PaymentClaim.objects.filter(
        status=ClaimStatus.PAID, lines__reduction_reason__gt=""
    ).exists()
    for_fvh = Commitment.objects.get(entity__slug="hot", beneficiary__slug="forum-virium-helsinki")
    assert for_fvh.spent == Decimal("12000.00")  # 25 % of 48 000 € accepted
    assert for_fvh.spent <= for_fvh.amount
