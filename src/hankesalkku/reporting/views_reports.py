"""Pages of one part's reporting: its periods and reports, the report form the framework
generates (an htmx partial), attachments, sending, the officer's acceptance or return, and the
applicant's targets. Thin callers of reporting.services and reporting.permissions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hankesalkku.organisations.models import District
from hankesalkku.projects.models import Application

from . import permissions, services
from .framework import breakdown_fields, group, plain
from .models import (
    Report,
    ReportAttachment,
    ReportBreakdownValue,
    ReportKind,
    ReportPeriod,
    ReportStatus,
)
from .services.breakdowns import ANSWER_MAX_LENGTH

EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)


def _errors(error: ValidationError) -> list[str]:
    return list(error.messages)


def _require(decision):
    allowed, reason = decision
    if not allowed:
        raise PermissionDenied(reason)


def _part(request, pk) -> Application:
    part = get_object_or_404(
        Application.objects.select_related("entity__call", "organisation"), pk=pk
    )
    allowed, _reason = permissions.can_view_part_reporting(request.user, part)
    if not allowed:
        raise Http404  # a part one may not follow is not there for them
    return part


def _report(request, pk) -> Report:
    found = (
        Report.objects.visible_to(request.user)
        .select_related("application__entity__call", "application__organisation", "period")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def _questions(report):
    """The call's final report questions, asked in its final reports only."""
    if report.kind != ReportKind.FINAL:
        return []
    return list(report.application.entity.call.final_report_questions.all())


def _posted_report(post) -> dict:
    """The report form's fields as report_update takes them: values, breakdowns, answers."""
    values, breakdowns, answers = {}, {}, {}
    for key, value in post.items():
        if key.startswith("value-"):
            values[key.removeprefix("value-")] = value
        elif key.startswith("breakdown-"):
            indicator, _sep, category = key.removeprefix("breakdown-").partition("-")
            breakdowns.setdefault(indicator, {})[category] = value
        elif key.startswith("answer-"):
            answers[key.removeprefix("answer-")] = value
    return {"values": values, "breakdowns": breakdowns, "answers": answers}


def _form_context(request, report, *, posted=None, errors=None):
    indicators = services.reportable_indicators(report).select_related("level", "outcome")
    values = {v.indicator_id: v.text or plain(v.number) for v in report.values.all()}
    stored = {
        (b.value.indicator_id, b.category_id): str(b.number)
        for b in ReportBreakdownValue.objects.filter(value__report=report).select_related("value")
    }
    answers = {a.question_id: a.text for a in report.answers.all()}
    if posted is not None:
        values = {i.pk: posted.get(f"value-{i.pk}", "") for i in indicators}
        answers = {q.pk: posted.get(f"answer-{q.pk}", "") for q in _questions(report)}
    targets = {t.indicator_id: t for t in report.application.indicator_targets.all()}
    splits = breakdown_fields(indicators, stored=stored, posted=posted)
    user = request.user
    return {
        "report": report,
        "groups": group(indicators, values=values, targets=targets, breakdowns=splits),
        "questions": [(q, f"answer-{q.pk}", answers.get(q.pk, "")) for q in _questions(report)],
        "answer_max_length": ANSWER_MAX_LENGTH,
        "errors": errors or [],
        "narrative": report.narrative if posted is None else posted.get("narrative", ""),
        "editable": report.status in EDITABLE
        and permissions.can_report_for(user, report.application)[0],
        "may_submit": report.status in EDITABLE and permissions.can_submit_report(user, report)[0],
        "may_review": report.status == ReportStatus.SUBMITTED
        and permissions.can_review_report(user, report)[0],
    }


@login_required
@require_http_methods(["GET", "POST"])
def part_reports(request, pk):
    """A part's periods with each one's report, and starting the report of a period."""
    part = _part(request, pk)
    if request.method == "POST":
        _require(permissions.can_report_for(request.user, part))
        period = ReportPeriod.objects.filter(
            pk=request.POST.get("period") or 0, call_id=part.entity.call_id
        ).first()
        try:
            if period is None:
                raise ValidationError({"period": _("Valitse raportointikausi.")})
            kind = "final" if request.POST.get("kind") == "final" else "progress"
            report = Report.objects.filter(application=part, period=period, kind=kind).first()
            report = report or services.report_create(
                actor=request.user, application=part, period=period, kind=kind
            )
        except ValidationError as error:
            messages.error(request, " ".join(_errors(error)))
            return redirect("reporting:part_reports", part.pk)
        return redirect("reporting:report", report.pk)
    reports: dict[int, list] = {}
    for found in Report.objects.visible_to(request.user).filter(application=part):
        reports.setdefault(found.period_id, []).append(found)
    periods = [
        (p, reports.get(p.pk, [])) for p in ReportPeriod.objects.filter(call_id=part.entity.call_id)
    ]
    context = {
        "part": part,
        "periods": periods,
        "may_report": permissions.can_report_for(request.user, part)[0],
    }
    return render(request, "reporting/part_reports.html", context)


@login_required
@require_GET
def report_page(request, pk):
    report = _report(request, pk)
    return render(request, "reporting/report.html", _form_context(request, report))


