"""Pages of assessment: thin callers of the services, access decided in permissions.py."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from hankesalkku.accounts import roles
from hankesalkku.programmes.models import Call
from hankesalkku.projects.models import Application, ApplicationStatus

from . import permissions
from .models import FundingDecision
from .pdf import decision_pdf
from .summary import decided_support, funnel, ranking, summarise


def _require(result):
    allowed, reason = result
    if not allowed:
        raise PermissionDenied(reason)


@require_GET
@login_required
def waiting(request):
    """The start page's "what waits for me": applications to screen, to score, to decide."""
    user = request.user
    run = roles.call_ids_run_by(user)
    assessed = roles.call_ids_assessed_by(user)
    to_screen = Application.objects.filter(
        entity__call_id__in=run, status=ApplicationStatus.SUBMITTED
    )
    eligible = Application.objects.filter(status=ApplicationStatus.ELIGIBLE)
    to_score = [
        a
        for a in eligible.filter(entity__call_id__in=assessed)
        if user not in summarise(a).by_assessor
    ]
    to_decide = [a for a in eligible.filter(entity__call_id__in=run) if summarise(a).assessed]
    decisions = FundingDecision.objects.filter(
        application__organisation_id__in=roles.organisation_ids_for(user)
    ).select_related("application")
    return render(
        request,
        "assessment/partials/waiting.html",
        {
            "to_screen": to_screen,
            "to_score": to_score,
            "to_decide": to_decide,
            "decisions": decisions,
        },
    )


@require_GET
@login_required
def call_ranking(request, slug):
    """The call's entities by weighted score, with the budget line and the running sum."""
    call = get_object_or_404(Call.objects, slug=slug)
    _require(permissions.can_view_call_assessment(request.user, call))
    return render(
        request,
        "assessment/ranking.html",
        {
            "call": call,
            "rows": ranking(call),
            "funnel": funnel(call),
            "decided": decided_support(call),
        },
    )


@require_GET
def call_funnel(request, slug):
    """The funnel counted from records, beside the reported figures (the call page's include).

    Counts are public like the reported figures they sit beside; no names, no scores."""
    call = get_object_or_404(Call.objects, slug=slug)
    return render(request, "assessment/partials/funnel.html", {"funnel": funnel(call)})


@require_GET
@login_required
def decision_document(request, pk):
    """The signed funding decision as PDF, for the applicant and the call's officers."""
    application = get_object_or_404(Application.objects.visible_to(request.user), pk=pk)
    funding = FundingDecision.objects.filter(application=application).first()
    if funding is None:
        raise Http404
    _require(permissions.can_view_decision_document(request.user, application))
    response = HttpResponse(decision_pdf(funding), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="paatos-{application.pk}.pdf"'
    return response
