"""The networking pages: similar projects (a partial the project page loads) and who works on
what where."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from hankesalkku.projects.models import ProjectEntity
from hankesalkku.projects.permissions import can_view_project_entity

from .similar import similar_projects
from .who import who_works_on_what


@require_safe
def similar(request, slug):
    entity = get_object_or_404(ProjectEntity, slug=slug)
    allowed, reason = can_view_project_entity(request.user, entity)
    if not allowed:
        raise Http404(reason)
    template = "networking/partials/similar.html"
    if not request.headers.get("HX-Request"):
        template = "networking/similar_page.html"
    return render(
        request, template, {"entity": entity, "similar": similar_projects(request.user, entity)}
    )


@require_safe
def who(request):
    context = who_works_on_what(
        request.user, request.GET.get("toimiala", ""), request.GET.get("alue", "")
    )
    return render(request, "networking/who.html", context)
