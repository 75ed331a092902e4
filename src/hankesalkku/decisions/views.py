"""Decisions and the money they commit, each with the source of its figures."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from hankesalkku.projects.models import ProjectEntity
from hankesalkku.sources.models import SourceReference

from .models import Commitment, Decision


def _visible_entities(request):
    return Prefetch(
        "project_entities",
        ProjectEntity.objects.visible_to(request.user),
    )


def decision_list(request):
    decisions = list(
        Decision.objects.select_related("organisation").prefetch_related(
            _visible_entities(request), "calls"
        )
    )
    return render(request, "decisions/list.html", {"decisions": decisions})


def decision_detail(request, pk):
    decision = get_object_or_404(
        Decision.objects.select_related("organisation").prefetch_related(
            _visible_entities(request), "calls"
        ),
        pk=pk,
    )
    visible = ProjectEntity.objects.visible_to(request.user).values("pk")
    commitments = list(
        Commitment.objects.with_related().filter(decision=decision, entity_id__in=visible)
    )
    budget_items = [c.budget_item for c in commitments]
    refs = SourceReference.objects.for_objects([decision, *commitments, *budget_items])
    return render(
        request,
        "decisions/detail.html",
        {"decision": decision, "commitments": commitments, "refs": refs},
    )
