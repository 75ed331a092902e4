"""Change requests (muutoshakemus) and the history of approved budgets of one funded part."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hankesalkku.organisations.models import Organisation

from .. import permissions, services
from ..forms import AmendmentDecisionForm, AmendmentRequestForm, BudgetLineFormSet, budget_lines
from ..models import AmendmentRequest, AmendmentRequestStatus
from .common import answer, application_for, forbidden, messages_of, require, section


def _current_lines(application):
    budget = application.approved_budgets.filter(in_force=True).first()
    rows = []
    if budget is not None:
        rows = [
            {"category": line.category, "year": line.year, "amount": line.amount}
            for line in budget.lines.all()
        ]
    return rows + [{}]


def _context(request, application, form=None, formset=None, errors=None):
    can_request = permissions.can_request_amendment(request.user, application)[0]
    runs = permissions.can_run_call(request.user, application.entity.call)[0]
    requests = AmendmentRequest.objects.filter(application=application).select_related(
        "partner", "amendment__decision"
    )
    if can_request and form is None:
        form = AmendmentRequestForm(organisations=Organisation.objects.top_level())
        formset = BudgetLineFormSet(initial=_current_lines(application), prefix="line")
    return {
        "application": application,
        "budgets": application.approved_budgets.select_related("decision", "cost_model")
        .prefetch_related("lines")
        .order_by("-revision"),
        "requests": [
            (
                r,
                AmendmentDecisionForm(initial={"version": r.version}, prefix=f"r{r.pk}")
                if runs and r.status == AmendmentRequestStatus.PENDING
                else None,
            )
            for r in requests
        ],
        "form": form if can_request else None,
        "formset": formset,
        "errors": errors or [],
    }


@require_http_methods(["GET", "POST"])
@login_required
def amendments(request, pk):
    """The approved budget revisions as history, the change requests, and a new request."""
    application = application_for(request, pk)
    require(permissions.can_view_amendments(request.user, application))
    template = "assessment/partials/amendments.html"
    if request.method == "GET":
        return section(request, template, _context(request, application))
    allowed, reason = permissions.can_request_amendment(request.user, application)
    if not allowed:
        return forbidden(request, reason)
    form = AmendmentRequestForm(request.POST, organisations=Organisation.objects.top_level())
    formset = BudgetLineFormSet(request.POST, prefix="line")
    errors = []
    if form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        try:
            services.amendment_request_create(
                actor=request.user,
                application=application,
                kind=data["kind"],
                description=data["description"],
                lines=budget_lines(formset) if data["kind"] == "budget" else [],
                new_ends=data["new_ends"],
                partner=data["partner"],
            )
        except ValidationError as error:
            errors = messages_of(error)
        else:
            messages.success(request, _("Muutoshakemus lähetetty."))
            back = reverse("assessment:application", args=[pk])
            return answer(request, template, _context(request, application), ok=True, back=back)
    else:
        errors = [
            f"{form[name].label}: {e}" if name in form.fields else str(e)
            for name, es in form.errors.items()
            for e in es
        ] or [_("Kustannusrivit: tarkista summat ja vuodet.")]
    context = _context(request, application, form, formset, errors)
    return answer(request, template, context, ok=False, back="")


@require_POST
@login_required
def amendment_decide(request, pk):
    """The authority's answer to one change request: approved (a new budget revision) or not."""
    change = get_object_or_404(AmendmentRequest.objects.select_related("application"), pk=pk)
    application = application_for(request, change.application_id)
    allowed, reason = permissions.can_run_call(request.user, application.entity.call)
    if not allowed:
        return forbidden(request, reason)
    form = AmendmentDecisionForm(request.POST, prefix=f"r{change.pk}")
    back = reverse("assessment:application", args=[application.pk])
    errors = []
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.amendment_request_decide(
                actor=request.user,
                request=change,
                approve=data["approve"],
                answer=data["answer"],
                decision_maker=data["decision_maker"],
                date=data["date"],
                expected_version=data["version"],
            )
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as error:
            errors = messages_of(error)
        else:
            messages.success(request, _("Muutoshakemus käsitelty."))
            if request.headers.get("HX-Request") == "true":
                return section(
                    request, "assessment/partials/amendments.html", _context(request, application)
                )
            return redirect(back)
    else:
        errors = [f"{form[n].label}: {e}" for n, es in form.errors.items() for e in es]
    context = _context(request, application, errors=errors)
    return answer(request, "assessment/partials/amendments.html", context, ok=False, back="")
