"""Writes of a call's impact framework from its page: the framework itself, its levels, the
outcomes per level, the indicators per outcome and the final report's questions.

Levels and frameworks are programmes' records (a framework may be shared by calls), written
through programmes' services; what reporting adds is that each write stays inside the call's
own framework, and that an indicator somebody has already reported on keeps its kind and unit:
changing either would make the figures already accepted mean something else.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.services import (
    check_version,
    delete_recorded,
    record_create,
    record_update,
    service,
)
from hankesalkku.programmes import services as programme_services
from hankesalkku.programmes.models import ImpactLevel

from ..models import FinalReportQuestion, Indicator, IndicatorKind, Outcome
from .deletion import held_by, refuse_if_reported

LOCKED_WHEN_REPORTED = ("kind", "unit")
"""An indicator's fields that stay as they are once a report has a value for it."""


def is_reported(indicator) -> bool:
    return indicator.pk is not None and indicator.values.exists()


def _own_level(call, level):
    if level is None or call.impact_framework_id is None:
        return
    if level.framework_id != call.impact_framework_id:
        raise ValidationError({"level": _("Taso ei kuulu haun vaikuttavuuskehykseen.")})


@service
def call_framework_create(*, actor, call, name):
    """A framework of the call's own, when the call has none yet."""
    if call.impact_framework_id is not None:
        raise ValidationError(_("Haulla on jo vaikuttavuuskehys."))
    if not str(name or "").strip():
        raise ValidationError({"name": _("Anna kehykselle nimi.")})
    framework = programme_services.impact_framework_create(actor=actor, name=name.strip())
    programme_services.call_update(actor=actor, call=call, impact_framework=framework)
    return framework


@service
def call_level_create(*, actor, call, name, order):
    if call.impact_framework_id is None:
        raise ValidationError(_("Luo haulle ensin vaikuttavuuskehys."))
    return programme_services.impact_level_create(
        actor=actor, framework=call.impact_framework, order=order, name=name
    )


@service
def call_level_update(*, actor, call, level, expected_version=None, **changes):
    """A level's name or order; a stale form is refused (`expected_version`)."""
    _own_level(call, level)
    return programme_services.impact_level_update(
        actor=actor, level=level, expected_version=expected_version, **changes
    )


@service
def call_level_delete(*, actor, call, level: ImpactLevel, expected_version: int | None = None):
    """A level with its outcomes and the indicators on it, unless any of them has been
    reported on: the indicators go too, as without the level the framework page and the
    report form would no longer place them."""
    _own_level(call, level)
    check_version(level, expected_version)
    indicators, deleted_with = held_by(level)
    refuse_if_reported(level, indicators, targets_hold=deleted_with)
    for indicator in indicators:
        delete_recorded(indicator)
    programme_services.impact_level_delete(actor=actor, level=level)


@service
def outcome_delete(*, actor, call, outcome: Outcome, expected_version: int | None = None):
    """An outcome of the call's framework, unless its indicators have been reported on; its
    indicators stay on the level, without an outcome."""
    _own_level(call, outcome.level)
    check_version(outcome, expected_version)
    refuse_if_reported(outcome)
    delete_recorded(outcome)


@service
def outcome_update(*, actor, outcome, expected_version=None, **changes):
    """An outcome's name, description or level; a stale form is refused (`expected_version`)."""
    return record_update(outcome, changes, expected_version)


def check_indicator_fields(call, fields, indicator=None) -> None:
    """What holds for a call's own indicator however it is written: its level and outcome are
    the call's, the outcome on the level, and a reported indicator keeps its kind and unit."""
    level = fields.get("level", getattr(indicator, "level", None))
    outcome = fields.get("outcome", getattr(indicator, "outcome", None))
    _own_level(call, level)
    if outcome is not None and (level is None or outcome.level_id != level.pk):
        raise ValidationError({"outcome": _("Tavoiteltu muutos kuuluu toiselle tasolle.")})
    if indicator is not None:
        check_locked(indicator, fields)
    kind = fields.get("kind", getattr(indicator, "kind", IndicatorKind.QUANTITATIVE))
    if kind != IndicatorKind.SCALE:
        fields.setdefault("scale_min", None)
        fields.setdefault("scale_max", None)


def check_locked(indicator, changes) -> None:
    """A reported indicator keeps its kind and unit; every other field may still change."""
    if is_reported(indicator):
        changed = [
            name
            for name in LOCKED_WHEN_REPORTED
            if name in changes and (changes[name] or "") != (getattr(indicator, name) or "")
        ]
        if changed:
            raise ValidationError(
                _(
                    "%(indicator)s: indikaattorista on jo raportoitu, joten sen lajia ja "
                    "yksikköä ei voi muuttaa (raportoidut luvut muuttaisivat merkitystään). "
                    "Luo tarvittaessa uusi indikaattori."
                )
                % {"indicator": indicator}
            )


@service
def call_indicator_create(*, actor, call, name, **fields):
    """The call's own indicator on its framework, from the framework page."""
    check_indicator_fields(call, fields)
    return record_create(Indicator, name=name, call=call, **fields)


@service
def call_indicator_update(*, actor, call, indicator, expected_version=None, **changes):
    if indicator.call_id != call.pk:
        raise ValidationError(_("Indikaattori ei ole tämän haun oma."))
    check_indicator_fields(call, changes, indicator)
    return record_update(indicator, changes, expected_version)


@service
def call_indicator_delete(
    *, actor, call, indicator: Indicator, expected_version: int | None = None
) -> None:
    """The call's own indicator, unless a report has a value for it or a part a target."""
    if indicator.call_id != call.pk:
        raise ValidationError(_("Indikaattori ei ole tämän haun oma."))
    check_version(indicator, expected_version)
    refuse_if_reported(indicator)
    delete_recorded(indicator)


@service
def final_report_question_create(*, actor, call, text, order=1):
    return record_create(FinalReportQuestion, call=call, text=text, order=order)


@service
def final_report_question_update(*, actor, question, expected_version=None, **changes):
    return record_update(question, changes, expected_version)