@login_required
@require_http_methods(["GET", "POST"])
def report_form(request, pk):
    """The form's partial: values per level, outcome and indicator; saved as one whole."""
    report = _report(request, pk)
    if request.method == "GET":
        return render(
            request, "reporting/partials/report_form.html", _form_context(request, report)
        )
    _require(permissions.can_report_for(request.user, report.application))
    try:
        services.report_update(
            actor=request.user,
            report=report,
            **_posted_report(request.POST),
            narrative=request.POST.get("narrative", ""),
            expected_version=request.POST.get("version") or None,
        )
    except ValidationError as error:
        report.refresh_from_db()
        context = _form_context(request, report, posted=request.POST, errors=_errors(error))
        return render(request, "reporting/partials/report_form.html", context, status=400)
    report.refresh_from_db()
    if not request.headers.get("HX-Request"):
        messages.success(request, _("Raportti tallennettu."))
        return redirect("reporting:report", report.pk)
    context = _form_context(request, report)
    context["saved"] = True
    return render(request, "reporting/partials/report_form.html", context)


@login_required
@require_POST
def report_send(request, pk):
    report = _report(request, pk)
    _require(permissions.can_submit_report(request.user, report))
    try:
        services.report_submit(
            actor=request.user, report=report, expected_version=request.POST.get("version") or None
        )
    except ValidationError as error:
        messages.error(request, " ".join(_errors(error)))
    else:
        messages.success(request, _("Raportti lähetetty rahoittajalle."))
    return redirect("reporting:report", report.pk)


@login_required
@require_POST
def report_review(request, pk):
    """The officer accepts the report or returns it with the reason."""
    report = _report(request, pk)
    _require(permissions.can_review_report(request.user, report))
    version = request.POST.get("version") or None
    try:
        if request.POST.get("decision") == "accept":
            services.report_accept(actor=request.user, report=report, expected_version=version)
            messages.success(request, _("Raportti hyväksytty."))
        elif request.POST.get("decision") == "return":
            services.report_return(
                actor=request.user,
                report=report,
                note=request.POST.get("note", ""),
                expected_version=version,
            )
            messages.success(request, _("Raportti palautettu toteuttajalle."))
        else:
            raise ValidationError(_("Valitse, hyväksytäänkö vai palautetaanko raportti."))
    except ValidationError as error:
        report.refresh_from_db()
        context = _form_context(request, report)
        context["review_errors"] = _errors(error)
        context["note"] = request.POST.get("note", "")
        return render(request, "reporting/report.html", context, status=400)
    return redirect("reporting:report", report.pk)


@login_required
@require_http_methods(["GET", "POST"])
def report_attachments(request, pk):
    """The attachments' partial; a POST adds one file, checked by its content."""
    report = _report(request, pk)
    errors = []
    if request.method == "POST":
        _require(permissions.can_report_for(request.user, report.application))
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ValidationError({"file": _("Valitse liitettävä tiedosto.")})
            services.report_attachment_add(
                actor=request.user, report=report, name=upload.name, content=upload.read()
            )
        except ValidationError as error:
            errors = _errors(error)
        if not request.headers.get("HX-Request") and not errors:
            return redirect("reporting:report", report.pk)
    context = {
        "report": report,
        "attachments": report.attachments.all(),
        "errors": errors,
        "editable": report.status in EDITABLE
        and permissions.can_report_for(request.user, report.application)[0],
    }
    return render(
        request,
        "reporting/partials/report_attachments.html",
        context,
        status=400 if errors else 200,
    )


@login_required
@require_GET
def attachment_download(request, pk):
    attachment = get_object_or_404(ReportAttachment, pk=pk)
    _report(request, attachment.report_id)  # seen only by those who see the report
    response = HttpResponse(bytes(attachment.data), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{attachment.name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def part_targets(request, pk):
    """The applicant's targets per indicator of the call's framework (and the part's own)."""
    part = _part(request, pk)
    call = part.entity.call
    from .models import Indicator

    indicators = (
        (
            Indicator.objects.of_call(call)
            | Indicator.objects.filter(application=part)
            | Indicator.objects.filter(targets__application=part)
        )
        .distinct()
        .select_related("level", "outcome")
        .exclude(kind="narrative")
    )
    errors = []
    if request.method == "POST":
        _require(permissions.can_set_targets(request.user, part))
        chosen = District.objects.filter(
            pk__in=[v for v in request.POST.getlist("districts") if v.isdigit()]
        )
        try:
            services.part_targets_set(
                actor=request.user,
                application=part,
                districts=list(chosen),
                targets={
                    indicator: (
                        request.POST.get(f"value-{indicator.pk}", "").strip(),
                        request.POST.get(f"baseline-{indicator.pk}", "").strip(),
                    )
                    for indicator in indicators
                },
            )
        except ValidationError as error:
            errors = _errors(error)
        else:
            messages.success(request, _("Tavoitteet tallennettu."))
            return redirect("reporting:part_targets", part.pk)
    targets = {t.indicator_id: t for t in part.indicator_targets.all()}
    values = {pk: plain(t.target) for pk, t in targets.items()}
    if request.method == "POST":
        values = {i.pk: request.POST.get(f"value-{i.pk}", "") for i in indicators}
    context = {
        "part": part,
        "groups": group(
            indicators.order_by("level__order", "code", "name"), values=values, targets=targets
        ),
        "errors": errors,
        "district_choices": call.target_districts.order_by("name"),
        "part_districts": set(part.reporting_districts.values_list("district_id", flat=True)),
        "editable": permissions.can_set_targets(request.user, part)[0]
        and part.status in services.follow_up.TARGET_EDITABLE,
    }
    return render(request, "reporting/part_targets.html", context, status=400 if errors else 200)


@login_required
@require_GET
def reports_waiting(request):
    """The start page's partial for officers: reports sent and waiting for acceptance."""
    waiting = [
        r
        for r in Report.objects.visible_to(request.user)
        .filter(status=ReportStatus.SUBMITTED)
        .select_related("application__entity__call", "application__organisation", "period")
        if permissions.can_review_report(request.user, r)[0]
    ]
    return render(request, "reporting/partials/reports_waiting.html", {"reports": waiting})
