"""A person's verdict on each extracted value, and the records they choose as targets.

A correction is checked against the kind of value it corrects (a euro amount, a date), so
a typo is caught here with a message naming the value rather than when records are written.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.services import delete_recorded, save_validated, service
from hankesalkku.decisions.models import Decision
from hankesalkku.organisations.models import Organisation
from hankesalkku.projects.models import ProjectEntity

from ..conversions import decision_value, entity_field
from ..matching import DECISION_FIELDS, ENTITY_FIELDS, parse_amount, parse_date
from ..models import ExtractedValue, Extraction

Status = ExtractedValue.Status
_DATE_FIELDS = {"decision_date", "period_start", "period_end"}


def _refuse_if_applied(value: ExtractedValue) -> None:
    if value.is_applied:
        raise ValidationError(
            _("Arvo on jo tallennettu tietueeseen; sitä ei voi enää muuttaa tällä sivulla.")
        )


@service
def extracted_value_confirm(*, actor, value: ExtractedValue) -> ExtractedValue:
    _refuse_if_applied(value)
    value.status = Status.CONFIRMED
    value.corrected_value = ""
    value.error = ""
    save_validated(value, update_fields=["status", "corrected_value", "error"])
    return value


@service
def extraction_confirm_unconflicted(*, actor, extraction: Extraction) -> int:
    """Confirm at once every value still unchecked that no stored record contradicts: a long
    decision's thirty plain values need not be thirty clicks, while each conflict, correction
    and rejection stays a person's own choice. Returns how many were confirmed."""
    from ..matching import conflict

    confirmed = 0
    for value in extraction.values.filter(status=Status.PENDING).select_related("organisation"):
        if value.is_applied or conflict(value, extraction):
            continue
        extracted_value_confirm(actor=actor, value=value)
        confirmed += 1
    return confirmed


@service
def extracted_value_reject(*, actor, value: ExtractedValue) -> ExtractedValue:
    _refuse_if_applied(value)
    value.status = Status.REJECTED
    value.error = ""
    save_validated(value, update_fields=["status", "error"])
    return value


def normalise_correction(value: ExtractedValue, text: str) -> str:
    """The corrected value in the form the reader gives (ISO dates, 123750.00 euros)."""
    text = " ".join((text or "").split())
    label = value.get_group_display() if value.group != "field" else value.name
    if not text:
        raise ValidationError(
            {"corrected_value": _("Kirjoita korjattu arvo (%(label)s).") % {"label": label}}
        )
    if value.group == ExtractedValue.Group.AMOUNT:
        amount = parse_amount(text)
        if amount is None:
            raise ValidationError(
                {
                    "corrected_value": _(
                        "Summa ”%(text)s” ei ole euromäärä; kirjoita esimerkiksi 123 750 tai 123750,00."
                    )
                    % {"text": text}
                }
            )
        return f"{amount:.2f}"
    if value.name in _DATE_FIELDS:
        if value.name != "decision_date" and text.isdigit() and len(text) == 4:
            return text
        parsed = parse_date(text)
        if parsed is None:
            raise ValidationError(
                {
                    "corrected_value": _(
                        "Päivämäärä ”%(text)s” ei kelpaa; kirjoita muodossa 14.12.2023."
                    )
                    % {"text": text}
                }
            )
        return parsed.isoformat()
    _validate_as_its_service_would(value, text, label)
    return text


def _validate_as_its_service_would(value: ExtractedValue, text: str, label: str) -> None:
    """Check a corrected text with the rules of the record field it will be written to (the
    model field's length, choices and validators, which the field's service applies through
    full_clean), so a 400-digit diary number is refused here, with the field's name, and not
    when the records are written."""
    if value.group == ExtractedValue.Group.ORGANISATION:
        model_field, converted = Organisation._meta.get_field("name"), text
    elif value.name in DECISION_FIELDS:
        model_field = Decision._meta.get_field(DECISION_FIELDS[value.name])
        converted = decision_value(_Corrected(value, text))
    elif value.name in ENTITY_FIELDS:
        model_field = ProjectEntity._meta.get_field(ENTITY_FIELDS[value.name])
        converted = entity_field(_Corrected(value, text))[model_field.name]
    else:
        return
    try:
        model_field.clean(converted, None)
    except ValidationError as error:
        raise ValidationError(
            {"corrected_value": f"{label}: {' '.join(error.messages)}"}
        ) from error


class _Corrected:
    """An extracted value as it would be with the correction (for the conversions)."""

    def __init__(self, value: ExtractedValue, text: str) -> None:
        self.name, self.effective_value = value.name, text


@service
def extracted_value_correct(*, actor, value: ExtractedValue, corrected: str) -> ExtractedValue:
    _refuse_if_applied(value)
    value.corrected_value = normalise_correction(value, corrected)
    value.status = Status.CORRECTED
    value.error = ""
    save_validated(value, update_fields=["status", "corrected_value", "error"])
    return value


@service
def extraction_targets_set(
    *,
    actor,
    extraction: Extraction,
    organisation=None,
    entity=None,
    application=None,
    decision=None,
) -> Extraction:
    """The records the review writes into, as the person chose them (None: make new ones)."""
    if application is not None and entity is not None and application.entity_id != entity.pk:
        raise ValidationError({"application": _("Valittu hakemus ei kuulu valittuun hankkeeseen.")})
    extraction.organisation = organisation
    extraction.entity = entity
    extraction.application = application
    extraction.decision = decision
    save_validated(extraction, update_fields=["organisation", "entity", "application", "decision"])
    return extraction


@service
def extraction_delete(*, actor, extraction: Extraction) -> None:
    """Forget a reading (the wrong file, a test upload) with its values; the document and
    the records already written from it stay."""
    delete_recorded(extraction)
