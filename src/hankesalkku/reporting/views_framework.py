"""Pages of a call's framework as a whole: the aggregated results of any selection (call,
theme, programme, district, level) with charts, the target districts compared with the city's
median, the target districts' rationale form, the reporting schedule form and the impact study
as XLSX. Thin callers of aggregation, services and permissions."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from hankesalkku.organisations.models import District
from hankesalkku.programmes.models import Call, Programme, Theme

from . import permissions, services
from .aggregation import aggregate, district_comparison, parts_per_district, target_rationales
from .charts import with_charts
from .impact_study import impact_study_xlsx
from .models import ReportPeriod
from .selection import from_query


def _call(slug):
    return get_object_or_404(Call.objects.select_related("impact_framework"), slug=slug)


@require_GET
def aggregate_page(request):
    """Results of a selection: sums, distributions, narratives, progress, per district."""
    selection, errors = from_query(request.GET, request.user)
    levels = with_charts(
        aggregate(
            selection.call,
            level=selection.level,
            district=selection.district,
            entities=None if selection.call else selection.entities(),
        )
    )
    context = {
        "selection": selection,
        "errors": errors,
        "levels": levels,
        "calls": Call.objects.filter(impact_framework__isnull=False).order_by("name"),
        "themes": Theme.objects.order_by("name"),
        "programmes": Programme.objects.order_by("name"),
        "districts": District.objects.filter(reporting_parts__isnull=False).distinct(),
        "level_choices": (
            selection.call.impact_framework.levels.all()
            if selection.call and selection.call.impact_framework_id
            else []
        ),
    }
    return render(request, "reporting/aggregate.html", context, status=400 if errors else 200)


@require_GET
def district_page(request, slug):
    """The target districts beside the city's median, why each was chosen, and the projects
    and reported results in each."""
    call = _call(slug)
    districts = []
    for district in call.target_districts.order_by("name"):
        levels = aggregate(call, district=district)
        districts.append(
            (
                district,
                [
                    r
                    for level in levels
                    for r in level.indicators
                    if r.total is not None or r.distribution
                ],
            )
        )
    context = {
        "call": call,
        "comparisons": district_comparison(call),
        "rationales": target_rationales(call),
        "parts_per_district": parts_per_district(call),
        "districts": districts,
        "may_manage": permissions.can_manage_call_reporting(request.user, call)[0],
    }
    return render(request, "reporting/districts.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def target_districts_form(request, slug):
    call = _call(slug)
    allowed, reason = permissions.can_manage_call_reporting(request.user, call)
    if not allowed:
        raise PermissionDenied(reason)
    errors = []
    if request.method == "POST":
        district = District.objects.filter(pk=request.POST.get("district") or 0).first()
        try:
            if district is None:
                raise ValidationError({"district": _("Valitse kaupunginosa.")})
            services.target_district_set(
                actor=request.user,
                call=call,
                district=district,
                rationale=request.POST.get("rationale", ""),
                expected_version=request.POST.get("version") or None,
            )
        except ValidationError as error:
            errors = list(error.messages)
        else:
            messages.success(request, _("Kohdekaupunginosa ja perustelu tallennettu."))
            return redirect("reporting:districts", call.slug)
    context = {
        "call": call,
        "errors": errors,
        "rationales": target_rationales(call),
        "all_districts": District.objects.order_by("municipality", "name"),
        "posted": request.POST,
    }
    return render(
        request, "reporting/target_districts_form.html", context, status=400 if errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def schedule_form(request, slug):
    """The call's reporting schedule: one period a year, due on a given day the next year."""
    call = _call(slug)
    allowed, reason = permissions.can_manage_call_reporting(request.user, call)
    if not allowed:
        raise PermissionDenied(reason)
    errors = []
    if request.method == "POST":
        try:
            first, last = (
                int(request.POST.get("first_year", "")),
                int(request.POST.get("last_year", "")),
            )
            due = datetime.date(
                2001, int(request.POST.get("due_month", "")), int(request.POST.get("due_day", ""))
            )
        except ValueError:
            errors = [
                _("Anna ensimmäinen ja viimeinen vuosi sekä eräpäivän kuukausi ja päivä numeroina.")
            ]
        else:
            if not 2000 <= first <= last <= first + 10:
                errors = [
                    _(
                        "Viimeisen vuoden on oltava sama tai myöhempi kuin ensimmäisen, enintään kymmenen vuotta."
                    )
                ]
        if not errors:
            try:
                services.report_periods_create_yearly(
                    actor=request.user,
                    call=call,
                    first_year=first,
                    last_year=last,
                    due_month=due.month,
                    due_day=due.day,
                )
            except ValidationError as error:
                errors = list(error.messages)
            else:
                messages.success(request, _("Raportointiaikataulu tallennettu."))
                return redirect("reporting:schedule", call.slug)
    context = {
        "call": call,
        "periods": ReportPeriod.objects.filter(call=call),
        "errors": errors,
        "posted": request.POST,
    }
    return render(request, "reporting/schedule_form.html", context, status=400 if errors else 200)


@require_GET
def impact_xlsx(request, slug):
    call = _call(slug)
    allowed, reason = permissions.can_view_impact(request.user, call)
    if not allowed:
        raise PermissionDenied(reason)
    response = HttpResponse(
        impact_study_xlsx(call),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="vaikuttavuus-{call.slug}.xlsx"'
    return response
