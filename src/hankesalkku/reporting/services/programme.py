"""Writes of a programme's own indicators: the monitoring figures every call of the programme
follows beside the ESF+ common indicators (LIFECYCLE: "plus the programme's and the project's
own indicators").

A programme's calls have frameworks of their own (or none), so a programme's indicator sits on
no level or outcome: it is reported and aggregated under the calls' other indicators. Once
reported on it keeps its kind and unit, like a call's own (`framework.check_locked`).
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
from hankesalkku.programmes.models import Programme

from ..models import Indicator, IndicatorKind
from .deletion import refuse_if_reported
from .framework import check_locked


def _check_fields(fields: dict, indicator: Indicator | None = None) -> None:
    for name in ("level", "outcome"):
        if fields.get(name) is not None:
            raise ValidationError(
                {name: _("Ohjelman indikaattori ei kuulu minkään haun kehyksen tasoon.")}
            )
        fields.pop(name, None)
    if indicator is not None:
        check_locked(indicator, fields)
    kind = fields.get("kind", getattr(indicator, "kind", IndicatorKind.QUANTITATIVE))
    if kind != IndicatorKind.SCALE:
        fields["scale_min"] = fields["scale_max"] = None


def _own(programme: Programme, indicator: Indicator) -> None:
    if indicator.programme_id != programme.pk:
        raise ValidationError(_("Indikaattori ei ole tämän ohjelman oma."))


@service
def programme_indicator_create(*, actor, programme: Programme, name: str, **fields) -> Indicator:
    """An indicator of the programme's own, which each of its calls' reports then asks for."""
    _check_fields(fields)
    return record_create(Indicator, name=name, programme=programme, **fields)


@service
def programme_indicator_update(
    *,
    actor,
    programme: Programme,
    indicator: Indicator,
    expected_version: int | None = None,
    **changes,
) -> Indicator:
    """A programme indicator's fields; a stale form is refused, a reported one keeps its kind
    and unit."""
    _own(programme, indicator)
    check_version(indicator, expected_version)
    _check_fields(changes, indicator)
    return record_update(indicator, changes, expected_version)


@service
def programme_indicator_delete(
    *,
    actor,
    programme: Programme,
    indicator: Indicator,
    expected_version: int | None = None,
) -> None:
    """A programme indicator nobody has reported on or set a target for."""
    _own(programme, indicator)
    check_version(indicator, expected_version)
    refuse_if_reported(indicator)
    delete_recorded(indicator)
