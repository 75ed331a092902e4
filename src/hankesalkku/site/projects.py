"""A project's page with every euro per implementer and its source, and its history (the list
is `project_list`)."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from hankesalkku.core.history import render_history
from hankesalkku.core.money import Qualifier, support_rate
from hankesalkku.decisions.models import Commitment, Decision
from hankesalkku.decisions.permissions import commitment_history_hidden
from hankesalkku.projects.models import Application, Partner, ProjectEntity, ProjectStatus
from hankesalkku.projects.models.application import SUMMED_FIELDS
from hankesalkku.projects.models.status import ALLOWED_TRANSITIONS
from hankesalkku.projects.permissions import can_view_project_entity, can_view_project_history
from hankesalkku.sources.models import SourceReference


def combined_qualifier(qualifiers) -> str:
    """Exact only when every part is exact; one shared qualifier survives; mixed ones read 'about'."""
    kinds = set(qualifiers)
    if not kinds or kinds == {Qualifier.EXACT}:
        return Qualifier.EXACT
    if len(kinds - {Qualifier.EXACT}) == 1:
        return (kinds - {Qualifier.EXACT}).pop()
    return Qualifier.ABOUT


class Totals:
    """Column sums over applications; a column nobody stated stays unknown, not zero."""

    def __init__(self, applications):
        self.incomplete = any(a.total_cost is None for a in applications)
        for name in SUMMED_FIELDS:
            stated = [a for a in applications if getattr(a, name) is not None]
            value = sum((getattr(a, name) for a in stated), Decimal("0")) if stated else None
            setattr(self, name, value)
            setattr(
                self,
                f"{name}_qualifier",
                combined_qualifier(getattr(a, f"{name}_qualifier") for a in stated),
            )

    @property
    def support_rate(self):
        if self.incomplete:
            return None
        return support_rate(self.support, self.total_cost)


def attach_list_figures(entities) -> list:
    """Implementer count and the whole-project cost and support, from prefetched applications.

    The entity's stated figures win; otherwise the implementers' parts are added up.
    """
    for entity in entities:
        applications = list(entity.applications.all())
        entity.implementer_count = len(applications)
        totals = Totals(applications)
        for name in ("total_cost", "support"):
            stated = getattr(entity, name)
            if stated is not None:
                setattr(entity, f"list_{name}", stated)
                setattr(entity, f"list_{name}_qualifier", getattr(entity, f"{name}_qualifier"))
            else:
                setattr(entity, f"list_{name}", getattr(totals, name))
                setattr(entity, f"list_{name}_qualifier", getattr(totals, f"{name}_qualifier"))
    return entities


def project_detail(request, slug):
    entity = get_object_or_404(
        ProjectEntity.objects.select_related(
            "call", "strand", "theme", "specific_objective__priority", "funding_authority"
        ).prefetch_related(
            "funding_ministries",
            "sectors",
            "regions",
            Prefetch("applications", Application.objects.with_organisations()),
            Prefetch("partners", Partner.objects.select_related("organisation__region")),
            Prefetch("decisions", Decision.objects.select_related("organisation").order_by("date")),
            Prefetch("commitments", Commitment.objects.with_related()),
        ),
        slug=slug,
    )
    allowed, _reason = can_view_project_entity(request.user, entity)
    if not allowed:
        raise Http404(_reason)
    applications = list(entity.applications.all())
    partners = list(entity.partners.all())
    decisions = list(entity.decisions.all())
    commitments = list(entity.commitments.all())
    budget_items = [c.budget_item for c in commitments] + [
        a.municipal_financing_budget_item for a in applications
    ]
    refs = SourceReference.objects.for_objects(
        [entity, *applications, *partners, *decisions, *commitments, *budget_items]
    )
    return render(
        request,
        "projects/detail.html",
        {
            "entity": entity,
            "applications": applications,
            "totals": Totals(applications) if len(applications) > 1 else None,
            "partners": partners,
            "decisions": decisions,
            "commitments": commitments,
            "refs": refs,
            "next_steps": [ProjectStatus(s).label for s in ALLOWED_TRANSITIONS[entity.status]],
            "show_history": can_view_project_history(request.user, entity)[0],
        },
    )


def project_history(request, slug):
    """The project's trail with its implementers' parts, partners and commitments."""
    entity = get_object_or_404(ProjectEntity.objects.select_related("call"), slug=slug)
    allowed, reason = can_view_project_entity(request.user, entity)
    if not allowed:
        raise Http404(reason)
    allowed, reason = can_view_project_history(request.user, entity)
    if not allowed:
        raise PermissionDenied(reason)
    commitments = list(entity.commitments.select_related("payer"))
    records = [entity, *entity.applications.all(), *entity.partners.all(), *commitments]
    return render_history(
        request,
        records,
        title=str(entity),
        hidden=commitment_history_hidden(request.user, commitments),
    )
