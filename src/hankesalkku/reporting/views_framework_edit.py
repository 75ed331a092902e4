"""The call's impact framework edited on a page: levels, outcomes per level, indicators per
outcome and the final report's questions; the programme's own indicators are listed beside
them. The page lists the framework; each item's form, and the confirmation of a deletion, is a
partial htmx loads in place (and a page of its own without script). Thin callers of
`reporting.services.framework` and `reporting.permissions`."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from hankesalkku.programmes.models import Call, ImpactLevel

from . import framework_forms as f
from . import permissions, services
from .models import FinalReportQuestion, Indicator, Outcome
from .services.deletion import deletion_preview
from .services.framework import is_reported


def _managed_call(request, slug) -> Call:
    call = get_object_or_404(Call.objects.select_related("impact_framework"), slug=slug)
    allowed, reason = permissions.can_manage_call_reporting(request.user, call)
    if not allowed:
        raise PermissionDenied(reason)
    return call


@login_required
@require_http_methods(["GET", "POST"])
def framework_page(request, slug):
    """The framework as a whole; a call without one gets a form to create it."""
    call = _managed_call(request, slug)
    errors = []
    if request.method == "POST":
        try:
            services.call_framework_create(
                actor=request.user, call=call, name=request.POST.get("name", "")
            )
        except ValidationError as error:
            errors = list(error.messages)
        else:
            messages.success(request, _("Vaikuttavuuskehys luotu."))
            return redirect("reporting:framework", call.slug)
    framework = call.impact_framework
    levels = []
    if framework is not None:
        indicators = list(
            Indicator.objects.filter(call=call).select_related("outcome").order_by("code", "name")
        )
        reported = set(
            Indicator.objects.filter(call=call, values__isnull=False).values_list("pk", flat=True)
        )
        for level in framework.levels.prefetch_related("outcomes"):
            outcomes = [
                (o, [i for i in indicators if i.outcome_id == o.pk]) for o in level.outcomes.all()
            ]
            loose = [i for i in indicators if i.level_id == level.pk and i.outcome_id is None]
            levels.append((level, outcomes, loose))
    else:
        reported = set()
    programme_indicators = list(Indicator.objects.filter(programme_id=call.programme_id))
    reported |= set(
        Indicator.objects.filter(programme_id=call.programme_id, values__isnull=False).values_list(
            "pk", flat=True
        )
    )
    context = {
        "call": call,
        "programme": call.programme,
        "programme_indicators": programme_indicators,
        "may_manage_programme": permissions.can_manage_programme_reporting(
            request.user, call.programme
        )[0],
        "framework": framework,
        "shared_with": (
            Call.objects.filter(impact_framework=framework).exclude(pk=call.pk) if framework else []
        ),
        "levels": levels,
        "reported": reported,
        "questions": call.final_report_questions.all(),
        "errors": errors,
    }
    return render(request, "reporting/framework.html", context, status=400 if errors else 200)


@dataclass
class Kind:
    """One kind of item the framework page edits: its form, its records and its services."""

    title_new: str
    title_edit: str
    form: type
    records: object  # call -> queryset of the call's items of this kind
    create: object  # (actor, call, data) -> record
    update: object  # (actor, call, record, data, version) -> record
    initial: object  # record -> initial data


def _indicator_initial(i):
    fields = ["name", "code", "outcome", "definition", "kind", "unit", "scale_min", "scale_max"]
    fields += ["baseline", "target", "direction"]
    found = {name: getattr(i, name) for name in fields}
    return {**found, "version": i.version, "breakdowns": list(i.breakdowns.all())}


KINDS = {
    "taso": Kind(
        gettext_lazy("Uusi taso"),
        gettext_lazy("Muokkaa tasoa"),
        f.LevelForm,
        lambda call: ImpactLevel.objects.filter(framework_id=call.impact_framework_id),
        lambda actor, call, d: services.call_level_create(actor=actor, call=call, **d),
        lambda actor, call, obj, d, v: services.call_level_update(
            actor=actor, call=call, level=obj, expected_version=v, **d
        ),
        lambda obj: {"name": obj.name, "order": obj.order, "version": obj.version},
    ),
    "muutos": Kind(
        gettext_lazy("Uusi tavoiteltu muutos"),
        gettext_lazy("Muokkaa tavoiteltua muutosta"),
        f.OutcomeForm,
        lambda call: Outcome.objects.filter(level__framework_id=call.impact_framework_id),
        lambda actor, call, d: services.outcome_create(actor=actor, **d),
        lambda actor, call, obj, d, v: services.outcome_update(
            actor=actor, outcome=obj, expected_version=v, **d
        ),
        lambda obj: {
            "level": obj.level,
            "name": obj.name,
            "description": obj.description,
            "version": obj.version,
        },
    ),
    "indikaattori": Kind(
        gettext_lazy("Uusi indikaattori"),
        gettext_lazy("Muokkaa indikaattoria"),
        f.IndicatorForm,
        lambda call: Indicator.objects.filter(call=call),
        lambda actor, call, d: services.call_indicator_create(actor=actor, call=call, **d),
        lambda actor, call, obj, d, v: services.call_indicator_update(
            actor=actor, call=call, indicator=obj, expected_version=v, **d
        ),
        _indicator_initial,
    ),
    "kysymys": Kind(
        gettext_lazy("Uusi loppuraportin kysymys"),
        gettext_lazy("Muokkaa loppuraportin kysymystä"),
        f.QuestionForm,
        lambda call: FinalReportQuestion.objects.filter(call=call),
        lambda actor, call, d: services.final_report_question_create(actor=actor, call=call, **d),
        lambda actor, call, obj, d, v: services.final_report_question_update(
            actor=actor, question=obj, expected_version=v, **d
        ),
        lambda obj: {"text": obj.text, "order": obj.order, "version": obj.version},
    ),
}


def _form(kind, call, record, data=None, initial=None):
    extra = {}
    if kind.form in (f.OutcomeForm, f.IndicatorForm):
        extra["call"] = call
    if kind.form is f.IndicatorForm:
        extra["locked"] = record is not None and is_reported(record)
    return kind.form(data, initial=initial, **extra)


def _data(form) -> dict:
    if hasattr(form, "service_fields"):
        return form.service_fields()
    return {k: v for k, v in form.cleaned_data.items() if k != "version"}


@login_required
@require_http_methods(["GET", "POST"])
def framework_item(request, slug, kind, pk=None):
    """A new or an existing level, outcome, indicator or question of the call's framework."""
    call = _managed_call(request, slug)
    spec = KINDS.get(kind)
    if spec is None:
        raise Http404
    if call.impact_framework_id is None and kind != "kysymys":
        messages.error(request, _("Luo haulle ensin vaikuttavuuskehys."))
        return redirect("reporting:framework", call.slug)
    record = get_object_or_404(spec.records(call), pk=pk) if pk is not None else None
    initial = spec.initial(record) if record is not None else {}
    if kind == "muutos" and record is None and request.GET.get("taso", "").isdigit():
        initial = {"level": request.GET["taso"]}
    errors = []
    form = _form(spec, call, record, initial=initial)
    if request.method == "POST":
        form = _form(spec, call, record, data=request.POST, initial=initial)
        if form.is_valid():
            try:
                if record is None:
                    spec.create(request.user, call, _data(form))
                else:
                    version = form.cleaned_data.get("version")
                    spec.update(request.user, call, record, _data(form), version)
            except ValidationError as error:
                errors = list(error.messages)
            else:
                messages.success(request, _("Vaikuttavuuskehys tallennettu."))
                page = reverse("reporting:framework", args=[call.slug])
                if request.headers.get("HX-Request"):
                    return HttpResponse(status=204, headers={"HX-Redirect": page})
                return redirect(page)
        else:
            errors = f.error_list(form)
    context = {
        "call": call,
        "kind": kind,
        "record": record,
        "form": form,
        "errors": errors,
        "title": spec.title_edit if record else spec.title_new,
        "locked": getattr(form, "fields", {}).get("kind") is not None
        and form.fields["kind"].disabled,
        "action": request.path,
        "back": reverse("reporting:framework", args=[call.slug]),
    }
    template = (
        "reporting/partials/framework_item.html"
        if request.headers.get("HX-Request")
        else "reporting/framework_item.html"
    )
    return render(request, template, context, status=400 if errors else 200)


