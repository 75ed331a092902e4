"""An organisation with its units: what it applies for, partners in and pays, with sums."""

from decimal import Decimal

from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from hankesalkku.decisions.models import Commitment, Decision
from hankesalkku.documents.models import SourceReference
from hankesalkku.projects.models import Application, Partner
from hankesalkku.projects.permissions import visible_project_entities
from hankesalkku.projects.views import combined_qualifier

from .models import Organisation


def _descendants(root: Organisation) -> list[Organisation]:
    """Units at every depth (city → division → Annantalo); one query per level, not per unit."""
    found: list[Organisation] = []
    frontier = [root.pk]
    while frontier:
        level = list(Organisation.objects.filter(parent_id__in=frontier).select_related("parent"))
        found.extend(level)
        frontier = [o.pk for o in level]
    return found


def _commitments_by_budget_item(commitments) -> list[dict]:
    groups: dict = {}
    for c in commitments:
        group = groups.setdefault(
            c.budget_item_id,
            {"budget_item": c.budget_item, "commitments": [], "amount": Decimal("0"),
             "spent": Decimal("0")},
        )
        group["commitments"].append(c)
        group["amount"] += c.amount
        group["spent"] += c.spent
    for group in groups.values():
        group["qualifier"] = combined_qualifier(c.qualifier for c in group["commitments"])
        group["open"] = group["amount"] - group["spent"]
    return list(groups.values())


def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.select_related("region", "parent", "parent__parent"), slug=slug
    )
    units = _descendants(organisation)
    ids = [organisation.pk, *(u.pk for u in units)]
    visible = visible_project_entities(request.user).values("pk")
    applications = list(
        Application.objects.with_organisations()
        .select_related("entity", "entity__call")
        .filter(Q(organisation_id__in=ids) | Q(unit_id__in=ids), entity_id__in=visible)
        .order_by("entity__name")
    )
    partnerships = list(
        Partner.objects.select_related("entity", "organisation")
        .filter(organisation_id__in=ids, entity_id__in=visible)
        .order_by("entity__name")
    )
    paid = list(
        Commitment.objects.with_related().filter(payer_id__in=ids, entity_id__in=visible)
        .order_by("budget_item__code", "decision__date")
    )
    received = list(
        Commitment.objects.with_related()
        .filter(beneficiary_id__in=ids, entity_id__in=visible)
        .exclude(payer_id__in=ids)
    )
    decisions = list(
        Decision.objects.filter(organisation_id__in=ids).order_by("-date")[:50]
    )
    refs = SourceReference.objects.for_objects([organisation, *applications, *paid, *received])
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "units": units,
            "applications": applications,
            "partnerships": partnerships,
            "budget_groups": _commitments_by_budget_item(paid),
            "paid_total": sum((c.amount for c in paid), Decimal("0")),
            "paid_qualifier": combined_qualifier(c.qualifier for c in paid),
            "received": received,
            "decisions": decisions,
            "refs": refs,
        },
    )
