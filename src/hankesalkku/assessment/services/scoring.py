"""Criteria, conflict-of-interest declarations and assessors' scores."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from hankesalkku.accounts import roles
from hankesalkku.core.services import save_validated, service
from hankesalkku.projects.models import ApplicationStatus

from ..models import ConflictDeclaration, Criterion, Score
from ..permissions import can_assess, can_run_call
from .screening import refuse_unless


@service
def criterion_create(
    *, actor, call, wording: str, weight=Decimal("1"), scale_min=0, scale_max=5, order=0
) -> Criterion:
    refuse_unless(can_run_call(actor, call))
    return save_validated(
        Criterion(
            call=call,
            wording=wording,
            weight=weight,
            scale_min=scale_min,
            scale_max=scale_max,
            order=order,
        )
    )


@service
def conflict_declaration_create(
    *, actor, call, has_conflict: bool, application=None, note: str = ""
) -> ConflictDeclaration:
    """An assessor declares (no) conflict of interest for a whole call or one application."""
    if call.pk not in roles.call_ids_assessed_by(actor):
        raise ValidationError({"call": _("Haku: et ole tämän haun arvioija.")})
    if has_conflict and not note.strip():
        raise ValidationError({"note": _("Selvitys: kerro, miksi olet esteellinen.")})
    return save_validated(
        ConflictDeclaration(
            assessor=actor,
            call=call,
            application=application,
            has_conflict=has_conflict,
            note=note.strip(),
        )
    )


@service
def score_save(
    *,
    actor,
    application,
    criterion,
    value: int,
    justification: str,
    expected_version: int | None = None,
) -> Score:
    """Save the assessor's draft score for one criterion; a submitted score is not changed."""
    refuse_unless(can_assess(actor, application))
    application.refresh_from_db(fields=["status"])
    if application.status != ApplicationStatus.ELIGIBLE:
        raise ValidationError(
            {"application": _("Hakemus: vain muodollisesti hyväksyttävä hakemus arvioidaan.")}
        )
    if criterion.call_id != application.entity.call_id:
        raise ValidationError({"criterion": _("Kriteeri: ei kuulu hakemuksen hakuun.")})
    score = Score.objects.filter(
        assessor=actor, criterion=criterion, application=application
    ).first() or Score(assessor=actor, criterion=criterion, application=application)
    if score.submitted_at:
        raise ValidationError({"value": _("Pisteet: lähetettyä arviota ei voi enää muuttaa.")})
    if not criterion.scale_min <= value <= criterion.scale_max:
        raise ValidationError(
            {
                "value": _("Pisteet: anna arvo väliltä %(min)s–%(max)s.")
                % {"min": criterion.scale_min, "max": criterion.scale_max}
            }
        )
    score.value = value
    score.scale_min, score.scale_max = criterion.scale_min, criterion.scale_max
    score.justification = justification.strip()
    return save_validated(score, expected_version=expected_version)


@service
def scores_save(*, actor, application, entries, submit: bool = False) -> list[Score]:
    """The scoring form at once: (criterion, value, justification, version) per criterion;
    an empty row is skipped, one bad score saves none; `submit` makes them final."""
    saved = []
    for criterion, value, justification, version in entries:
        if value is None and not (justification or "").strip():
            continue
        if value is None:
            raise ValidationError(
                {"value": _("Pisteet: anna pisteet kriteerille %s.") % criterion.wording}
            )
        saved.append(
            score_save(
                actor=actor,
                application=application,
                criterion=criterion,
                value=value,
                justification=justification or "",
                expected_version=version,
            )
        )
    if submit:
        saved = scores_submit(actor=actor, application=application)
    return saved


@service
def scores_submit(*, actor, application) -> list[Score]:
    """Submit the assessor's scores of an application: all criteria scored, then final."""
    refuse_unless(can_assess(actor, application))
    criteria = Criterion.objects.filter(call_id=application.entity.call_id)
    scores = {
        s.criterion_id: s for s in Score.objects.filter(assessor=actor, application=application)
    }
    missing = [c.wording for c in criteria if c.pk not in scores]
    if missing:
        raise ValidationError({"value": _("Pisteet puuttuvat: %s.") % ", ".join(missing)})
    now = timezone.now()
    for score in scores.values():
        if score.submitted_at is None:
            score.submitted_at = now
            save_validated(score)
    return list(scores.values())