@dataclass
class Deletion:
    """One kind of item the framework page deletes: its records and its service (what goes
    with it and what holds it, the services decide: `services.deletion.held_by`)."""

    title: str
    records: object  # call -> queryset
    delete: object  # (actor, call, record, version) -> None


DELETIONS = {
    "taso": Deletion(
        gettext_lazy("Poista taso"),
        KINDS["taso"].records,
        lambda actor, call, obj, v: services.call_level_delete(
            actor=actor, call=call, level=obj, expected_version=v
        ),
    ),
    "muutos": Deletion(
        gettext_lazy("Poista tavoiteltu muutos"),
        KINDS["muutos"].records,
        lambda actor, call, obj, v: services.outcome_delete(
            actor=actor, call=call, outcome=obj, expected_version=v
        ),
    ),
    "indikaattori": Deletion(
        gettext_lazy("Poista indikaattori"),
        KINDS["indikaattori"].records,
        lambda actor, call, obj, v: services.call_indicator_delete(
            actor=actor, call=call, indicator=obj, expected_version=v
        ),
    ),
}


def confirm_context(request, *, record, title, errors, back):
    """What the confirmation of a deletion shows, for a call's and a programme's items; asked
    for one that reports hold, it says so at once instead of offering to delete it."""
    effects, refusal = deletion_preview(record)
    if not errors and request.method == "GET":
        errors = refusal
    return {
        "record": record,
        "title": title,
        "effects": effects,
        "errors": errors,
        "back": back,
        "action": request.path,
    }


def render_confirm(request, context, *, heading, status):
    context = {**context, "heading": heading}
    template = (
        "reporting/partials/framework_delete.html"
        if request.headers.get("HX-Request")
        else "reporting/framework_delete.html"
    )
    return render(request, template, context, status=status)


def done(request, page):
    if request.headers.get("HX-Request"):
        return HttpResponse(status=204, headers={"HX-Redirect": page})
    return redirect(page)


@login_required
@require_http_methods(["GET", "POST"])
def framework_delete(request, slug, kind, pk):
    """Ask, then delete a level, an outcome or an indicator of the call's framework; one that
    has been reported on is refused with the count of its values."""
    call = _managed_call(request, slug)
    spec = DELETIONS.get(kind)
    if spec is None:
        raise Http404
    record = get_object_or_404(spec.records(call), pk=pk)
    page = reverse("reporting:framework", args=[call.slug])
    errors = []
    if request.method == "POST":
        version = request.POST.get("version", "")
        try:
            spec.delete(request.user, call, record, int(version) if version.isdigit() else None)
        except ValidationError as error:
            errors = list(error.messages)
        else:
            messages.success(request, _("Poistettu: %(item)s.") % {"item": record})
            return done(request, page)
    context = confirm_context(
        request,
        record=record,
        title=spec.title,
        errors=errors,
        back=page,
    )
    heading = _("Vaikuttavuuskehys: %(call)s") % {"call": call.name}
    return render_confirm(request, context, heading=heading, status=400 if errors else 200)
