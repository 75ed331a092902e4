"""The call's officer's pages: assessors of a call, the summary per entity, the reasoned
selection, the funding decision form. Thin callers of the services; refusals say why."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hankesalkku.accounts.models import Role, RoleAssignment
from hankesalkku.programmes.models import Call, CostModel
from hankesalkku.projects.models import ApplicationStatus, ProjectEntity

from .. import permissions, services
from ..forms import AssessorForm, BudgetLineFormSet, DecisionForm, SelectionForm, budget_lines
from ..models import FundingDecision
from ..summary import is_assessed, summarise
from .common import answer, application_for, forbidden, messages_of, require, section

_HUNDRED = Decimal("100")


def _assessors_context(request, call, form=None, errors=None):
    runs = permissions.can_run_call(request.user, call)[0]
    candidates = permissions.assessor_candidates(call)
    return {
        "call": call,
        "runs": runs,
        "assignments": RoleAssignment.objects.active()
        .filter(role=Role.ASSESSOR, call=call)
        .select_related("user"),
        "form": form or (AssessorForm(candidates=candidates) if runs else None),
        "errors": errors or [],
    }


@require_http_methods(["GET", "POST"])
@login_required
def assessors(request, slug):
    """Who assesses the call: people of its funding authority and its ministries."""
    call = get_object_or_404(Call.objects, slug=slug)
    require(permissions.can_view_call_assessment(request.user, call))
    template = "assessment/partials/assessors.html"
    if request.method == "GET":
        return section(request, template, _assessors_context(request, call))
    allowed, reason = permissions.can_run_call(request.user, call)
    if not allowed:
        return forbidden(request, reason)
    form = AssessorForm(request.POST, candidates=permissions.assessor_candidates(call))
    errors = []
    if form.is_valid():
        try:
            services.assessor_assign(actor=request.user, call=call, user=form.cleaned_data["user"])
        except ValidationError as error:
            errors = messages_of(error)
        else:
            back = reverse("assessment:ranking", args=[slug])
            return answer(request, template, _assessors_context(request, call), ok=True, back=back)
    else:
        errors = [_("Arvioija: valitse haun rahoittavan viranomaisen tai ministeriön henkilö.")]
    return answer(
        request, template, _assessors_context(request, call, form, errors), ok=False, back=""
    )


@require_GET
@login_required
def entity_summary(request, pk):
    """Every assessor's scores of each part, the means, weighted totals and disagreements."""
    entity = get_object_or_404(ProjectEntity.objects.select_related("call"), pk=pk)
    summaries = []
    for application in entity.applications.select_related("organisation", "entity"):
        if permissions.can_see_summary(request.user, application)[0]:
            summaries.append(summarise(application))
    if not summaries:
        require(permissions.can_see_summary(request.user, entity.applications.first()))
    return section(
        request, "assessment/partials/summary.html", {"entity": entity, "summaries": summaries}
    )


@require_POST
@login_required
def selection(request, pk):
    """The officer's reasoned choice for one ranked entity."""
    entity = get_object_or_404(ProjectEntity.objects.select_related("call"), pk=pk)
    require(permissions.can_view_call_assessment(request.user, entity.call))
    form = SelectionForm(request.POST)
    back = reverse("assessment:ranking", args=[entity.call.slug])
    if form.is_valid():
        try:
            services.selection_choose(actor=request.user, entity=entity, **form.cleaned_data)
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        except ValidationError as error:
            for message in messages_of(error):
                messages.error(request, message)
            return redirect(back)
        messages.success(request, _("Valinta kirjattu: %s.") % entity)
        return redirect(back)
    allowed, reason = permissions.can_run_call(request.user, entity.call)
    if not allowed:
        return forbidden(request, reason)
    errors = [f"{form[name].label}: {e}" for name, es in form.errors.items() for e in es]
    return render(
        request,
        "assessment/partials/selection_errors.html",
        {"entity": entity, "errors": errors, "back": back},
        status=400,
    )


def _initial_decision(application):
    return {
        "version": application.version,
        "outcome": "funded",
        "support": application.support,
        "support_rate": (application.support / application.total_cost * _HUNDRED).quantize(
            Decimal("0.01")
        )
        if application.support and application.total_cost
        else None,
        "starts": application.starts,
        "ends": application.ends,
        "language": "fi",
    }


def _initial_lines(application):
    lines = application.budget_lines.all() if hasattr(application, "budget_lines") else []
    rows = [{"category": line.category, "year": line.year, "amount": line.amount} for line in lines]
    if not rows and application.total_cost:
        rows = [{"category": "staff", "year": None, "amount": application.total_cost}]
    return rows + [{} for _ in range(2)]


def _decision_context(request, application, form=None, formset=None, errors=None):
    call = application.entity.call
    runs = permissions.can_run_call(request.user, call)[0]
    funding = FundingDecision.objects.filter(application=application).first()
    ready = application.status == ApplicationStatus.ELIGIBLE and is_assessed(application)
    if runs and funding is None and form is None:
        form = DecisionForm(
            initial=_initial_decision(application), cost_models=CostModel.objects.all()
        )
        formset = BudgetLineFormSet(initial=_initial_lines(application), prefix="line")
    return {
        "application": application,
        "funding": funding,
        "runs": runs,
        "ready": ready,
        "form": form if runs and funding is None else None,
        "formset": formset,
        "errors": errors or [],
        "reader": permissions.can_view_decision_document(request.user, application)[0],
        "selection": getattr(application.entity, "selection", None),
    }


@require_http_methods(["GET", "POST"])
@login_required
def decision(request, pk):
    """The funding decision form (myöntöpäätös / kielteinen päätös), signed when saved."""
    application = application_for(request, pk)
    template = "assessment/partials/decision.html"
    if request.method == "GET":
        return section(request, template, _decision_context(request, application))
    allowed, reason = permissions.can_run_call(request.user, application.entity.call)
    if not allowed:
        return forbidden(request, reason)
    form = DecisionForm(request.POST, cost_models=CostModel.objects.all())
    formset = BudgetLineFormSet(request.POST, prefix="line")
    errors = []
    if form.is_valid() and formset.is_valid():
        data = dict(form.cleaned_data)
        rate = data.pop("support_rate")
        try:
            services.funding_decision_make(
                actor=request.user,
                application=application,
                expected_version=data.pop("version"),
                lines=budget_lines(formset),
                support_rate=None
                if rate is None
                else (rate / _HUNDRED).quantize(Decimal("0.0001")),
                **data,
            )
        except ValidationError as error:
            errors = messages_of(error)
        else:
            messages.success(request, _("Päätös allekirjoitettu."))
            application.refresh_from_db()
            back = reverse("assessment:application", args=[pk])
            return answer(
                request, template, _decision_context(request, application), ok=True, back=back
            )
    else:
        errors = [
            f"{form[name].label}: {e}" if name in form.fields else str(e)
            for name, es in form.errors.items()
            for e in es
        ]
        errors += [str(e) for f in formset.forms for es in f.errors.values() for e in es]
    context = _decision_context(request, application, form, formset, errors)
    return answer(request, template, context, ok=False, back="")
