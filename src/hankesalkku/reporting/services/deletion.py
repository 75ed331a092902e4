"""Why a framework item cannot be deleted: what has been reported on it must keep meaning what
it meant when it was reported and accepted, and what an applicant promised in its targets must
keep the indicator it was promised for. The refusal counts the values and targets, so the
officer knows what holds the item."""

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from ..models import ReportValue, Target


def holding(indicators) -> tuple[int, int]:
    """(reported values, targets) of the indicators."""
    pks = [i.pk for i in indicators]
    return (
        ReportValue.objects.filter(indicator_id__in=pks).count(),
        Target.objects.filter(indicator_id__in=pks).count(),
    )


def refuse_if_reported(item, indicators, *, targets_hold: bool = True) -> None:
    """Refuse deleting `item` (a level, an outcome, an indicator) while reports or targets
    hold any of `indicators`, with the count of each (targets only where the indicators go
    with the item)."""
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


def deletion_effects(indicators) -> str:
    """What the confirmation says goes with an item (its indicators), or ''."""
    count = len(indicators)
    if not count:
        return ""
    return ngettext(
        "Mukana poistuu %(count)s indikaattori.", "Mukana poistuu %(count)s indikaattoria.", count
    ) % {"count": count}
