"""Writes of reporting: indicators, outcomes, targets, schedules, reports and their values.

Who may call which service is decided by the caller with `reporting.permissions`; the services
check what holds whoever calls: a report's values fit their indicators (unit, scale range), a
report's period lies within the part's duration, a status moves only along REPORT_TRANSITIONS,
and only funded parts report.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.services import (
    check_version,
    record_create,
    record_update,
    save_validated,
    service,
)
from hankesalkku.projects.models import ApplicationStatus

from ..models import (
    REPORT_TRANSITIONS,
    Indicator,
    IndicatorKind,
    Outcome,
    PartDistrict,
    Report,
    ReportPeriod,
    ReportStatus,
    ReportValue,
    Target,
)
from . import breakdowns as breakdown_checks


@service
def outcome_create(*, actor, level, name, description=""):
    return record_create(Outcome, level=level, name=name, description=description)


@service
def indicator_create(*, actor, name, **fields):
    """A call's or a part's own indicator, optionally on a level of the call's framework."""
    level = fields.get("level")
    call = fields.get("call")
    if level is not None and call is not None and level.framework_id != call.impact_framework_id:
        raise ValidationError({"level": _("Taso ei kuulu haun vaikuttavuuskehikkoon.")})
    return record_create(Indicator, name=name, **fields)


@service
def indicator_update(*, actor, indicator, expected_version=None, **changes):
    """Any indicator's fields; one already reported on keeps its kind and unit."""
    from .framework import check_locked

    check_locked(indicator, changes)
    return record_update(indicator, changes, expected_version)


@service
def target_create(*, actor, application, indicator, target, baseline=None):
    """A part's promise for an indicator its call follows (or its own)."""
    allowed = Indicator.objects.for_call(application.entity.call).filter(pk=indicator.pk)
    if indicator.application_id != application.pk and not allowed.exists():
        raise ValidationError({"indicator": _("Indikaattori ei kuulu tämän haun seurantaan.")})
    return record_create(
        Target, application=application, indicator=indicator, target=target, baseline=baseline
    )


@service
def report_period_create(*, actor, call, starts, ends, due):
    return record_create(ReportPeriod, call=call, starts=starts, ends=ends, due=due)


@service
def report_periods_create_yearly(*, actor, call, first_year, last_year, due_month=1, due_day=31):
    """A calendar year per period, due the next year on the given day (e.g. 31 January)."""
    return [
        report_period_create(
            actor=actor,
            call=call,
            starts=datetime.date(year, 1, 1),
            ends=datetime.date(year, 12, 31),
            due=datetime.date(year + 1, due_month, due_day),
        )
        for year in range(first_year, last_year + 1)
    ]


@service
def part_district_add(*, actor, application, district):
    return record_create(PartDistrict, application=application, district=district)


@service
def report_create(*, actor, application, period, kind="progress"):
    if application.status != ApplicationStatus.FUNDED:
        raise ValidationError(_("Raportoivat vain osahankkeet, joille on myönnetty rahoitus."))
    if period.call_id != application.entity.call_id:
        raise ValidationError({"period": _("Kausi kuuluu toisen haun aikatauluun.")})
    if (application.starts and period.ends < application.starts) or (
        application.ends and period.starts > application.ends
    ):
        raise ValidationError(
            {"period": _("Kausi %(period)s ei osu hankkeen toteutusaikaan.") % {"period": period}}
        )
    return record_create(Report, application=application, period=period, kind=kind)


WITH_OTHER_UNIT = re.compile(r"[-+]?\d+(\.\d+)?[^\d.\-+]+")
"""A number followed by something else, e.g. "12 €" for an indicator counted in persons."""
NARRATIVE_MAX_LENGTH = 2000
"""A report's narrative is a short account, not an essay: longer material goes in an attachment."""


def _clean_value(indicator, raw):
    """A number or a text for `indicator`, or a ValidationError naming the indicator."""
    label = str(indicator)
    if indicator.kind == IndicatorKind.NARRATIVE:
        text = str(raw or "").strip()
        if len(text) > NARRATIVE_MAX_LENGTH:
            raise ValidationError(
                _("%(indicator)s: kuvaus saa olla enintään %(max)s merkkiä (nyt %(n)s).")
                % {"indicator": label, "max": NARRATIVE_MAX_LENGTH, "n": len(text)}
            )
        return None, text
    if raw in (None, ""):
        return None, ""
    written = str(raw).strip().replace("\xa0", " ")
    unit = (indicator.unit or "").strip()
    if unit and indicator.kind == IndicatorKind.QUANTITATIVE and written.endswith(unit):
        written = written[: -len(unit)]  # "340 henkilöä" is 340 in the indicator's own unit
    number_part = written.replace(",", ".").replace(" ", "")
    if indicator.kind == IndicatorKind.QUANTITATIVE and WITH_OTHER_UNIT.fullmatch(number_part):
        raise ValidationError(
            _("%(indicator)s: ”%(raw)s” on eri yksikössä; anna luku yksikössä %(unit)s.")
            % {"indicator": label, "raw": raw, "unit": unit or "-"}
        )
    try:
        number = Decimal(number_part)
        if not number.is_finite():
            raise InvalidOperation
    except InvalidOperation as error:
        raise ValidationError(
            _("%(indicator)s: ”%(raw)s” ei ole luku.") % {"indicator": label, "raw": raw}
        ) from error
    if indicator.kind == IndicatorKind.SCALE and not (
        indicator.scale_min <= number <= indicator.scale_max
    ):
        raise ValidationError(
            _("%(indicator)s: arvon on oltava välillä %(min)s–%(max)s.")
            % {"indicator": label, "min": indicator.scale_min, "max": indicator.scale_max}
        )
    if indicator.kind == IndicatorKind.QUANTITATIVE and number < 0:
        raise ValidationError(
            _("%(indicator)s: määrä (%(unit)s) ei voi olla negatiivinen.")
            % {"indicator": label, "unit": indicator.unit or "-"}
        )
    return number, ""


