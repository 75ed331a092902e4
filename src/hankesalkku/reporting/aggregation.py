"""Results of a call, per framework level, indicator and district: one computation for the
impact page and the impact study PDF, so the two can never tell different figures.

Only accepted reports count. Quantities are summed, scales given as a distribution and mean,
narratives listed; targets are the parts' targets summed, progress the share achieved.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from django.utils.translation import gettext as _

from hankesalkku.projects.models import Application, ApplicationStatus

from .models import (
    DistrictValue,
    Indicator,
    IndicatorKind,
    PartDistrict,
    ReportStatus,
    ReportValue,
    Target,
)


@dataclass
class IndicatorResult:
    indicator: Indicator
    total: Decimal | None = None
    target: Decimal | None = None
    distribution: dict = field(default_factory=dict)
    mean: Decimal | None = None
    narratives: list = field(default_factory=list)
    by_district: dict = field(default_factory=dict)
    breakdowns: list = field(default_factory=list)  # [(breakdown, [(category, total)])]

    @property
    def progress(self) -> Decimal | None:
        """Share of the target achieved (0.5 = half), None without a target."""
        if self.total is None or not self.target:
            return None
        return (self.total / self.target).quantize(Decimal("0.01"))


@dataclass
class LevelResult:
    name: str
    order: int
    indicators: list


def funded_parts(call=None, district=None, *, entities=None):
    """The funded parts of a call, or of any set of project entities (an overview selection:
    `ProjectEntity.objects.in_selection`), optionally only those working in one district."""
    parts = Application.objects.filter(status=ApplicationStatus.FUNDED)
    if call is not None:
        parts = parts.filter(entity__call=call)
    if entities is not None:
        parts = parts.filter(entity__in=entities)
    if district is not None:
        parts = parts.filter(reporting_districts__district=district)
    return parts.distinct()


def _result(indicator, values, targets, districts_of) -> IndicatorResult:
    result = IndicatorResult(indicator)
    mine = [v for v in values if v.indicator_id == indicator.pk]
    goal = [t.target for t in targets if t.indicator_id == indicator.pk]
    result.target = sum(goal, Decimal(0)) if goal else None
    numbers = [v for v in mine if v.number is not None]
    if indicator.kind == IndicatorKind.NARRATIVE:
        result.narratives = [
            (v.report.application.organisation.name, str(v.report.period), v.text)
            for v in mine
            if v.text
        ]
    elif indicator.kind == IndicatorKind.SCALE:
        result.distribution = dict(sorted(Counter(v.number for v in numbers).items()))
        if numbers:
            mean = sum((v.number for v in numbers), Decimal(0)) / len(numbers)
            result.mean = mean.quantize(Decimal("0.01"))
    else:
        result.total = sum((v.number for v in numbers), Decimal(0)) if numbers else None
        for v in numbers:
            for name in districts_of.get(v.report.application_id, [_("ei kaupunginosaa")]):
                result.by_district[name] = result.by_district.get(name, Decimal(0)) + v.number
        if list(result.by_district) == [_("ei kaupunginosaa")]:
            result.by_district = {}  # no part names a district: nothing to break down
        result.breakdowns = _breakdowns(numbers)
    return result


def _breakdowns(values) -> list[tuple[str, list[tuple[str, int]]]]:
    """Each breakdown's categories summed over the values, in the reference data's order;
    only the categories reported by some value (every category when any value is split)."""
    sums: dict = {}
    for value in values:
        for figure in value.breakdown_values.all():
            sums[figure.category] = sums.get(figure.category, 0) + figure.number
    grouped: dict = {}
    for category in sorted(sums, key=lambda c: (c.breakdown.order, c.breakdown_id, c.order)):
        grouped.setdefault(category.breakdown.name, []).append((category.name, sums[category]))
    return list(grouped.items())


def aggregate(call=None, *, level=None, district=None, entities=None) -> list[LevelResult]:
    """Results grouped by framework level (indicators without a level last), of one call or of
    the entities of a selection (theme, programme, ...), optionally one district or level."""
    parts = funded_parts(call, district, entities=entities)
    values = list(
        ReportValue.objects.filter(
            report__application__in=parts, report__status=ReportStatus.ACCEPTED
        )
        .select_related("report__period", "report__application__organisation")
        .prefetch_related("breakdown_values__category__breakdown")
    )
    targets = list(Target.objects.filter(application__in=parts))
    used = {v.indicator_id for v in values} | {t.indicator_id for t in targets}
    indicators = Indicator.objects.filter(pk__in=used)
    if call is not None:
        indicators = indicators | Indicator.objects.of_call(call)
    if level is not None:
        indicators = indicators.filter(level=level)
    districts_of: dict[int, list[str]] = {}
    for link in PartDistrict.objects.filter(application__in=parts).select_related("district"):
        districts_of.setdefault(link.application_id, []).append(link.district.name)
    groups: dict = {}
    for indicator in indicators.select_related("level").distinct().order_by("code", "name"):
        key = indicator.level or None
        groups.setdefault(key, []).append(_result(indicator, values, targets, districts_of))
    ordered = sorted(
        groups.items(),
        key=lambda kv: (
            kv[0] is None,
            kv[0].framework_id if kv[0] else 0,
            kv[0].order if kv[0] else 0,
        ),
    )
    return [
        LevelResult(lvl.name if lvl else _("Muut indikaattorit"), lvl.order if lvl else 999, res)
        for lvl, res in ordered
    ]


@dataclass
class MeasureComparison:
    name: str
    unit: str
    median: Decimal | None
    rows: list  # (district name, value, year, source, illustrative, difference to the median)
    count: int = 0  # how many of the city's districts the median is taken over


def district_comparison(call) -> list[MeasureComparison]:
    """Each measure's latest value in the call's target districts beside the city's median."""
    targets = list(call.target_districts.all())
    municipalities = {d.municipality for d in targets}
    latest: dict = {}
    for value in DistrictValue.objects.filter(
        district__municipality__in=municipalities
    ).select_related("district", "measure"):
        key = (value.measure, value.district_id)
        if key not in latest or latest[key].year < value.year:
            latest[key] = value
    by_measure: dict = {}
    for (measure, _district), value in latest.items():
        by_measure.setdefault(measure, []).append(value)
    comparisons = []
    for measure, items in sorted(by_measure.items(), key=lambda kv: kv[0].name):
        middle = median([v.value for v in items])
        rows = [
            (v.district.name, v.value, v.year, v.source, v.is_illustrative, v.value - middle)
            for v in items
            if v.district in targets
        ]
        comparisons.append(
            MeasureComparison(measure.name, measure.unit, middle, rows, count=len(items))
        )
    return comparisons


