"""A part's running totals against its approved budget: approved, claimed, accepted, paid.

Claimed counts every claim not rejected; accepted and paid only what the authority checked and
paid. Paid support is per claim, so it is shown as a total beside the categories' costs.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from hankesalkku.decisions.models import ApprovedBudget
from hankesalkku.projects.models import CostCategory

from .models import ClaimLine, ClaimStatus, PaymentClaim

ZERO = Decimal("0.00")
ORDER = list(CostCategory.values)


@dataclass
class CategoryMoney:
    category: str
    label: str
    approved: Decimal
    claimed: Decimal
    accepted: Decimal

    @property
    def remaining(self) -> Decimal:
        """What may still be claimed in this category."""
        return self.approved - self.claimed


@dataclass
class PartMoney:
    application: object
    budget: ApprovedBudget
    categories: list[CategoryMoney]
    support_paid: Decimal
    advances: Decimal
    advances_open: Decimal = ZERO

    def _total(self, name):
        return sum((getattr(row, name) for row in self.categories), ZERO)

    @property
    def approved_total(self):
        return self._total("approved")

    @property
    def claimed_total(self):
        return self._total("claimed")

    @property
    def accepted_total(self):
        return self._total("accepted")

    @property
    def remaining_total(self):
        return self.approved_total - self.claimed_total

    @property
    def support_left(self):
        """Support not yet paid out, counting advances as paid."""
        return self.budget.support - self.support_paid - self.advances_open


def part_money(application) -> PartMoney | None:
    budget = ApprovedBudget.objects.in_force().filter(application=application).first()
    if budget is None:
        return None
    lines = ClaimLine.objects.filter(claim__application=application)
    claimed = dict(
        lines.filter(claim__status__in=ClaimStatus.counted())
        .values_list("category")
        .annotate(total=Sum("claimed"))
    )
    accepted = dict(
        lines.filter(accepted__isnull=False)
        .exclude(claim__status=ClaimStatus.REJECTED)
        .values_list("category")
        .annotate(total=Sum("accepted"))
    )
    approved = budget.lines.values_list("category").annotate(total=Sum("amount"))
    labels = dict(budget.lines.model._meta.get_field("category").choices)
    categories = [
        CategoryMoney(
            category,
            labels[category],
            total,
            claimed.get(category, ZERO),
            accepted.get(category, ZERO),
        )
        for category, total in sorted(approved, key=lambda row: ORDER.index(row[0]))
    ]
    paid = PaymentClaim.objects.filter(application=application, status=ClaimStatus.PAID)
    support_paid = paid.aggregate(total=Sum("paid_amount") + Sum("advance_offset"))["total"] or ZERO
    sums = application.advances.aggregate(total=Sum("amount"), offset=Sum("offset"))
    advances = sums["total"] or ZERO
    advances_open = advances - (sums["offset"] or ZERO)
    return PartMoney(application, budget, categories, support_paid, advances, advances_open)
