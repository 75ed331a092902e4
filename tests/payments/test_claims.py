"""An implementer claims its costs, the authority checks them, and the support is paid."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from hankesalkku.payments.models import ClaimLine, ClaimStatus, PaymentClaim
from hankesalkku.payments.services import (
    advance_pay,
    payment_claim_check,
    payment_claim_create,
    payment_claim_pay,
    payment_claim_submit,
    payment_claim_update,
)
from hankesalkku.projects.models import CostCategory

from .factories import funded_part, people_of

pytestmark = pytest.mark.django_db

AUTUMN = {"period_starts": date(2024, 9, 1), "period_ends": date(2024, 12, 31)}


@pytest.fixture
def part():
    return funded_part()


@pytest.fixture
def people(part):
    return people_of(part)


def claim_for(part, people, staff="30000.00", services="5000.00", **period):
    return payment_claim_create(
        actor=people["preparer"],
        application=part,
        lines=[(CostCategory.STAFF, Decimal(staff)), (CostCategory.PURCHASED_SERVICES, services)],
        **(period or AUTUMN),
    )


def test_the_flat_rate_is_computed_from_the_staff_costs_never_typed(part, people):
    claim = claim_for(part, people)
    lines = {line.category: line.claimed for line in claim.lines.all()}
    assert lines[CostCategory.FLAT_RATE] == Decimal("12000.00")
    assert claim.claimed_total == Decimal("47000.00")
    with pytest.raises(ValidationError, match="Flat rate"):
        payment_claim_create(
            actor=people["preparer"],
            application=part,
            lines=[(CostCategory.FLAT_RATE, "99999.00")],
            period_starts=date(2025, 1, 1),
            period_ends=date(2025, 6, 30),
        )


def test_check_with_a_reduced_line_then_payment_offsets_the_advance(part, people):
    advance = advance_pay(
        actor=people["officer"], application=part, amount="10000.00", paid_on=date(2024, 10, 1)
    )
    claim = claim_for(part, people)
    claim = payment_claim_submit(actor=people["signatory"], claim=claim)
    assert claim.status == ClaimStatus.SUBMITTED
    claim = payment_claim_check(
        actor=people["officer"],
        claim=claim,
        accepted={CostCategory.PURCHASED_SERVICES: ("3000.00", "Kuitti puuttuu")},
    )
    assert claim.status == ClaimStatus.PARTLY_ACCEPTED
    assert claim.accepted_total == Decimal("45000.00")
    assert claim.accepted_support == Decimal("33750.00")
    reduced = claim.lines.get(category=CostCategory.PURCHASED_SERVICES)
    assert reduced.reduction_reason == "Kuitti puuttuu"
    claim = payment_claim_pay(actor=people["officer"], claim=claim, paid_on=date(2025, 2, 15))
    advance.refresh_from_db()
    assert (claim.status, claim.paid_on) == (ClaimStatus.PAID, date(2025, 2, 15))
    assert (claim.advance_offset, claim.paid_amount) == (Decimal("10000.00"), Decimal("23750.00"))
    assert advance.open_amount == Decimal("0.00")


def test_a_reduction_needs_its_reason(part, people):
    claim = payment_claim_submit(actor=people["signatory"], claim=claim_for(part, people))
    with pytest.raises(ValidationError, match="vähennyksen peruste"):
        payment_claim_check(
            actor=people["officer"],
            claim=claim,
            accepted={CostCategory.STAFF: ("20000.00", "")},
        )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    assert not ClaimLine.objects.filter(claim=claim, accepted__isnull=False).exists()


def test_only_the_signatory_submits_and_only_the_authority_checks(part, people):
    claim = claim_for(part, people)
    with pytest.raises(PermissionDenied, match="allekirjoitusoikeudellinen"):
        payment_claim_submit(actor=people["preparer"], claim=claim)
    claim = payment_claim_submit(actor=people["signatory"], claim=claim)
    with pytest.raises(PermissionDenied, match="viranomaisen"):
        payment_claim_check(actor=people["signatory"], claim=claim)


def test_over_the_budget_line_cumulatively_is_refused(part, people):
    claim_for(part, people, staff="60000.00")
    with pytest.raises(ValidationError, match="ylittää hyväksytyn budjetin"):
        claim_for(
            part,
            people,
            staff="45000.00",
            period_starts=date(2025, 1, 1),
            period_ends=date(2025, 6, 30),
        )
    assert PaymentClaim.objects.count() == 1


def test_costs_outside_the_project_period_are_refused(part, people):
    with pytest.raises(ValidationError, match="toteutusajan ulkopuolella"):
        claim_for(part, people, period_starts=date(2024, 6, 1), period_ends=date(2024, 8, 31))


def test_a_second_claim_for_the_same_period_is_refused(part, people):
    claim_for(part, people)
    with pytest.raises(ValidationError, match="samalle maksatuskaudelle"):
        claim_for(part, people, staff="100.00", services="0.00")


def test_two_sessions_editing_one_claim_the_later_save_is_refused(part, people):
    claim = claim_for(part, people)
    first = PaymentClaim.objects.get(pk=claim.pk)
    second = PaymentClaim.objects.get(pk=claim.pk)
    payment_claim_update(
        actor=people["preparer"],
        claim=first,
        expected_version=first.version,
        lines=[(CostCategory.STAFF, "31000.00"), (CostCategory.PURCHASED_SERVICES, "5000.00")],
    )
    with pytest.raises(ValidationError, match="muutettu sillä välin"):
        payment_claim_update(
            actor=people["preparer"],
            claim=second,
            expected_version=second.version,
            lines=[(CostCategory.STAFF, "1.00")],
        )
    claim.refresh_from_db()
    assert claim.claimed_total == Decimal("48400.00")


def test_the_database_keeps_accepted_within_claimed_and_paid_within_accepted(part, people):
    claim = claim_for(part, people)
    line = claim.lines.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimLine.objects.filter(pk=line.pk).update(accepted=line.claimed + 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        PaymentClaim.objects.filter(pk=claim.pk).update(paid_amount=Decimal("1.00"))


def test_advances_stay_within_30_percent_of_the_support(part, people):
    with pytest.raises(ValidationError, match="30 %"):
        advance_pay(
            actor=people["officer"],
            application=part,
            amount="36000.01",
            paid_on=date(2024, 10, 1),
        )
