"""The city's co-financing ledger: every commitment with what was paid and what is still open.

One read shared by the page, its XLSX export and the API, so the three never disagree. The
figures that only a finance office may see (paid, open, forecast) are computed only when
`decisions.permissions.can_view_commitment_spending` allows them; otherwise they stay None.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from hankesalkku.accounts import roles
from hankesalkku.decisions.models import Commitment
from hankesalkku.decisions.permissions import (
    authority_commitments_filter,
    can_view_commitment_spending,
)

ZERO = Decimal("0.00")


@dataclass
class LedgerYear:
    year: int
    planned: Decimal
    paid: Decimal | None


@dataclass
class LedgerRow:
    commitment: Commitment
    committed: Decimal
    paid: Decimal | None
    open: Decimal | None
    forecast: Decimal | None
    years: list[LedgerYear] = field(default_factory=list)

    @property
    def decision(self):
        return self.commitment.decision

    @property
    def programme(self):
        call = self.commitment.entity.call
        return call.programme if call else None


@dataclass
class Ledger:
    organisation: object
    rows: list[LedgerRow]
    shows_spending: bool

    def total(self, name: str) -> Decimal | None:
        values = [getattr(row, name) for row in self.rows]
        if any(value is None for value in values):
            return None
        return sum(values, ZERO)

    @property
    def totals(self) -> dict:
        return {name: self.total(name) for name in ("committed", "paid", "open", "forecast")}


def _forecast(row_years: list[LedgerYear], open_amount: Decimal, this_year: int) -> Decimal:
    """What is still to be paid this year and later: the plan's remainder, within the open."""
    coming = [y for y in row_years if y.year >= this_year]
    if not any(y.planned for y in row_years):  # no yearly plan: all that is open may come
        return open_amount
    remaining = sum((max(y.planned - (y.paid or ZERO), ZERO) for y in coming), ZERO)
    return min(remaining, open_amount)


def ledger_for(user, organisation, *, filters=None, today=None) -> Ledger:
    """Commitments the organisation (with its units) pays, filtered by budget item, programme,
    project and year (a commitment runs in a year when its period or plan covers it)."""
    filters = filters or {}
    this_year = (today or datetime.date.today()).year
    shows = can_view_commitment_spending(user, organisation)[0]
    commitments = (
        Commitment.objects.visible_to(user)
        .with_related()
        .select_related("entity__call__programme")
        .prefetch_related("year_plans", "payments")
        .filter(Q(payer=organisation) | Q(payer__parent=organisation))
        .order_by("budget_item__code", "entity__name", "decision__date", "pk")
    )
    if not shows and roles.authority_organisation_ids(user):
        # A funding authority's officer: the commitments co-financing the projects it funds.
        commitments = commitments.filter(authority_commitments_filter(user))
        shows = True
    if filters.get("budget_item"):
        commitments = commitments.filter(budget_item_id=filters["budget_item"])
    if filters.get("programme"):
        commitments = commitments.filter(entity__call__programme_id=filters["programme"])
    if filters.get("entity"):
        commitments = commitments.filter(entity_id=filters["entity"])
    year = filters.get("year")
    if year:
        year = int(year)
        commitments = commitments.filter(
            Q(year_plans__year=year)
            | (Q(starts_year__lte=year) & (Q(ends_year__gte=year) | Q(ends_year__isnull=True)))
        ).distinct()
    rows = []
    for commitment in commitments:
        paid_by_year: dict[int, Decimal] = {}
        for payment in commitment.payments.all():
            paid_by_year[payment.year] = paid_by_year.get(payment.year, ZERO) + payment.amount
        planned = {plan.year: plan.amount for plan in commitment.year_plans.all()}
        years = [
            LedgerYear(y, planned.get(y, ZERO), paid_by_year.get(y, ZERO) if shows else None)
            for y in sorted(set(planned) | (set(paid_by_year) if shows else set()))
        ]
        row = LedgerRow(commitment, commitment.amount, None, None, None, years)
        if shows:
            row.paid = commitment.spent
            row.open = commitment.amount - commitment.spent
            row.forecast = _forecast(years, row.open, this_year)
        rows.append(row)
    return Ledger(organisation, rows, shows)
