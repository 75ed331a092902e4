"""One application's assessment page and its sections: screening, the conflict declaration,
the assessor's scores. Each section is a partial that htmx loads and posts to on its own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from hankesalkku.accounts import roles
from hankesalkku.projects.models import ApplicationStatus

from .. import permissions, services
from ..forms import ConflictForm, ScoreForm, ScreeningForm
from ..models import ChecklistItem, Criterion, Score, Screening
from .common import answer, application_for, forbidden, messages_of, section


@require_GET
@login_required
def application_page(request, pk):
    application = application_for(request, pk)
    user = request.user
    call = application.entity.call
    is_assessor = call.pk in roles.call_ids_assessed_by(user)
    overseer = call.pk in permissions.call_ids_overseen_by(user)
    blocked = ""
    if is_assessor and not overseer:
        allowed, blocked = permissions.conflict_declared(user, application)
        blocked = "" if allowed else blocked
    return render(
        request,
        "assessment/application.html",
        {
            "application": application,
            "call": call,
            "is_assessor": is_assessor,
            "overseer": overseer,
            "blocked": blocked,
            "runs": permissions.can_run_call(user, call)[0],
        },
    )


def _screening_context(request, application, form=None, errors=None):
    items = ChecklistItem.objects.filter(call_id=application.entity.call_id)
    can_run = permissions.can_run_call(request.user, application.entity.call)[0]
    open_ = application.status == ApplicationStatus.SUBMITTED
    if form is None and can_run and open_:
        form = ScreeningForm(initial={"version": application.version}, items=items)
    return {
        "application": application,
        "form": form if (can_run and open_) else None,
        "errors": errors or [],
        "screenings": Screening.objects.filter(application=application)
        .select_related("officer")
        .prefetch_related("answers__item")
        if can_run or application.entity.call_id in permissions.call_ids_overseen_by(request.user)
        else [],
    }


@require_http_methods(["GET", "POST"])
@login_required
def screening(request, pk):
    """The call's checklist, yes/no and a note each, and the reasoned outcome."""
    application = application_for(request, pk)
    template = "assessment/partials/screening.html"
    if request.method == "GET":
        return section(request, template, _screening_context(request, application))
    allowed, reason = permissions.can_run_call(request.user, application.entity.call)
    if not allowed:
        return forbidden(request, reason)
    items = ChecklistItem.objects.filter(call_id=application.entity.call_id)
    form = ScreeningForm(request.POST, items=items)
    errors = []
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.screening_record(
                actor=request.user,
                application=application,
                outcome=data["outcome"],
                answers=form.answers(),
                reason=data["reason"],
                supplement_deadline=data["supplement_deadline"],
                expected_version=data["version"],
            )
        except ValidationError as error:
            errors = messages_of(error)
        else:
            messages.success(request, _("Tarkastus tallennettu."))
            application.refresh_from_db()
            context = _screening_context(request, application)
            back = reverse("assessment:application", args=[pk])
            return answer(request, template, context, ok=True, back=back)
    context = _screening_context(request, application, form, errors)
    return answer(request, template, context, ok=False, back="")


def _assessing_context(request, application, form=None, errors=None, conflict=None):
    user = request.user
    call = application.entity.call
    is_assessor = call.pk in roles.call_ids_assessed_by(user)
    allowed, reason = permissions.can_assess(user, application)
    criteria = list(Criterion.objects.filter(call=call))
    own = {s.criterion_id: s for s in Score.objects.filter(assessor=user, application=application)}
    submitted = bool(own) and all(s.submitted_at for s in own.values())
    if form is None and allowed and not submitted:
        initial = {}
        for criterion_id, s in own.items():
            initial |= {
                f"value_{criterion_id}": s.value,
                f"justification_{criterion_id}": s.justification,
                f"version_{criterion_id}": s.version,
            }
        form = ScoreForm(initial=initial, criteria=criteria)
    needs_declaration = is_assessor and not allowed and "Ilmoita ensin" in reason
    return {
        "application": application,
        "call": call,
        "is_assessor": is_assessor,
        "allowed": allowed,
        "reason": reason,
        "needs_declaration": needs_declaration,
        "conflict_form": conflict or (ConflictForm() if needs_declaration else None),
        "form": form if allowed and not submitted else None,
        "own_rows": [(c, own.get(c.pk)) for c in criteria],
        "submitted": submitted,
        "criteria": criteria,
        "scorable": application.status == ApplicationStatus.ELIGIBLE,
        "errors": errors or [],
    }


@require_http_methods(["GET", "POST"])
@login_required
def conflict(request, pk):
    """The assessor's declaration, for the whole call: before it, no application is shown."""
    application = application_for(request, pk)
    template = "assessment/partials/assessing.html"
    if request.method == "GET":
        return section(request, template, _assessing_context(request, application))
    form = ConflictForm(request.POST)
    errors = []
    if form.is_valid():
        try:
            services.conflict_declaration_create(
                actor=request.user,
                call=application.entity.call,
                has_conflict=form.cleaned_data["has_conflict"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            errors = messages_of(error)
        else:
            back = reverse("assessment:application", args=[pk])
            context = _assessing_context(request, application)
            return answer(request, template, context, ok=True, back=back)
    context = _assessing_context(request, application, errors=errors, conflict=form)
    return answer(request, template, context, ok=False, back="")


@require_http_methods(["GET", "POST"])
@login_required
def scoring(request, pk):
    """The call's criteria in its own wording, weight and scale; a justification per score.
    "Tallenna luonnos" keeps them private; "Lähetä arvio" makes them final and visible."""
    application = application_for(request, pk)
    template = "assessment/partials/assessing.html"
    if request.method == "GET":
        return section(request, template, _assessing_context(request, application))
    allowed, reason = permissions.can_assess(request.user, application)
    if not allowed:
        return forbidden(request, reason)
    criteria = list(Criterion.objects.filter(call_id=application.entity.call_id))
    form = ScoreForm(request.POST, criteria=criteria)
    errors = []
    if form.is_valid():
        try:
            _save_scores(request, application, form)
        except ValidationError as error:
            errors = messages_of(error)
        except PermissionDenied as refusal:
            return forbidden(request, str(refusal))
        else:
            messages.success(request, _("Arvio tallennettu."))
            back = reverse("assessment:application", args=[pk])
            context = _assessing_context(request, application)
            return answer(request, template, context, ok=True, back=back)
    else:
        errors = [_("Pisteet: anna kokonaisluku.")]
    context = _assessing_context(request, application, form=form, errors=errors)
    return answer(request, template, context, ok=False, back="")


def _save_scores(request, application, form):
    data = form.cleaned_data
    entries = [
        (
            c,
            data.get(f"value_{c.pk}"),
            data.get(f"justification_{c.pk}") or "",
            data.get(f"version_{c.pk}"),
        )
        for c in form.criteria
    ]
    services.scores_save(
        actor=request.user,
        application=application,
        entries=entries,
        submit="submit" in request.POST,
    )