def parts_per_district(call) -> dict[str, list[str]]:
    """The funded parts working in each target district, by name."""
    found: dict[str, list[str]] = {d.name: [] for d in call.target_districts.all()}
    for link in PartDistrict.objects.filter(application__in=funded_parts(call)).select_related(
        "district", "application__entity"
    ):
        found.setdefault(link.district.name, []).append(link.application.entity.name)
    return found


def target_rationales(call) -> list[tuple]:
    """(district, rationale or "", TargetDistrict or None) for each of the call's target districts."""
    from .models import TargetDistrict

    recorded = {t.district_id: t for t in TargetDistrict.objects.filter(call=call)}
    return [
        (d, recorded[d.pk].rationale if d.pk in recorded else "", recorded.get(d.pk))
        for d in call.target_districts.order_by("name")
    ]


def final_answers(call) -> list[tuple]:
    """(question, [(organisation, period, answer)]) of the call's accepted final reports, in
    the order the call asks its questions."""
    from .models import FinalReportAnswer

    answers: dict = {q: [] for q in call.final_report_questions.all()}
    for answer in FinalReportAnswer.objects.filter(
        question__call=call,
        report__status=ReportStatus.ACCEPTED,
        report__application__in=funded_parts(call),
    ).select_related("question", "report__period", "report__application__organisation"):
        if answer.text:
            answers.setdefault(answer.question, []).append(
                (
                    answer.report.application.organisation.name,
                    str(answer.report.period),
                    answer.text,
                )
            )
    return list(answers.items())
