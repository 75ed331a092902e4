"""An organisation with its units: what it applies for, partners in and pays, with sums."""

from decimal import Decimal

from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from hankesalkku.decisions.models import Commitment, CommitmentPurpose, Decision
from hankesalkku.decisions.permissions import can_view_commitment_spending
from hankesalkku.organisations.models import Organisation
from hankesalkku.projects.models import Application, Partner, ProjectEntity
from hankesalkku.site.projects import combined_qualifier
from hankesalkku.sources.models import SourceReference


def _descendants(root: Organisation) -> list[Organisation]:
    """Units at every depth (city → division → Annantalo); one query per level, not per unit."""
    found: list[Organisation] = []
    frontier = [root.pk]
    while frontier:
        level = list(Organisation.objects.filter(parent_id__in=frontier).select_related("parent"))
        found.extend(level)
        frontier = [o.pk for o in level]
    return found


def _commitments_by_budget_item(commitments, show_spending: bool) -> list[dict]:
    """Commitments grouped by budget item; spent and open only for those who may see them."""
    groups: dict = {}
    for c in commitments:
        group = groups.setdefault(
            c.budget_item_id,
            {
                "budget_item": c.budget_item,
                "commitments": [],
                "amount": Decimal("0"),
                "spent": Decimal("0"),
            },
        )
        group["commitments"].append(c)
        group["amount"] += c.amount
        group["spent"] += c.spent
    for group in groups.values():
        group["qualifier"] = combined_qualifier(c.qualifier for c in group["commitments"])
        group["open"] = group["amount"] - group["spent"]
        if not show_spending:
            group["spent"] = group["open"] = None
    return list(groups.values())


def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.select_related("region", "parent__parent__parent"), slug=slug
    )
    ancestors = []
    node = organisation.parent
    while node is not None and len(ancestors) < 10:
        ancestors.insert(0, node)
        node = node.parent
    units = _descendants(organisation)
    ids = [organisation.pk, *(u.pk for u in units)]
    visible = ProjectEntity.objects.visible_to(request.user).values("pk")
    applications = list(
        Application.objects.with_organisations()
        .select_related("entity", "entity__call")
        .filter(Q(organisation_id__in=ids) | Q(unit_id__in=ids), entity_id__in=visible)
        .order_by("entity__name")
    )
    partnerships = _one_per_project(
        Partner.objects.select_related("entity", "organisation")
        .filter(organisation_id__in=ids, entity_id__in=visible)
        .order_by("entity__name", "pk")
    )
    show_spending, _reason = can_view_commitment_spending(request.user, organisation)
    paid = list(
        Commitment.objects.with_related()
        .select_related("budget_item__organisation")
        .filter(payer_id__in=ids, entity_id__in=visible)
        .order_by("budget_item__code", "decision__date")
    )
    received = list(
        Commitment.objects.with_related()
        .filter(beneficiary_id__in=ids, entity_id__in=visible)
        .exclude(payer_id__in=ids)
    )
    decisions = list(Decision.objects.filter(organisation_id__in=ids).order_by("-date")[:50])
    # A reservation for project costs covers the whole part, support included; adding it to
    # the own and municipal shares would count the same euros twice.
    co_financing = [c for c in paid if c.purpose != CommitmentPurpose.PROJECT_COSTS]
    budget_items = [c.budget_item for c in (*paid, *received)]
    refs = SourceReference.objects.for_objects(
        [organisation, *applications, *paid, *received, *budget_items]
    )
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "ancestors": ancestors,
            "units": units,
            "applications": applications,
            "partnerships": partnerships,
            "budget_groups": _commitments_by_budget_item(paid, show_spending),
            "paid_total": sum((c.amount for c in co_financing), Decimal("0")),
            "paid_qualifier": combined_qualifier(c.qualifier for c in co_financing),
            "received": received,
            "decisions": decisions,
            "refs": refs,
        },
    )


def _one_per_project(partners) -> list:
    """A project once, however many of its partner rows name this organisation or its units
    (a city and its unit, or two roles): the first row stands for it, with every description."""
    first: dict = {}
    for partner in partners:
        if partner.entity_id not in first:
            first[partner.entity_id] = partner
            partner.descriptions = []
        if partner.description and partner.description not in first[partner.entity_id].descriptions:
            first[partner.entity_id].descriptions.append(partner.description)
    return list(first.values())