def reportable_indicators(report):
    """The indicators a report asks for: those with a target for the part, the call's framework
    indicators, its programme's own and the part's own; this is the common form the framework
    generates."""
    application = report.application
    call = application.entity.call
    return Indicator.objects.filter(
        pk__in=list(application.indicator_targets.values_list("indicator_id", flat=True))
        + list(Indicator.objects.of_call(call).values_list("pk", flat=True))
        + list(application.own_indicators.values_list("pk", flat=True))
    ).order_by("level__order", "code", "name")


@service
def report_update(
    *,
    actor,
    report,
    values,
    narrative=None,
    expected_version=None,
    breakdowns=None,
    answers=None,
):
    """Set a report's values ({indicator pk: raw}), the breakdowns of its participant indicators
    ({indicator pk: {category pk: raw}}) and a final report's answers ({question pk: text});
    every bad value is named at once, and nothing is saved unless all are good."""
    if report.status not in (ReportStatus.DRAFT, ReportStatus.RETURNED):
        raise ValidationError(_("Lähetettyä tai hyväksyttyä raporttia ei voi enää muuttaa."))
    check_version(report, expected_version)  # a stale form is told as such, before any value
    indicators = {i.pk: i for i in reportable_indicators(report)}
    errors, cleaned, split = [], {}, {}
    for key, raw in values.items():
        indicator = indicators.get(int(key)) if str(key).isdigit() else None
        if indicator is None:
            errors.append(_("Indikaattori %(pk)s ei kuulu tähän raporttiin.") % {"pk": key})
            continue
        try:
            cleaned[indicator] = _clean_value(indicator, raw)
        except ValidationError as error:
            errors.extend(error.messages)
            continue
        given = {str(k): v for k, v in (breakdowns or {}).items()}.get(str(key))
        split[indicator] = breakdown_checks.clean_breakdown(
            indicator, cleaned[indicator][0], given, errors
        )
    written = {str(key) for key in values}
    for key in breakdowns or {}:
        if str(key) not in written:  # a breakdown goes with its indicator's total
            errors.append(_("Indikaattori %(pk)s ei kuulu tähän raporttiin.") % {"pk": key})
    replies = breakdown_checks.clean_answers(report, answers, errors)
    if errors:
        raise ValidationError({"values": errors})
    for indicator, (number, text) in cleaned.items():
        value = ReportValue.objects.filter(report=report, indicator=indicator).first()
        value = value or ReportValue(report=report, indicator=indicator)
        value.number, value.text = number, text
        save_validated(value)
        breakdown_checks.breakdown_save(value, split.get(indicator, {}))
    breakdown_checks.answers_save(report, replies)
    changes = {} if narrative is None else {"narrative": narrative}
    return record_update(report, changes, expected_version)


def _move(report, status, expected_version, **changes):
    if status not in REPORT_TRANSITIONS[report.status]:
        raise ValidationError(
            _("Raporttia ei voi siirtää tilasta ”%(from)s” tilaan ”%(to)s”.")
            % {"from": report.get_status_display(), "to": ReportStatus(status).label}
        )
    return record_update(report, {"status": status, **changes}, expected_version)


@service
def report_submit(*, actor, report, expected_version=None):
    if not report.values.exists():
        raise ValidationError(_("Raportissa ei ole yhtään arvoa."))
    return _move(report, ReportStatus.SUBMITTED, expected_version)


@service
def report_accept(*, actor, report, expected_version=None):
    return _move(report, ReportStatus.ACCEPTED, expected_version)


@service
def report_return(*, actor, report, note, expected_version=None):
    if not str(note).strip():
        raise ValidationError({"officer_note": _("Kerro, mitä raportista puuttuu.")})
    return _move(report, ReportStatus.RETURNED, expected_version, officer_note=note)


from .follow_up import (  # noqa: E402  (the follow-up writes use the models above)
    part_districts_set,
    part_targets_set,
    report_attachment_add,
    report_reminders_send,
    target_district_set,
    target_set,
)
from .framework import (  # noqa: E402
    call_framework_create,
    call_indicator_create,
    call_indicator_delete,
    call_indicator_update,
    call_level_create,
    call_level_delete,
    call_level_update,
    final_report_question_create,
    final_report_question_update,
    outcome_delete,
    outcome_update,
)
from .programme import (  # noqa: E402
    programme_indicator_create,
    programme_indicator_delete,
    programme_indicator_update,
)

__all__ = [
    "call_framework_create",
    "call_indicator_create",
    "call_indicator_delete",
    "call_indicator_update",
    "call_level_create",
    "call_level_delete",
    "call_level_update",
    "outcome_delete",
    "programme_indicator_create",
    "programme_indicator_delete",
    "programme_indicator_update",
    "final_report_question_create",
    "final_report_question_update",
    "outcome_update",
    "indicator_create",
    "indicator_update",
    "outcome_create",
    "part_district_add",
    "part_districts_set",
    "part_targets_set",
    "report_accept",
    "report_attachment_add",
    "report_create",
    "report_period_create",
    "report_periods_create_yearly",
    "report_reminders_send",
    "report_return",
    "report_submit",
    "report_update",
    "reportable_indicators",
    "target_create",
    "target_district_set",
    "target_set",
]
