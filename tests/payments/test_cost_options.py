"""Unit costs and lump sums in a claim: staff as hours × the decision's hourly rate, milestones
claimed as reached and paid in full or not at all; neither is ever typed in euros."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hankesalkku.payments.models import ClaimStatus, PaymentClaim
from hankesalkku.payments.services import (
    lump_sum_milestone_create,
    payment_claim_check,
    payment_claim_create,
    payment_claim_submit,
    staff_unit_cost_set,
)
from hankesalkku.projects.models import CostCategory as C

from .factories import funded_part, people_of

pytestmark = pytest.mark.django_db

SPRING = {"period_starts": date(2025, 1, 1), "period_ends": date(2025, 6, 30)}
LINES = [
    (C.STAFF, None, Decimal("100000.00")),
    (C.FLAT_RATE, None, Decimal("40000.00")),
    (C.LUMP_SUM, None, Decimal("20000.00")),
]


@pytest.fixture
def part():
    part = funded_part(lines=LINES)
    decision = part.approved_budgets.get().decision
    people = people_of(part)
    staff_unit_cost_set(
        actor=people["officer"], application=part, decision=decision, annual_pay="45000.00"
    )
    for order, (name, amount) in enumerate(
        (("Toimintamalli kuvattu", "8000.00"), ("Loppuseminaari pidetty", "12000.00")), 1
    ):
        lump_sum_milestone_create(
            actor=people["officer"],
            application=part,
            decision=decision,
            name=name,
            amount=amount,
            order=order,
        )
    part.people = people
    return part


def test_staff_are_claimed_as_hours_times_the_decisions_hourly_rate(part):
    claim = payment_claim_create(
        actor=part.people["preparer"], application=part, staff_hours="500", **SPRING
    )
    staff = claim.lines.get(category=C.STAFF)
    assert staff.unit_rate == Decimal("26.16")  # 45 000 € / 1 720 h, to the cent
    assert staff.claimed == Decimal("13080.00") and staff.working == "500 h × 26,16 €/h"
    assert claim.lines.get(category=C.FLAT_RATE).claimed == Decimal("5232.00")
    with pytest.raises(ValidationError, match="anna tehdyt tunnit"):
        payment_claim_create(
            actor=part.people["preparer"],
            application=part,
            lines=[(C.STAFF, "13080.00")],
            period_starts=date(2025, 7, 1),
            period_ends=date(2025, 12, 31),
        )


def test_a_milestone_is_claimed_when_reached_and_accepted_in_full_or_not_at_all(part):
    first, second = part.lump_sum_milestones.all()
    claim = payment_claim_create(
        actor=part.people["preparer"],
        application=part,
        staff_hours="100",
        milestones=[(first, date(2025, 5, 20)), (second, date(2025, 6, 12))],
        **SPRING,
    )
    assert claim.lines.get(category=C.LUMP_SUM).claimed == Decimal("20000.00")
    claim = payment_claim_submit(actor=part.people["signatory"], claim=claim)
    with pytest.raises(ValidationError, match="miksi välitavoitetta ei hyväksytä"):
        payment_claim_check(
            actor=part.people["officer"], claim=claim, milestones={second.pk: (False, "")}
        )
    claim = payment_claim_check(
        actor=part.people["officer"],
        claim=PaymentClaim.objects.get(pk=claim.pk),
        accepted_hours=("80", "Tuntikirjanpidossa 80 h"),
        milestones={second.pk: (False, "Seminaari siirtyi syksyyn")},
    )
    lines = {line.category: line for line in claim.lines.all()}
    assert claim.status == ClaimStatus.PARTLY_ACCEPTED
    assert lines[C.STAFF].accepted == Decimal("2092.80")  # 80 h × 26,16 €
    assert lines[C.FLAT_RATE].accepted == Decimal("837.12")  # follows the accepted staff
    assert lines[C.LUMP_SUM].accepted == Decimal("8000.00")
    assert "Seminaari siirtyi syksyyn" in lines[C.LUMP_SUM].reduction_reason


def test_a_milestone_is_claimed_once_and_within_the_period(part):
    first = part.lump_sum_milestones.first()
    with pytest.raises(ValidationError, match="maksatuskauden ulkopuolella"):
        payment_claim_create(
            actor=part.people["preparer"],
            application=part,
            milestones=[(first, date(2025, 8, 1))],
            **SPRING,
        )
    payment_claim_create(
        actor=part.people["preparer"],
        application=part,
        milestones=[(first, date(2025, 3, 1))],
        **SPRING,
    )
    with pytest.raises(ValidationError, match="jo haettu"):
        payment_claim_create(
            actor=part.people["preparer"],
            application=part,
            milestones=[(first, date(2025, 8, 1))],
            period_starts=date(2025, 7, 1),
            period_ends=date(2025, 12, 31),
        )


def test_milestones_stay_within_the_approved_lump_sum(part):
    with pytest.raises(ValidationError, match="ylittäisivät hyväksytyn kertakorvauksen"):
        lump_sum_milestone_create(
            actor=part.people["officer"],
            application=part,
            decision=part.approved_budgets.get().decision,
            name="Kolmas",
            amount="0.01",
        )
