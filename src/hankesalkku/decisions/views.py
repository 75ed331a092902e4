"""Decisions and the money they commit, each with the source of its figures."""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from hankesalkku.core.history import render_history
from hankesalkku.core.pagination import headings, list_template, paginate
from hankesalkku.core.params import parse_filters
from hankesalkku.core.routers import reads_from_replica
from hankesalkku.projects.models import ProjectEntity
from hankesalkku.sources.models import SourceReference

from .listing import FILTERS, SORTING
from .models import Commitment, Decision
from .permissions import can_view_decision_history, commitment_history_hidden


def _visible_entities(request):
    return Prefetch(
        "project_entities",
        ProjectEntity.objects.visible_to(request.user),
    )


@reads_from_replica
def decision_list(request):
    """A page of decisions, filtered and sorted as the URL says (see `listing`)."""
    result = parse_filters(request.GET, FILTERS)
    decisions = Decision.objects.filter(result.condition).select_related("organisation")
    page = paginate(
        decisions.prefetch_related(_visible_entities(request), "calls"),
        request.GET,
        sorting=SORTING,
        notes=result.notes,
    )
    columns = [(c.key, c.label, False) for c in SORTING.columns.values()]
    columns.append((None, _("Hankkeet"), False))
    context = {
        "decisions": page.items,
        "page": page,
        "filter_result": result,
        "headings": headings(page, columns),
    }
    template = list_template(request, "decisions/list.html", "decisions/partials/results.html")
    return render(request, template, context)


def decision_detail(request, pk):
    decision = get_object_or_404(
        Decision.objects.select_related("organisation").prefetch_related(
            _visible_entities(request), "calls"
        ),
        pk=pk,
    )
    commitments = list(
        Commitment.objects.visible_to(request.user).with_related().filter(decision=decision)
    )
    budget_items = [c.budget_item for c in commitments]
    refs = SourceReference.objects.for_objects([decision, *commitments, *budget_items])
    return render(
        request,
        "decisions/detail.html",
        {
            "decision": decision,
            "commitments": commitments,
            "refs": refs,
            "show_history": can_view_decision_history(request.user, decision)[0],
        },
    )


def decision_history(request, pk):
    decision = get_object_or_404(Decision, pk=pk)
    allowed, reason = can_view_decision_history(request.user, decision)
    if not allowed:
        raise PermissionDenied(reason)
    commitments = list(
        Commitment.objects.visible_to(request.user)
        .select_related("payer")
        .filter(decision=decision)
    )
    return render_history(
        request,
        [decision, *commitments],
        title=str(decision),
        hidden=commitment_history_hidden(request.user, commitments),
    )
