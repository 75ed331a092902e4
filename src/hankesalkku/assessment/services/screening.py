"""Formal eligibility screening by the funding authority's officer."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.services import save_validated, service
from hankesalkku.projects.models import ApplicationStatus
from hankesalkku.projects.services import application_transition

from ..models import ChecklistItem, Screening, ScreeningAnswer, ScreeningOutcome
from ..permissions import can_run_call

TARGET_STATUS = {
    ScreeningOutcome.ELIGIBLE: ApplicationStatus.ELIGIBLE,
    ScreeningOutcome.INELIGIBLE: ApplicationStatus.INELIGIBLE,
    ScreeningOutcome.SUPPLEMENT: ApplicationStatus.SUPPLEMENT_REQUESTED,
}


def refuse_unless(result: tuple[bool, str]) -> None:
    allowed, reason = result
    if not allowed:
        raise PermissionDenied(reason)


@service
def checklist_item_create(*, actor, call, text: str, order: int = 0) -> ChecklistItem:
    refuse_unless(can_run_call(actor, call))
    return save_validated(ChecklistItem(call=call, text=text, order=order))


@service
def screening_record(
    *,
    actor,
    application,
    outcome: str,
    answers: dict[int, tuple[bool, str]] | None = None,
    reason: str = "",
    supplement_deadline=None,
    expected_version: int | None = None,
) -> Screening:
    """Record the checklist answers and the outcome; move the application through its table.

    `answers` maps each checklist item's id to (satisfied, note); every item of the call must
    be answered. An eligible outcome with an unmet item is refused: that is an ineligible one.
    """
    call = application.entity.call
    refuse_unless(can_run_call(actor, call))
    answers = answers or {}
    items = list(ChecklistItem.objects.filter(call=call))
    missing = [item.text for item in items if item.pk not in answers]
    if missing:
        raise ValidationError(
            {"answers": _("Tarkastuslista: vastaa kaikkiin kohtiin (%s).") % ", ".join(missing)}
        )
    if outcome == ScreeningOutcome.ELIGIBLE and not all(ok for ok, _note in answers.values()):
        raise ValidationError(
            {"outcome": _("Tulos: hakemus ei voi olla hyväksyttävä, kun jokin kohta ei täyty.")}
        )
    if outcome not in TARGET_STATUS:
        raise ValidationError({"outcome": _("Tulos: valitse tarkastuksen tulos.")})
    screening = save_validated(
        Screening(
            application=application,
            officer=actor,
            outcome=outcome,
            reason=reason.strip(),
            supplement_deadline=supplement_deadline,
        )
    )
    for item in items:
        satisfied, note = answers[item.pk]
        save_validated(
            ScreeningAnswer(screening=screening, item=item, satisfied=satisfied, note=note)
        )
    moved = application_transition(
        application, TARGET_STATUS[outcome], expected_version=expected_version
    )
    application.status, application.version = moved.status, moved.version
    return screening
