"""Programme-level money: per call and theme, the support approved, claimed, accepted and paid,
and what is left of the call's (and the theme's) budget.

Why support and not costs: a call's budget (määräraha) is support, so "remaining" compares like
with like. Claimed is the support share of the claims submitted and not rejected (drafts are
the implementer's working material); paid is the support paid on claims plus advances.

Computed in a fixed number of queries whatever the number of calls: the calls in scope, then
one grouped aggregate per measure (approved, claimed, accepted, paid on claims, advances).
Which calls a person sees follows payments.permissions.programme_money_call_ids.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import DecimalField, ExpressionWrapper, F, Sum

from hankesalkku.decisions.models import ApprovedBudget
from hankesalkku.programmes.models import Call

from .models import Advance, ClaimStatus, PaymentClaim

ZERO = Decimal("0.00")
MEASURES = ("approved", "claimed", "accepted", "paid")


@dataclass
class MoneyRow:
    name: str
    budget: Decimal | None
    approved: Decimal = ZERO
    claimed: Decimal = ZERO
    accepted: Decimal = ZERO
    paid: Decimal = ZERO
    call: object = None
    calls: list = field(default_factory=list)

    @property
    def remaining(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.approved


@dataclass
class ProgrammeMoney:
    calls: list[MoneyRow]
    themes: list[MoneyRow]

    @property
    def total(self) -> MoneyRow:
        row = MoneyRow("", None)
        for call in self.calls:
            for name in MEASURES:
                setattr(row, name, getattr(row, name) + getattr(call, name))
        return row


def _by_call(queryset, call_path: str, value) -> dict[int, Decimal]:
    rows = queryset.values(call_path).annotate(total=Sum(value)).values_list(call_path, "total")
    return {call_id: total or ZERO for call_id, total in rows}


def programme_money(call_ids=None) -> ProgrammeMoney:
    """`call_ids` None: every call; otherwise only those (an empty set gives nothing)."""
    calls = Call.objects.select_related("theme").order_by("theme__name", "opens", "pk")
    if call_ids is not None:
        calls = calls.filter(pk__in=call_ids)
    calls = list(calls)
    ids = [call.pk for call in calls]
    path = "application__entity__call"
    approved = _by_call(
        ApprovedBudget.objects.in_force().filter(**{f"{path}__in": ids}), path, "support"
    )
    claims = PaymentClaim.objects.filter(**{f"{path}__in": ids})
    support = ExpressionWrapper(
        F("claimed_total") * F("support_rate"),
        output_field=DecimalField(max_digits=16, decimal_places=6),
    )
    claimed = _by_call(
        claims.exclude(status__in=(ClaimStatus.DRAFT, ClaimStatus.REJECTED)), path, support
    )
    accepted = _by_call(
        claims.filter(
            status__in=(ClaimStatus.ACCEPTED, ClaimStatus.PARTLY_ACCEPTED, ClaimStatus.PAID)
        ),
        path,
        "accepted_support",
    )
    paid = _by_call(claims.filter(status=ClaimStatus.PAID), path, "paid_amount")
    advances = _by_call(Advance.objects.filter(**{f"{path}__in": ids}), path, "amount")
    rows, themes = [], {}
    for call in calls:
        row = MoneyRow(
            call.display_name,
            call.budget,
            approved=approved.get(call.pk, ZERO),
            claimed=Decimal(claimed.get(call.pk, ZERO)).quantize(Decimal("0.01")),
            accepted=accepted.get(call.pk, ZERO),
            paid=paid.get(call.pk, ZERO) + advances.get(call.pk, ZERO),
            call=call,
        )
        rows.append(row)
        if call.theme_id:
            theme = themes.setdefault(
                call.theme_id, MoneyRow(call.theme.display_name, call.theme.reserved_budget)
            )
            theme.calls.append(row)
            for name in MEASURES:
                setattr(theme, name, getattr(theme, name) + getattr(row, name))
    return ProgrammeMoney(rows, list(themes.values()))
