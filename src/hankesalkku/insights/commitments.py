"""An organisation's co-financing commitments: what the finance office needs on one page.

An organisation here includes its units (a city → division → service), because commitments
are decided by units but paid from the city's budget items. Own and municipal co-financing are
summed by budget item and by the year of the decision (the model holds a commitment's period,
not an annual split, so the decision year is the only honest yearly key); reservations for
project costs are a different kind of money and are shown separately.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear

from hankesalkku.core.i18n import localized
from hankesalkku.core.money import Qualifier
from hankesalkku.decisions.models import Commitment, CommitmentPurpose
from hankesalkku.organisations.models import Organisation

CO_FINANCING = (CommitmentPurpose.OWN_FINANCING, CommitmentPurpose.MUNICIPAL_FINANCING)
MAX_LISTED = 500
ZERO = Decimal("0.00")


def organisation_tree(organisation: Organisation) -> Q:
    """The organisation and its units, three levels down (city → division → service → team)."""
    return (
        Q(pk=organisation.pk)
        | Q(parent=organisation)
        | Q(parent__parent=organisation)
        | Q(parent__parent__parent=organisation)
    )


def _summary(commitments) -> list[dict]:
    rows = (
        commitments.annotate(year=ExtractYear("decision__date"))
        .values("budget_item__code", "budget_item__name", "year")
        .annotate(
            decided=Sum("amount"),
            spent=Sum("spent"),
            ceilings=Count("pk", filter=Q(qualifier=Qualifier.AT_MOST)),
            n=Count("pk"),
        )
        .order_by("budget_item__code", "budget_item__name", "year")
    )
    return [
        {
            "budget_item": " ".join(
                p for p in (r["budget_item__code"], r["budget_item__name"]) if p
            )
            or "–",
            "year": r["year"],
            "decided": r["decided"] or ZERO,
            "spent": r["spent"] or ZERO,
            "open": (r["decided"] or ZERO) - (r["spent"] or ZERO),
            "has_ceilings": bool(r["ceilings"]),
            "commitments": r["n"],
        }
        for r in rows
    ]


def build_co_financing(
    organisation: Organisation, language: str = "fi", *, viewer=None, show_spending: bool = False
) -> dict:
    """The ledger as `viewer` may see it: no draft project's commitments, and spent and open
    amounts only when `show_spending` (see `decisions.permissions`) — left out here, at the
    read, so that no template or export can print them by mistake."""
    payers = Organisation.objects.filter(organisation_tree(organisation)).values("pk")
    base = Commitment.objects.visible_to(viewer).filter(payer__in=payers).order_by()
    co_financing = base.filter(purpose__in=CO_FINANCING)
    project_costs = base.filter(purpose=CommitmentPurpose.PROJECT_COSTS)
    totals = co_financing.aggregate(
        decided=Sum("amount"),
        spent=Sum("spent"),
        ceilings=Count("pk", filter=Q(qualifier=Qualifier.AT_MOST)),
    )
    decided, spent = totals["decided"] or ZERO, totals["spent"] or ZERO
    co_financing_rows, project_rows = _summary(co_financing), _summary(project_costs)
    listed = base.with_related().order_by("decision__date", "budget_item__code", "pk")[:MAX_LISTED]
    items = [
        {
            "pk": c.pk,
            "purpose": c.purpose,
            "purpose_label": str(c.get_purpose_display()),
            "is_co_financing": c.purpose in CO_FINANCING,
            "payer": localized(c.payer, "name", language),
            "budget_item": str(c.budget_item) if c.budget_item else "–",
            "decision": str(c.decision),
            "decision_date": c.decision.date,
            "decision_id": c.decision_id,
            "entity": c.entity.name,
            "entity_slug": c.entity.slug,
            "beneficiary": c.beneficiary.display_name if c.beneficiary else "",
            "years": _years(c.starts_year, c.ends_year),
            "amount": c.amount,
            "qualifier": c.qualifier,
            "spent": c.spent,
            "open": c.open_amount,
        }
        for c in listed
    ]
    if not show_spending:
        for row in (*items, *summary_rows(co_financing_rows, project_rows)):
            row["spent"] = row["open"] = None
        spent = None
    return {
        "organisation": localized(organisation, "name", language),
        "slug": organisation.slug,
        "co_financing": co_financing_rows,
        "project_costs": project_rows,
        "totals": {
            "decided": decided,
            "spent": spent,
            "open": None if spent is None else decided - spent,
            "qualifier": Qualifier.AT_MOST if totals["ceilings"] else Qualifier.EXACT,
        },
        "commitments": items,
        "listed_all": len(items) < MAX_LISTED,
    }


def summary_rows(*groups: list[dict]) -> list[dict]:
    return [row for group in groups for row in group]


def _years(starts: int | None, ends: int | None) -> str:
    if not starts and not ends:
        return ""
    if starts == ends:
        return str(starts)
    return f"{starts or ''}–{ends or ''}"
