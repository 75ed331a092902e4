"""Writes around reports: the applicant's targets, attachments, a call's target districts with
their rationale, and the reminders of reports due.

Targets are stated while the application is prepared: after the funding decision they are what
the part promised and are no longer edited here (a change goes through an amendment).
Reminders take the date as an argument, so the daily run and the tests agree on what "today" is.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hankesalkku.accounts.models import Role, RoleAssignment
from hankesalkku.core.services import record_create, record_update, save_validated, service
from hankesalkku.core.uploads import upload_check
from hankesalkku.projects.models import Application, ApplicationStatus

from ..models import (
    Indicator,
    IndicatorKind,
    ReminderKind,
    ReportAttachment,
    ReportPeriod,
    ReportReminder,
    ReportStatus,
    Target,
    TargetDistrict,
)

TARGET_EDITABLE = (ApplicationStatus.DRAFT, ApplicationStatus.READY)
REMIND_DAYS_BEFORE = 14
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024


def _number(raw, *, field, label):
    try:
        return Decimal(str(raw).replace(",", ".").replace(" ", "").replace("\xa0", ""))
    except InvalidOperation as error:
        raise ValidationError(
            {field: _("%(indicator)s: ”%(raw)s” ei ole luku.") % {"indicator": label, "raw": raw}}
        ) from error


@service
def target_set(*, actor, application, indicator, target, baseline=None, expected_version=None):
    """The applicant's target for one indicator: created, changed, or removed when left empty."""
    if application.status not in TARGET_EDITABLE:
        raise ValidationError(
            _("Tavoitteet asetetaan hakemusta valmisteltaessa; päätöksen jälkeen niitä ei muuteta.")
        )
    allowed = Indicator.objects.for_call(application.entity.call).filter(pk=indicator.pk)
    if indicator.application_id != application.pk and not allowed.exists():
        raise ValidationError({"indicator": _("Indikaattori ei kuulu tämän haun seurantaan.")})
    if indicator.kind == IndicatorKind.NARRATIVE:
        raise ValidationError(
            {
                "target": _("%(indicator)s: kuvaukselle ei aseteta lukutavoitetta.")
                % {"indicator": indicator}
            }
        )
    existing = Target.objects.filter(application=application, indicator=indicator).first()
    if target in (None, ""):
        if existing is not None:
            existing.delete()
        return None
    number = _number(target, field="target", label=str(indicator))
    base = (
        None
        if baseline in (None, "")
        else _number(baseline, field="baseline", label=str(indicator))
    )
    if number < 0:
        raise ValidationError(
            {
                "target": _("%(indicator)s: tavoite ei voi olla negatiivinen.")
                % {"indicator": indicator}
            }
        )
    if indicator.kind == IndicatorKind.SCALE and not (
        indicator.scale_min <= number <= indicator.scale_max
    ):
        raise ValidationError(
            {
                "target": _("%(indicator)s: arvon on oltava välillä %(min)s–%(max)s.")
                % {"indicator": indicator, "min": indicator.scale_min, "max": indicator.scale_max}
            }
        )
    if existing is None:
        return record_create(
            Target, application=application, indicator=indicator, target=number, baseline=base
        )
    return record_update(existing, {"target": number, "baseline": base}, expected_version)


@service
def report_attachment_add(*, actor, report, name, content):
    """An attachment checked by its content; only while the implementer may still edit."""
    if report.status not in (ReportStatus.DRAFT, ReportStatus.RETURNED):
        raise ValidationError(_("Lähetettyyn tai hyväksyttyyn raporttiin ei voi lisätä liitteitä."))
    checked = upload_check(name=name, content=content, max_bytes=ATTACHMENT_MAX_BYTES)
    return record_create(
        ReportAttachment,
        report=report,
        name=checked.name[:200],
        kind=checked.kind,
        sha256=checked.sha256,
        size=checked.size,
        data=checked.content,
    )


@service
def target_district_set(*, actor, call, district, rationale, expected_version=None):
    """Make a district one of the call's target districts, with the reason it was chosen."""
    if not str(rationale or "").strip():
        raise ValidationError({"rationale": _("Kirjaa, miksi kaupunginosa valittiin.")})
    existing = TargetDistrict.objects.filter(call=call, district=district).first()
    call.target_districts.add(district)
    if existing is None:
        return record_create(TargetDistrict, call=call, district=district, rationale=rationale)
    return record_update(existing, {"rationale": rationale}, expected_version)


