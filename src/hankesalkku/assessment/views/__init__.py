"""Pages of assessment: thin callers of the services, access decided in permissions.py.

The read pages live here (what waits, the ranking, the funnel, the decision document); the
forms by step in `application` (screening, conflict, scores), `deciding` (assessors, summary,
selection, decision) and `amending` (change requests and the budget history).
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from hankesalkku.core.pdf import pdf_response
from hankesalkku.programmes.models import Call
from hankesalkku.projects.models import Application, ApplicationStatus
from hankesalkku.sources.models import SourceReference

from .. import permissions
from ..forms import SelectionForm
from ..models import FundingDecision, Selection
from ..pdf import decision_pdf
from ..summary import decided_support, funnel, ranking
from ..waiting import waiting_for
from .amending import amendment_decide, amendments  # noqa: F401
from .application import application_page, conflict, scoring, screening  # noqa: F401
from .common import require, section
from .deciding import assessors, decision, entity_summary, selection  # noqa: F401

WAITING_PARTS = ("screen", "score", "decide", "decisions")


@require_GET
@login_required
def waiting(request):
    """The start page's panels: applications to screen, to score, to decide, my decisions.
    `?osa=` names one panel (the start page loads each on its own); without it, all."""
    part = request.GET.get("osa")
    found = waiting_for(request.user)
    if part in WAITING_PARTS:
        found = {key: (value if key == part else []) for key, value in found.items()}
    return section(request, "assessment/partials/waiting.html", found)


@require_GET
@login_required
def call_ranking(request, slug):
    """The call's entities by weighted score, with the budget line and the running sum, the
    selection proposal and the reasoned choices; the applications by status beside it."""
    call = get_object_or_404(Call.objects, slug=slug)
    require(permissions.can_view_call_assessment(request.user, call))
    rows = ranking(call)
    chosen = {s.entity_id: s for s in Selection.objects.filter(entity__call=call)}
    runs = permissions.can_run_call(request.user, call)[0]
    return render(
        request,
        "assessment/ranking.html",
        {
            "call": call,
            "rows": [(row, chosen.get(row.entity.pk)) for row in rows],
            "funnel": funnel(call),
            "refs": SourceReference.objects.for_objects(list(call.reported_figures.all())),
            "decided": decided_support(call),
            "runs": runs,
            "selection_form": SelectionForm() if runs else None,
            "applications": Application.objects.filter(entity__call=call)
            .exclude(status__in=[ApplicationStatus.DRAFT, ApplicationStatus.READY])
            .select_related("organisation", "entity")
            .order_by("status", "entity__name"),
        },
    )


@require_GET
def call_funnel(request, slug):
    """The funnel counted from records, beside the reported figures (the call page's include).

    Counts are public like the reported figures they sit beside; no names, no scores."""
    call = get_object_or_404(Call.objects, slug=slug)
    refs = SourceReference.objects.for_objects(list(call.reported_figures.all()))
    return render(
        request, "assessment/partials/funnel.html", {"funnel": funnel(call), "refs": refs}
    )


@require_GET
@login_required
def decision_document(request, pk):
    """The signed funding decision as PDF, for the applicant and the call's officers."""
    application = get_object_or_404(Application.objects.visible_to(request.user), pk=pk)
    funding = FundingDecision.objects.filter(application=application).first()
    if funding is None:
        raise Http404
    require(permissions.can_view_decision_document(request.user, application))
    return pdf_response(decision_pdf(funding), filename=f"paatos-{application.pk}.pdf")
