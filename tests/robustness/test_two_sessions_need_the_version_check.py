"""The two-sessions tests prove something: without the version check the first save is lost.

Alice and Bob read the same commitment, financing row, application part or payment claim;
Alice saves, then Bob saves what he read. With the check (as the system runs) Bob is refused
and Alice's change stands: `tests/core/test_no_lost_updates.py` and
`tests/payments/test_claims.py` say so for each record. Here the same four stories run once
more with the check switched off (`core.models.Versioned` made unknown to the services): Bob's
save then goes through and Alice's change is gone. That is the lost update the issue measured,
so each two-sessions test fails when the check is missing.
"""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hankesalkku.core import services as core_services
from hankesalkku.decisions.models import Commitment
from hankesalkku.decisions.services import commitment_update
from hankesalkku.payments.models import PaymentClaim
from hankesalkku.payments.services import payment_claim_update
from hankesalkku.projects.models import Application, CostCategory
from hankesalkku.projects.services import application_financing_set, application_update
from tests.factories import ApplicationFactory, CommitmentFactory, UserFactory
from tests.payments.factories import funded_part, people_of
from tests.payments.test_claims import claim_for

pytestmark = pytest.mark.django_db


def commitment_story(alice, bob):
    commitment = CommitmentFactory()
    read_by_bob = Commitment.objects.get(pk=commitment.pk)
    commitment_update(
        actor=alice,
        commitment=Commitment.objects.get(pk=commitment.pk),
        expected_version=read_by_bob.version,
        spent=Decimal("1000.00"),
    )
    commitment_update(
        actor=bob, commitment=read_by_bob, expected_version=read_by_bob.version, starts_year=2025
    )
    return Commitment.objects.get(pk=commitment.pk).spent == Decimal("1000.00")


def financing_story(alice, bob):
    application = ApplicationFactory()
    read = Application.objects.get(pk=application.pk).version
    for actor, support in ((alice, "70000.00"), (bob, "75000.00")):
        application_financing_set(
            actor=actor,
            application=Application.objects.get(pk=application.pk),
            expected_version=read,
            support=Decimal(support),
            own_financing=Decimal("100000.00") - Decimal(support),
        )
    return Application.objects.get(pk=application.pk).support == Decimal("70000.00")


def part_story(alice, bob):
    application = ApplicationFactory()
    read = Application.objects.get(pk=application.pk).version
    for actor, code in ((alice, "A-1"), (bob, "B-2")):
        application_update(
            actor=actor,
            application=Application.objects.get(pk=application.pk),
            expected_version=read,
            code=code,
        )
    return Application.objects.get(pk=application.pk).code == "A-1"


def claim_story(alice, bob):
    part = funded_part()
    people = people_of(part)
    claim = claim_for(part, people)
    read = PaymentClaim.objects.get(pk=claim.pk).version
    for staff in ("31000.00", "1.00"):
        payment_claim_update(
            actor=people["preparer"],
            claim=PaymentClaim.objects.get(pk=claim.pk),
            expected_version=read,
            lines=[(CostCategory.STAFF, staff)],
        )
    return PaymentClaim.objects.get(pk=claim.pk).lines.get(category="staff").claimed == Decimal(
        "31000.00"
    )


STORIES = {
    "commitment": commitment_story,
    "financing row": financing_story,
    "application part": part_story,
    "payment claim": claim_story,
}


@pytest.fixture
def alice_and_bob():
    return UserFactory.staff(username="alice"), UserFactory.staff(username="bob")


@pytest.mark.parametrize("record", STORIES)
def test_with_the_check_the_second_save_is_refused(record, alice_and_bob):
    with pytest.raises(ValidationError, match="muutettu sillä välin"):
        STORIES[record](*alice_and_bob)


@pytest.mark.parametrize("record", STORIES)
def test_without_the_check_the_first_save_would_be_lost(record, alice_and_bob, monkeypatch):
    monkeypatch.setattr(core_services, "Versioned", type("NotVersioned", (), {}))

    first_save_kept = STORIES[record](*alice_and_bob)

    assert not first_save_kept
