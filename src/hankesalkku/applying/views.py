"""The applicant's pages: start from a call, the part with its budget and live checks, submit.

Thin callers: the permission functions decide, the services write; a refusal is a page that
says why (403), a bad input the form again with its fields' messages (400), never a 500.
"""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hankesalkku.core.money import support_rate
from hankesalkku.organisations.models import Organisation
from hankesalkku.programmes.models import Call
from hankesalkku.projects.models import Application, ApplicationStatus, CostCategory

from . import financing, permissions
from .forms import (
    AttachmentForm,
    BudgetForm,
    LineFormSet,
    StartForm,
    initial_budget,
    initial_lines,
    line_dicts,
)
from .rules import application_problems, budget_problems, rules_for
from .services import (
    application_budget_set,
    application_mark_ready,
    application_part_add,
    application_start,
    application_submit,
    compute_lines,
)
from .services.attachments import MAX_ATTACHMENT_BYTES, required_attachments


def _forbidden(request, reason):
    return render(request, "accounts/forbidden.html", {"reason": reason}, status=403)


def _visible(request, pk) -> Application:
    application = get_object_or_404(
        Application.objects.visible_to(request.user).select_related("entity", "organisation"),
        pk=pk,
    )
    return application


def _errors(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [str(m) for items in error.error_dict.values() for e in items for m in e.messages]
    return [str(m) for m in error.messages]


@login_required
def start(request, slug):
    call = get_object_or_404(Call.objects.all(), slug=slug)
    allowed, reason = permissions.can_start_application(request.user, call)
    if not allowed:
        return _forbidden(request, reason)
    organisations = Organisation.objects.filter(
        pk__in=permissions.preparing_organisation_ids(request.user)
    )
    form = StartForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            application = application_start(actor=request.user, call=call, **form.cleaned_data)
        except ValidationError as error:
            for message in _errors(error):
                form.add_error(None, message)
        else:
            return redirect("applying:detail", application.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "applying/start.html", {"call": call, "form": form}, status=status)


def _detail_context(request, application, form=None, formset=None, errors=None):
    entity = application.entity
    can_edit = permissions.can_edit_application(request.user, application)[0]
    rules = rules_for(entity.call)
    required = required_attachments(rules)
    current = list(application.attachments.current())
    return {
        "attachments": current,
        "required": [(name, any(a.purpose == name for a in current)) for name in required],
        "attachment_form": AttachmentForm(),
        "max_attachment_bytes": MAX_ATTACHMENT_BYTES,
        "can_view_attachments": permissions.can_view_attachments(request.user, application)[0],
        "commitment": financing.municipal_commitment(application),
        "whole": financing.entity_summary(entity),
        "supplement": application.status == ApplicationStatus.SUPPLEMENT_REQUESTED,
        "application": application,
        "entity": entity,
        "parts": entity.applications.select_related("organisation"),
        "lines": application.budget_lines.all(),
        "can_edit": can_edit,
        "can_mark_ready": can_edit and application.status == ApplicationStatus.DRAFT,
        "can_add_part": permissions.can_add_part(request.user, entity)[0] and can_edit,
        "can_submit": permissions.can_submit_application(request.user, application)[0]
        and application.status
        in (
            ApplicationStatus.DRAFT,
            ApplicationStatus.READY,
            ApplicationStatus.SUPPLEMENT_REQUESTED,
        ),
        "problems": application_problems(application),
        "form": form or BudgetForm(initial=initial_budget(application)),
        "formset": formset or LineFormSet(initial=initial_lines(application), prefix="line"),
        "errors": errors or [],
        "versions": application.submitted_versions.all(),
        "receipt": permissions.can_view_receipt(request.user, application)[0],
        "candidates": [  # only the types the call takes: no invitation to be refused
            o
            for o in Organisation.objects.top_level().exclude(
                pk__in=entity.applications.values("organisation")
            )
            if rules.allows_type(o.organisation_type)
        ]
        if can_edit
        else [],
    }


@require_GET
def detail(request, pk):
    application = _visible(request, pk)
    return render(request, "applying/detail.html", _detail_context(request, application))


def _bound(request):
    return BudgetForm(request.POST), LineFormSet(request.POST, prefix="line")


@require_POST
def budget(request, pk):
    application = _visible(request, pk)
    allowed, reason = permissions.can_edit_application(request.user, application)
    if not allowed:
        return _forbidden(request, reason)
    form, formset = _bound(request)
    errors = []
    if form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        try:
            application_budget_set(
                actor=request.user,
                application=application,
                lines=line_dicts(formset),
                expected_version=data.pop("version"),
                **data,
            )
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, _("Talousarvio tallennettu."))
            return redirect("applying:detail", application.pk)
    application.refresh_from_db()
    context = _detail_context(request, application, form, formset, errors)
    return render(request, "applying/detail.html", context, status=400)


