"""The common reporting form a call's impact framework generates: level → outcome → indicator.

Why generated: Helsingin malli follows every project with the same three-level framework and
common reporting materials (seed 004), so the form is not drawn per project but read from the
call's levels, outcomes and indicators, plus the indicators a part has a target for or its own.
The same grouping lays out the applicant's targets form.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models import IndicatorKind
from .services import NARRATIVE_MAX_LENGTH


def plain(number) -> str:
    """A stored figure as a person writes it: 120, 4, 12,5 (not 120.00)."""
    if number is None:
        return ""
    if number == number.to_integral_value():
        return str(int(number))
    return str(number.normalize()).replace(".", ",")


@dataclass
class Row:
    indicator: object
    value: str = ""
    target: object = None
    baseline: object = None
    breakdowns: list = field(default_factory=list)  # [(breakdown, [(category, name, value)])]

    @property
    def field_name(self) -> str:
        return f"value-{self.indicator.pk}"

    @property
    def is_narrative(self) -> bool:
        return self.indicator.kind == IndicatorKind.NARRATIVE

    @property
    def is_scale(self) -> bool:
        return self.indicator.kind == IndicatorKind.SCALE

    @property
    def max_length(self) -> int:
        return NARRATIVE_MAX_LENGTH

    @property
    def hint(self) -> str:
        indicator = self.indicator
        if indicator.kind == IndicatorKind.SCALE:
            return _("asteikko %(min)s–%(max)s") % {
                "min": plain(indicator.scale_min),
                "max": plain(indicator.scale_max),
            }
        if indicator.kind == IndicatorKind.NARRATIVE:
            return _("lyhyt kuvaus, enintään %(n)s merkkiä") % {"n": NARRATIVE_MAX_LENGTH}
        return _("luku, yksikkö: %(unit)s") % {"unit": indicator.unit or "–"}


@dataclass
class OutcomeGroup:
    name: str
    rows: list = field(default_factory=list)


@dataclass
class LevelGroup:
    name: str
    outcomes: list = field(default_factory=list)


def breakdown_fields(indicators, *, stored=None, posted=None) -> dict:
    """{indicator pk: [(breakdown, [(category, field name, value)])]} of the indicators that
    take breakdowns; values from the form just posted, or else the ones stored."""
    from .models import BreakdownCategory, Indicator

    stored = stored or {}
    links = Indicator.breakdowns.through.objects.filter(indicator__in=indicators)
    taken: dict = {}
    for indicator_pk, breakdown_pk in links.values_list("indicator_id", "breakdown_id"):
        taken.setdefault(breakdown_pk, []).append(indicator_pk)
    found: dict = {}
    for category in BreakdownCategory.objects.filter(breakdown_id__in=taken).select_related(
        "breakdown"
    ):
        for indicator_pk in taken[category.breakdown_id]:
            name = f"breakdown-{indicator_pk}-{category.pk}"
            if posted is not None:
                value = posted.get(name, "")
            else:
                value = stored.get((indicator_pk, category.pk), "")
            splits = found.setdefault(indicator_pk, {})
            splits.setdefault(category.breakdown, []).append((category, name, value))
    return {pk: list(splits.items()) for pk, splits in found.items()}


def group(indicators, *, values=None, targets=None, breakdowns=None) -> list[LevelGroup]:
    """The indicators laid out by level and outcome, in the framework's order; indicators
    without a level (ESF+ common indicators, a part's own) come last under one heading."""
    values = values or {}
    targets = targets or {}
    breakdowns = breakdowns or {}
    levels: dict = {}
    for indicator in indicators:
        level = indicator.level
        key = (level is None, level.order if level else 0, level.pk if level else 0)
        lg = levels.setdefault(key, LevelGroup(level.name if level else _("Muut indikaattorit")))
        outcome_name = indicator.outcome.name if indicator.outcome_id else ""
        og = next((o for o in lg.outcomes if o.name == outcome_name), None)
        if og is None:
            og = OutcomeGroup(outcome_name)
            lg.outcomes.append(og)
        target = targets.get(indicator.pk)
        og.rows.append(
            Row(
                indicator,
                value=values.get(indicator.pk, ""),
                target=target,
                baseline=getattr(target, "baseline", None),
                breakdowns=breakdowns.get(indicator.pk, []),
            )
        )
    return [levels[key] for key in sorted(levels)]
