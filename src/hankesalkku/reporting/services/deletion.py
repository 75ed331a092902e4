"""Why a framework item cannot be deleted: what has been reported on it must keep meaning what
it meant when it was reported and accepted, and what an applicant promised in its targets must
keep the indicator it was promised for. The refusal counts the values and targets, so the
officer knows what holds the item."""

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from hankesalkku.programmes.models import ImpactLevel

from ..models import Indicator, Outcome, ReportValue, Target


def held_by(item) -> tuple[list[Indicator], bool]:
    """(the indicators whose reported values hold `item`, whether they are deleted with it).
    A level takes its indicators with it; an outcome's stay on the level without it; an
    indicator is itself. Only indicators that go can be held by an applicant's targets."""
    if isinstance(item, ImpactLevel):
        return list(Indicator.objects.filter(level=item)), True
    if isinstance(item, Outcome):
        return list(item.indicators.all()), False
    return [item], True


def holding(indicators) -> tuple[int, int]:
    """(reported values, targets) of the indicators."""
    pks = [i.pk for i in indicators]
    return (
        ReportValue.objects.filter(indicator_id__in=pks).count(),
        Target.objects.filter(indicator_id__in=pks).count(),
    )


def refuse_if_reported(item, indicators=None, *, targets_hold: bool | None = None) -> None:
    """Refuse deleting `item` (a level, an outcome, an indicator) while reports or targets
    hold it, with the count of each; `indicators` and `targets_hold` as `held_by` gives them,
    when the caller has them already."""
    if indicators is None:
        indicators, targets_hold = held_by(item)
    values, targets = holding(indicators)
    if values:
        raise ValidationError(
            ngettext(
                "”%(item)s” ei poistettu: siitä on raportoitu %(count)s arvo. Raportoitu luku "
                "menettäisi merkityksensä; muuta tarvittaessa nimeä tai kuvausta.",
                "”%(item)s” ei poistettu: siitä on raportoitu %(count)s arvoa. Raportoidut luvut "
                "menettäisivät merkityksensä; muuta tarvittaessa nimeä tai kuvausta.",
                values,
            )
            % {"item": item, "count": values},
            code="reported",
        )
    if targets and targets_hold:
        raise ValidationError(
            ngettext(
                "”%(item)s” ei poistettu: hakija on asettanut sille %(count)s tavoitteen.",
                "”%(item)s” ei poistettu: hakijat ovat asettaneet sille %(count)s tavoitetta.",
                targets,
            )
            % {"item": item, "count": targets},
            code="targeted",
        )


def deletion_preview(item) -> tuple[str, list[str]]:
    """What the confirmation says before anything is deleted: what goes with the item (a
    level's indicators), or '', and why it cannot be deleted, or []."""
    indicators, deleted_with = held_by(item)
    try:
        refuse_if_reported(item, indicators, targets_hold=deleted_with)
    except ValidationError as error:
        refusal = list(error.messages)
    else:
        refusal = []
    count = len(indicators) if isinstance(item, ImpactLevel) else 0
    effects = (
        ngettext(
            "Mukana poistuu %(count)s indikaattori.",
            "Mukana poistuu %(count)s indikaattoria.",
            count,
        )
        % {"count": count}
        if count
        else ""
    )
    return effects, refusal
