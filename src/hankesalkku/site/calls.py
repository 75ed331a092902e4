"""A call and everything known about it: terms, reported figures, its projects and decisions."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from hankesalkku.core.pagination import paginate
from hankesalkku.decisions.models import Decision
from hankesalkku.projects.models import ProjectEntity
from hankesalkku.site.home import call_cited_objects, calls_with_figures
from hankesalkku.site.project_list import SORTING
from hankesalkku.site.projects import attach_list_figures
from hankesalkku.sources.models import SourceReference


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
    # A national call has thousands of projects: its table pages like the project list.
    page = paginate(
        ProjectEntity.objects.for_list()
        .visible_to(request.user)
        .filter(call=call, summary__isnull=False)
        .select_related("summary"),
        request.GET,
        sorting=SORTING,
    )
    entities = attach_list_figures(page.items)
    figures = list(call.reported_figures.all())
    refs = SourceReference.objects.for_objects(call_cited_objects(call))
    return render(
        request,
        "programmes/call_detail.html",
        {"call": call, "entities": entities, "page": page, "figures": figures, "refs": refs},
    )
