"""A call and everything known about it: terms, reported figures, its projects and decisions."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from hankesalkku.core.views import call_cited_objects, calls_with_figures
from hankesalkku.decisions.models import Decision
from hankesalkku.documents.models import SourceReference
from hankesalkku.projects.models import ProjectEntity
from hankesalkku.projects.permissions import visible_project_entities
from hankesalkku.projects.views import attach_list_figures


def call_detail(request, slug):
    call = get_object_or_404(
        calls_with_figures()
        .select_related("theme__specific_objective__priority")
        .prefetch_related(
            Prefetch(
                "decisions",
                Decision.objects.select_related("organisation").order_by("-date"),
            )
        ),
        slug=slug,
    )
    entities = attach_list_figures(
        visible_project_entities(request.user, ProjectEntity.objects.for_list())
        .filter(call=call)
        .select_related("strand")
    )
    figures = list(call.reported_figures.all())
    refs = SourceReference.objects.for_objects(call_cited_objects(call))
    return render(
        request,
        "programmes/call_detail.html",
        {"call": call, "entities": entities, "figures": figures, "refs": refs},
    )
