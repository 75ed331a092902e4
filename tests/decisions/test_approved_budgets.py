"""An approved budget is never edited: an amendment approves a new revision, the old one is history."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from hankesalkku.decisions.models import ApprovedBudget
from hankesalkku.projects.models import ApplicationStatus, CostCategory
from tests.factories import ApplicationFactory, DecisionFactory, approved_budget

pytestmark = pytest.mark.django_db


def test_an_amendment_keeps_the_first_budget_as_history():
    part = ApplicationFactory.in_status(ApplicationStatus.FUNDED)
    first = approved_budget(part)
    amended = approved_budget(
        part,
        decision=DecisionFactory(),
        lines=[
            (CostCategory.STAFF, 2024, Decimal("60000.00")),
            (CostCategory.FLAT_RATE, 2024, Decimal("24000.00")),
            (CostCategory.LUMP_SUM, None, Decimal("16000.00")),
        ],
    )
    first.refresh_from_db()
    assert (first.revision, first.in_force) == (1, False)
    assert (amended.revision, amended.in_force) == (2, True)
    assert amended.total() == Decimal("100000.00")
    assert list(ApprovedBudget.objects.filter(application=part).in_force()) == [amended]


def test_the_database_refuses_two_budgets_in_force():
    part = ApplicationFactory.in_status(ApplicationStatus.FUNDED)
    budget = approved_budget(part)
    with pytest.raises(IntegrityError), transaction.atomic():
        ApprovedBudget.objects.create(
            application=part,
            decision=budget.decision,
            revision=2,
            support=Decimal("1.00"),
            support_rate=Decimal("0.5"),
        )
