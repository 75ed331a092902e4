"""Pages of reporting: reports due (a start-page partial), a call's impact with its target
districts, the impact study PDF and the district values import. Thin callers of
aggregation, services and permissions."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from hankesalkku.accounts import roles
from hankesalkku.core.pdf import pdf_response
from hankesalkku.programmes.models import Call
from hankesalkku.projects.models import Application, ApplicationStatus

from . import permissions
from .aggregation import aggregate
from .charts import with_charts
from .impact_study import impact_study_pdf
from .models import Report, ReportPeriod, ReportStatus
from .services.district_import import COLUMNS, district_values_import, xlsx_to_text


@require_GET
def reports_due(request):
    """The signed-in implementer's periods whose report is not yet sent, nearest due first."""
    rows = []
    if request.user.is_authenticated:
        org_ids = roles.organisation_ids_for(request.user, permissions.IMPLEMENTER_ROLES)
        parts = Application.objects.filter(
            organisation_id__in=org_ids, status=ApplicationStatus.FUNDED
        ).select_related("entity")
        sent = set(
            Report.objects.visible_to(request.user)
            .filter(application__in=parts)
            .exclude(status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED])
            .values_list("application_id", "period_id")
        )
        for part in parts:
            for period in ReportPeriod.objects.filter(call_id=part.entity.call_id):
                if (part.pk, period.pk) not in sent and period.starts <= datetime.date.today():
                    rows.append((period.due, part, period))
    rows.sort(key=lambda row: row[0])
    return render(request, "reporting/partials/reports_due.html", {"rows": rows})


def _call(slug):
    return get_object_or_404(Call.objects.select_related("impact_framework"), slug=slug)


@require_GET
def call_impact(request, slug):
    call = _call(slug)
    allowed, reason = permissions.can_view_impact(request.user, call)
    if not allowed:
        raise PermissionDenied(reason)
    context = {
        "call": call,
        "levels": with_charts(aggregate(call)),
        "may_manage": permissions.can_manage_call_reporting(request.user, call)[0],
    }
    return render(request, "reporting/call_impact.html", context)


@require_GET
def call_impact_pdf(request, slug):
    call = _call(slug)
    allowed, reason = permissions.can_view_impact(request.user, call)
    if not allowed:
        raise PermissionDenied(reason)
    return pdf_response(impact_study_pdf(call), filename=f"vaikuttavuus-{call.slug}.pdf")


@login_required
@require_http_methods(["GET", "POST"])
def district_import(request):
    allowed, reason = permissions.can_import_district_values(request.user)
    if not allowed:
        raise PermissionDenied(reason)
    errors = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        text = request.POST.get("text", "")
        if upload is not None:
            content = upload.read()
            try:
                if content.startswith(b"PK\x03\x04"):
                    text = xlsx_to_text(content)
                else:
                    text = content.decode("utf-8-sig")
            except UnicodeDecodeError:
                errors = [_("Tiedosto ei ole UTF-8-muotoinen CSV-tiedosto.")]
            except ValidationError as error:
                errors = error.messages
        if not errors and not text.strip():
            errors = [_("Valitse tuotava CSV-tiedosto tai liitä sen sisältö.")]
        if not errors:
            try:
                count = district_values_import(actor=request.user, text=text)
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(request, _("Tallennettiin %(n)s arvoa.") % {"n": count})
                return redirect("reporting:district_import")
    return render(
        request,
        "reporting/district_import.html",
        {"errors": errors, "columns": ";".join(COLUMNS)},
        status=400 if errors else 200,
    )
