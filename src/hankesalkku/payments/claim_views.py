"""The claim's pages: the preparer's form with its live computation, attachments, the
signatory's submit, the officer's check and payment, advances.

Thin callers: the permission functions decide, the services write. A refusal is a page that
says why (403), a claim one may not see is not found (404), a bad input the page again with
the messages naming the fields (400) and nothing saved, never a 500.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hankesalkku.accounts.decorators import require_recent_authentication
from hankesalkku.projects.models import Application, CostCategory

from . import permissions, services
from .forms import (
    AdvanceForm,
    AttachmentForm,
    CheckForm,
    ClaimForm,
    PayForm,
    RejectForm,
    VersionForm,
)
from .models import ClaimStatus, PaymentClaim
from .money import part_money
from .services.claim_lines import (
    ComputedClaim,
    approved_by_category,
    check_within_budget,
    compute_claim,
    unit_cost_of,
)
from .services.claims import budget_in_force

CATEGORY_ORDER = list(CostCategory.values)


def forbidden(request, reason):
    return render(request, "accounts/forbidden.html", {"reason": reason}, status=403)


def error_messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [str(m) for items in error.error_dict.values() for e in items for m in e.messages]
    return [str(m) for m in error.messages]


def _part(request, pk) -> Application:
    return get_object_or_404(
        Application.objects.visible_to(request.user).select_related("entity", "organisation"),
        pk=pk,
    )


def _claim(request, pk) -> PaymentClaim:
    claim = get_object_or_404(PaymentClaim.objects.visible_to(request.user).with_related(), pk=pk)
    if not permissions.can_view_claim(request.user, claim)[0]:
        raise Http404
    return claim


def _claim_form(application, data=None, initial=None):
    budget = budget_in_force(application)
    return ClaimForm(
        data,
        initial=initial,
        approved=approved_by_category(budget),
        unit_cost=unit_cost_of(application),
        milestones=application.lump_sum_milestones.all(),
    )


def _initial(claim) -> dict:
    initial = {
        "version": claim.version,
        "period_starts": claim.period_starts,
        "period_ends": claim.period_ends,
    }
    for line in claim.lines.all():
        initial[f"cost_{line.category}"] = line.claimed
        if line.hours is not None:
            initial["staff_hours"] = line.hours
    for claimed in claim.milestones.all():
        initial[f"milestone_{claimed.milestone_id}"] = True
        initial[f"reached_{claimed.milestone_id}"] = claimed.reached_on
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def claim_new(request, pk):
    """A new claim for a part: GET the form, POST create it (then on to the claim's page)."""
    application = _part(request, pk)
    allowed, reason = permissions.can_prepare_claim(request.user, application)
    if not allowed:
        return forbidden(request, reason)
    try:
        form = _claim_form(application, request.POST if request.method == "POST" else None)
    except ValidationError as error:
        return forbidden(request, " ".join(error_messages(error)))
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            claim = services.payment_claim_create(
                actor=request.user, application=application, **form.service_input()
            )
        except ValidationError as error:
            errors = error_messages(error)
        else:
            messages.success(request, _("Maksatushakemus tallennettu luonnoksena."))
            return redirect("payments:claim", claim.pk)
    context = {"application": application, "form": form, "errors": errors, "claim": None}
    context["money"] = part_money(application)
    status = 400 if request.method == "POST" else 200
    return render(request, "payments/claim_new.html", context, status=status)


@login_required
@require_POST
def claim_preview(request, pk):
    """The live computation (htmx): the lines with the flat rate and unit costs worked out,
    and what the services would refuse, without saving anything."""
    application = _part(request, pk)
    if not permissions.can_prepare_claim(request.user, application)[0]:
        raise Http404
    form = _claim_form(application, request.POST)
    computed, problems = ComputedClaim(), []
    if form.is_valid():
        data = form.service_input()
        try:
            budget = budget_in_force(application)
            computed = compute_claim(
                application,
                budget,
                lines=data["lines"],
                staff_hours=data["staff_hours"],
                milestones=data["milestones"],
            )
            claim = PaymentClaim.objects.filter(
                pk=request.POST.get("claim") or 0, application=application
            ).first() or PaymentClaim(application=application)
            check_within_budget(claim, budget, computed)
        except ValidationError as error:
            problems = error_messages(error)
    else:
        problems = [str(m) for errors in form.errors.values() for m in errors]
    return render(
        request,
        "payments/partials/claim_preview.html",
        {"computed": computed, "problems": problems},
    )


def claim_context(request, claim, **forms) -> dict:
    user = request.user
    can_edit = permissions.can_prepare_claim(user, claim.application)[0]
    context = {
        "claim": claim,
        "lines": sorted(claim.lines.all(), key=lambda line: CATEGORY_ORDER.index(line.category)),
        "milestones": claim.milestones.select_related("milestone"),
        "attachments": claim.attachments.defer("content"),
        "money": part_money(claim.application),
        "can_edit": can_edit and claim.status == ClaimStatus.DRAFT,
        "can_attach": can_edit and claim.status in (ClaimStatus.DRAFT, ClaimStatus.SUBMITTED),
        "can_submit": permissions.can_submit_claim(user, claim)[0],
        "can_check": claim.status == ClaimStatus.SUBMITTED
        and permissions.can_check_claim(user, claim)[0],
        "can_pay": claim.status in (ClaimStatus.ACCEPTED, ClaimStatus.PARTLY_ACCEPTED)
        and permissions.can_pay_claim(user, claim.application)[0],
        "errors": forms.pop("errors", []),
    }
    if context["can_edit"] and "form" not in forms:
        forms["form"] = _claim_form(claim.application, initial=_initial(claim))
    if context["can_check"]:
        forms.setdefault("check_form", CheckForm(initial={"version": claim.version}, claim=claim))
        forms.setdefault("reject_form", RejectForm(initial={"version": claim.version}))
    if context["can_pay"]:
        forms.setdefault("pay_form", PayForm(initial={"version": claim.version}))
    if context["can_attach"]:
        forms.setdefault("attachment_form", AttachmentForm())
    context.update(forms)
    return context


@login_required
@require_GET
def claim_detail(request, pk):
    claim = _claim(request, pk)
    return render(request, "payments/claim.html", claim_context(request, claim))


def _again(request, claim, status=400, **forms):
    claim.refresh_from_db()
    return render(
        request, "payments/claim.html", claim_context(request, claim, **forms), status=status
    )


@login_required
@require_POST
def claim_edit(request, pk):
    claim = _claim(request, pk)
    allowed, reason = permissions.can_prepare_claim(request.user, claim.application)
    if not allowed:
        return forbidden(request, reason)
    form = _claim_form(claim.application, request.POST)
    if not form.is_valid():
        return _again(request, claim, form=form)
    try:
        services.payment_claim_update(
            actor=request.user,
            claim=claim,
            expected_version=form.cleaned_data.get("version"),
            **form.service_input(),
        )
    except ValidationError as error:
        return _again(request, claim, form=form, errors=error_messages(error))
    messages.success(request, _("Maksatushakemus tallennettu."))
    return redirect("payments:claim", claim.pk)


@login_required
@require_POST
def claim_submit(request, pk):
    claim = _claim(request, pk)
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _again(request, claim, errors=[_("Lomakkeen versio puuttuu: lataa sivu uudelleen.")])
    try:
        services.payment_claim_submit(
            actor=request.user, claim=claim, expected_version=form.cleaned_data["version"]
        )
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as error:
        return _again(request, claim, errors=error_messages(error))
    messages.success(request, _("Maksatushakemus jätetty rahoittavalle viranomaiselle."))
    return redirect("payments:claim", claim.pk)


def _officer_step(request, pk, *, may, make_form, form_key, perform, done):
    """One shape for the officer's steps on a claim (check, reject, pay): the permission
    function decides, the form reads, the service writes; a bad form or a refusal by the
    service is the claim's page again with the messages (400), nothing saved."""
    claim = _claim(request, pk)
    allowed, reason = may(request.user, claim)
    if not allowed:
        return forbidden(request, reason)
    form = make_form(claim)
    if not form.is_valid():
        return _again(request, claim, **{form_key: form})
    try:
        perform(claim, form)
    except ValidationError as error:
        return _again(request, claim, **{form_key: form}, errors=error_messages(error))
    messages.success(request, done)
    return redirect("payments:claim", claim.pk)


@login_required
@require_recent_authentication
@require_POST
def claim_check(request, pk):
    return _officer_step(
        request,
        pk,
        may=permissions.can_check_claim,
        make_form=lambda claim: CheckForm(request.POST, claim=claim),
        form_key="check_form",
        perform=lambda claim, form: services.payment_claim_check(
            actor=request.user,
            claim=claim,
            expected_version=form.cleaned_data["version"],
            **form.service_input(),
        ),
        done=_("Maksatushakemus tarkastettu."),
    )


@login_required
@require_recent_authentication
@require_POST
def claim_reject(request, pk):
    return _officer_step(
        request,
        pk,
        may=permissions.can_check_claim,
        make_form=lambda claim: RejectForm(request.POST),
        form_key="reject_form",
        perform=lambda claim, form: services.payment_claim_check(
            actor=request.user,
            claim=claim,
            expected_version=form.cleaned_data["version"],
            reject_reason=form.cleaned_data["reject_reason"],
        ),
        done=_("Maksatushakemus hylätty."),
    )


@login_required
@require_recent_authentication
@require_POST
def claim_pay(request, pk):
    return _officer_step(
        request,
        pk,
        may=lambda user, claim: permissions.can_pay_claim(user, claim.application),
        make_form=lambda claim: PayForm(request.POST),
        form_key="pay_form",
        perform=lambda claim, form: services.payment_claim_pay(
            actor=request.user,
            claim=claim,
            expected_version=form.cleaned_data["version"],
            paid_on=form.cleaned_data["paid_on"],
        ),
        done=_("Tuen maksu kirjattu."),
    )


@login_required
@require_recent_authentication
@require_POST
def advance(request, pk):
    """The funding authority pays an advance on a part (at most 30 % of its support)."""
    application = _part(request, pk)
    allowed, reason = permissions.can_pay_claim(request.user, application)
    if not allowed:
        return forbidden(request, reason)
    form = AdvanceForm(request.POST)
    errors = []
    if form.is_valid():
        try:
            services.advance_pay(actor=request.user, application=application, **form.cleaned_data)
        except ValidationError as error:
            errors = error_messages(error)
        else:
            messages.success(request, _("Ennakko kirjattu."))
            return redirect("projects:detail", application.entity.slug)
    else:
        errors = [f"{form[name].label}: {m}" for name, ms in form.errors.items() for m in ms]
    return render(
        request,
        "payments/advance_refused.html",
        {"application": application, "errors": errors, "form": form},
        status=400,
    )
