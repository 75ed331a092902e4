"""The demo's illustrative money: claims in every state and the co-financing that follows."""

from decimal import Decimal

import pytest

from hankesalkku.decisions.models import Commitment
from hankesalkku.payments.models import ClaimStatus, CommitmentPayment, PaymentClaim


@pytest.mark.django_db
def test_the_demo_has_claims_in_every_state_and_the_city_paid_its_shares(demo):
    states = set(PaymentClaim.objects.values_list("status", flat=True))
    assert states == set(ClaimStatus.values)
    assert not PaymentClaim.objects.filter(is_illustrative=False).exists()
    assert PaymentClaim.objects.filter(
        status=ClaimStatus.PAID, lines__reduction_reason__gt=""
    ).exists()
    for_fvh = Commitment.objects.get(entity__slug="hot", beneficiary__slug="forum-virium-helsinki")
    # 25 % of the accepted costs of the two paid claims: 43 948,80 € (1 200 h × 26,16 € and the
    # flat rate) and 61 104,80 € (1 450 h accepted of 1 500, the flat rate, one milestone)
    assert for_fvh.spent == Decimal("10987.20") + Decimal("15276.20")
    own = Commitment.objects.get(
        entity__slug="lasten-nuorten-ja-perheiden-palveluiden-kehittaminen",
        payer__slug="helsingin-kaupunki",
        budget_item__code="1 50 04",
    )
    assert own.spent == Decimal("13475.00") + Decimal("18200.00")
    assert not CommitmentPayment.objects.filter(is_illustrative=False).exists()
    hot = PaymentClaim.objects.filter(application__entity__slug="hot", status=ClaimStatus.PAID)
    assert hot.filter(lines__hours__isnull=False, milestones__accepted=True).exists()