def _recipients(application) -> list[str]:
    emails = (
        RoleAssignment.objects.active()
        .filter(
            organisation_id=application.organisation_id, role__in=[Role.PREPARER, Role.SIGNATORY]
        )
        .values_list("user__email", flat=True)
    )
    return sorted({e for e in emails if e})


def reminders_due(today: datetime.date):
    """(part, period, kind) for every report not yet sent that is near its due date or late."""
    found = []
    periods = ReportPeriod.objects.filter(
        due__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE), ends__lte=today
    )
    for period in periods.select_related("call"):
        parts = Application.objects.filter(
            entity__call_id=period.call_id, status=ApplicationStatus.FUNDED
        ).select_related("entity", "organisation")
        for part in parts:
            if (part.starts and period.ends < part.starts) or (
                part.ends and period.starts > part.ends
            ):
                continue
            sent = part.reports.filter(
                period=period, status__in=[ReportStatus.SUBMITTED, ReportStatus.ACCEPTED]
            )
            if sent.exists():
                continue
            kind = ReminderKind.OVERDUE if today > period.due else ReminderKind.BEFORE
            found.append((part, period, kind))
    return found


@service
def report_reminders_send(*, actor, today: datetime.date) -> int:
    """E-mail each implementer once before a report's due date and once when it is late."""
    count = 0
    for part, period, kind in reminders_due(today):
        if ReportReminder.objects.filter(application=part, period=period, kind=kind).exists():
            continue
        recipients = _recipients(part)
        context = {
            "project": part.entity.name,
            "organisation": part.organisation.name,
            "period": str(period),
            "due": f"{period.due:%-d.%-m.%Y}",
        }
        if kind == ReminderKind.OVERDUE:
            subject = _("Raportti on myöhässä: %(project)s") % context
            body = (
                _(
                    "Hankkeen %(project)s (%(organisation)s) raportti kaudelta %(period)s olisi "
                    "pitänyt lähettää %(due)s mennessä. Täytä ja lähetä se Hankesalkussa."
                )
                % context
            )
        else:
            subject = _("Raportti erääntyy %(due)s: %(project)s") % context
            body = (
                _(
                    "Hankkeen %(project)s (%(organisation)s) raportti kaudelta %(period)s "
                    "erääntyy %(due)s. Täytä ja lähetä se Hankesalkussa."
                )
                % context
            )
        if recipients:
            mail.send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        save_validated(
            ReportReminder(
                application=part,
                period=period,
                kind=kind,
                sent_on=today,
                recipients=", ".join(recipients),
            )
        )
        count += 1
    return count


@service
def part_districts_set(*, actor, application, districts):
    """The districts where a part works, chosen among its call's target districts (when the
    call has any): results are followed per district by these."""
    from ..models import PartDistrict

    allowed = set(application.entity.call.target_districts.values_list("pk", flat=True))
    wanted = {d.pk: d for d in districts}
    outside = [str(d) for pk, d in wanted.items() if allowed and pk not in allowed]
    if outside:
        raise ValidationError(
            {
                "districts": _("Ei haun kohdekaupunginosa: %(names)s.")
                % {"names": ", ".join(outside)}
            }
        )
    for link in PartDistrict.objects.filter(application=application).exclude(
        district_id__in=wanted
    ):
        link.delete()
    have = set(
        PartDistrict.objects.filter(application=application).values_list("district_id", flat=True)
    )
    for pk, district in wanted.items():
        if pk not in have:
            record_create(PartDistrict, application=application, district=district)


@service
def part_targets_set(*, actor, application, targets, districts=None):
    """The applicant's targets form as one whole: {indicator: (target, baseline)} and the
    districts; every bad target is named, and nothing is saved unless all are good."""
    errors = []
    if districts is not None:
        try:
            part_districts_set(actor=actor, application=application, districts=districts)
        except ValidationError as error:
            errors.extend(error.messages)
    for indicator, (target, baseline) in targets.items():
        try:
            target_set(
                actor=actor,
                application=application,
                indicator=indicator,
                target=target,
                baseline=baseline,
            )
        except ValidationError as error:
            errors.extend(m for m in error.messages if m not in errors)
    if errors:
        raise ValidationError({"targets": errors})