@require_POST
def check(request, pk):
    """The live check (htmx): totals, the computed flat rate with its working, the support rate."""
    application = _visible(request, pk)
    form, formset = _bound(request)
    rules = rules_for(application.entity.call)
    valid = form.is_valid() & formset.is_valid()
    data = form.cleaned_data if valid else {}
    lines, errors = compute_lines(
        line_dicts(formset) if valid else [], rules, use_flat_rate=data.get("use_flat_rate", False)
    )
    problems = [m for ms in errors.values() for m in ms]
    problems += [
        m
        for _f, m in budget_problems(lines, rules, starts=data.get("starts"), ends=data.get("ends"))
    ]
    total = sum((line["amount"] for line in lines), Decimal("0"))
    others = sum(
        (
            data.get(k) or Decimal("0")
            for k in (
                "support",
                "municipal_financing",
                "other_public_financing",
                "private_financing",
            )
        ),
        Decimal("0"),
    )
    rate = support_rate(data.get("support"), total) if total else None
    call = application.entity.call
    if rate is not None and call and call.max_support_rate and rate > call.max_support_rate:
        problems.append(_("Tukiprosentti ylittää haun enimmäistukiprosentin."))
    if others > total:
        problems.append(_("Tuki ja muu rahoitus ovat yhteensä enemmän kuin kustannukset."))
    probe = Application(
        pk=application.pk,
        entity=application.entity,
        organisation=application.organisation,
        municipal_financing=data.get("municipal_financing"),
        municipal_financing_payer=data.get("municipal_financing_payer"),
        municipal_financing_budget_item=data.get("municipal_financing_budget_item"),
    )
    problems += [m for _f, m in financing.municipal_problems(probe)]
    problems += [m for _f, m in financing.entity_problems(application, total=total)]
    for line in lines:
        line["label"] = CostCategory(line["category"]).label
    context = {
        "lines": lines,
        "total": total,
        "own": total - others,
        "qualifiers": {k: v for k, v in data.items() if k.endswith("_qualifier")},
        "commitment": financing.municipal_commitment(probe),
        "rate": rate,
        "max_rate": call.max_support_rate if call else None,
        "problems": problems,
        "invalid": not valid,
    }
    return render(request, "applying/partials/check.html", context)


@require_POST
def part_add(request, pk):
    application = _visible(request, pk)
    allowed, reason = permissions.can_add_part(request.user, application.entity)
    if not allowed:
        return _forbidden(request, reason)
    organisation = Organisation.objects.filter(pk=request.POST.get("organisation") or 0).first()
    if organisation is None:
        context = _detail_context(request, application, errors=[_("Valitse osatoteuttaja.")])
        return render(request, "applying/detail.html", context, status=400)
    try:
        application_part_add(
            actor=request.user, entity=application.entity, organisation=organisation
        )
    except PermissionDenied as refusal:
        return _forbidden(request, str(refusal))
    except ValidationError as error:
        context = _detail_context(request, application, errors=_errors(error))
        return render(request, "applying/detail.html", context, status=400)
    messages.success(request, _("Osatoteuttaja lisätty."))
    return redirect("applying:detail", application.pk)


def _part_step(request, pk, service, done: str):
    """One step of a part's own flow (mark ready, submit): the service decides, the page tells
    every problem by field or the step's success."""
    application = _visible(request, pk)
    try:
        service(
            actor=request.user,
            application=application,
            expected_version=request.POST.get("version") or None,
        )
    except PermissionDenied as refusal:
        return _forbidden(request, str(refusal))
    except ValidationError as error:
        context = _detail_context(request, application, errors=_errors(error))
        return render(request, "applying/detail.html", context, status=400)
    messages.success(request, done)
    return redirect("applying:detail", application.pk)


@require_POST
def mark_ready(request, pk):
    """The preparer marks the part ready for its signatory; every problem is told by field."""
    return _part_step(
        request, pk, application_mark_ready, _("Osa on merkitty valmiiksi lähetettäväksi.")
    )


@require_POST
def submit(request, pk):
    return _part_step(
        request, pk, application_submit, _("Hakemus lähetetty rahoittavalle viranomaiselle.")
    )


@require_GET
@login_required
def mine(request):
    """The start page's partial: my organisations' drafts and submitted parts, the next step."""
    from .start import own_parts

    parts = list(own_parts(request.user).order_by("status", "-pk")[:40])
    editable = ApplicationStatus.editable()
    return render(
        request,
        "applying/partials/mine.html",
        {
            "drafts": [p for p in parts if p.status in editable],
            "submitted": [p for p in parts if p.status not in editable],
        },
    )
