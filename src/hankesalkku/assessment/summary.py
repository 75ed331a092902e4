"""Reading the assessment: summaries per application, the call's ranking, and its funnel.

Only submitted scores count: drafts are the assessor's own. These are plain reads; who may see
them is decided by the caller through `permissions.py`.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, Sum

from hankesalkku.projects.models import ApplicationStatus, ProjectStatus

from .models import Criterion, FundingDecision, FundingOutcome, Score

DISAGREEMENT_POINTS = 2
"""Scores of one criterion this far apart are flagged for the assessors to discuss."""

_CENT = Decimal("0.01")


@dataclass
class Summary:
    application: object
    criteria: list
    by_assessor: dict = field(default_factory=dict)  # assessor → {criterion_id: value}
    weighted: dict = field(default_factory=dict)  # assessor → weighted total
    means: dict = field(default_factory=dict)  # criterion_id → mean value
    disagreements: list = field(default_factory=list)  # criteria whose scores differ ≥ 2

    @property
    def assessed(self) -> bool:
        """At least one assessor has submitted a score for every criterion."""
        ids = {c.pk for c in self.criteria}
        return bool(ids) and any(set(v) >= ids for v in self.by_assessor.values())

    @property
    def rows(self) -> list[dict]:
        """One row per assessor: the values in the criteria's order and the weighted total."""
        return [
            {
                "assessor": assessor,
                "values": [values.get(c.pk) for c in self.criteria],
                "weighted": self.weighted[assessor],
            }
            for assessor, values in self.by_assessor.items()
        ]

    @property
    def mean_row(self) -> list[tuple]:
        flagged = {c.pk for c in self.disagreements}
        return [(c, self.means.get(c.pk), c.pk in flagged) for c in self.criteria]

    @property
    def weighted_total(self) -> Decimal | None:
        if not self.weighted:
            return None
        mean = sum(self.weighted.values(), Decimal("0")) / len(self.weighted)
        return mean.quantize(_CENT, ROUND_HALF_UP)


def summarise(application, criteria=None) -> Summary:
    criteria = list(criteria or Criterion.objects.filter(call_id=application.entity.call_id))
    weights = {c.pk: c.weight for c in criteria}
    summary = Summary(application=application, criteria=criteria)
    scores = Score.objects.filter(application=application, submitted_at__isnull=False)
    for score in scores.select_related("assessor"):
        summary.by_assessor.setdefault(score.assessor, {})[score.criterion_id] = score.value
    for assessor, values in summary.by_assessor.items():
        summary.weighted[assessor] = sum(
            (weights[cid] * value for cid, value in values.items()), Decimal("0")
        )
    for criterion in criteria:
        values = [v[criterion.pk] for v in summary.by_assessor.values() if criterion.pk in v]
        if values:
            summary.means[criterion.pk] = (Decimal(sum(values)) / len(values)).quantize(_CENT)
            if max(values) - min(values) >= DISAGREEMENT_POINTS:
                summary.disagreements.append(criterion)
    return summary


def fully_scored_ids(application_ids, call_ids) -> set[int]:
    """Applications with one assessor's submitted score for every criterion of their call,
    in two grouped queries however many applications there are."""
    from django.db.models import Count

    criteria = dict(
        Criterion.objects.filter(call_id__in=call_ids)
        .values("call_id")
        .annotate(n=Count("pk"))
        .values_list("call_id", "n")
    )
    rows = (
        Score.objects.filter(application_id__in=application_ids, submitted_at__isnull=False)
        .values("application_id", "application__entity__call_id", "assessor_id")
        .annotate(n=Count("criterion_id", distinct=True))
    )
    return {
        r["application_id"]
        for r in rows
        if criteria.get(r["application__entity__call_id"])
        and r["n"] >= criteria[r["application__entity__call_id"]]
    }


def is_assessed(application) -> bool:
    return summarise(application).assessed


def decided_support(call) -> Decimal:
    """Support granted so far in the call's funding decisions (approved budgets in force)."""
    from hankesalkku.decisions.budgets import ApprovedBudget

    total = ApprovedBudget.objects.filter(
        in_force=True,
        application__entity__call=call,
        application__funding_decision__outcome=FundingOutcome.FUNDED,
    ).aggregate(total=Sum("support"))["total"]
    return total or Decimal("0")


def remaining_budget(call) -> Decimal | None:
    return None if call.budget is None else call.budget - decided_support(call)


@dataclass
class RankRow:
    entity: object
    score: Decimal | None
    requested: Decimal
    running: Decimal
    within_budget: bool
    summaries: list


def ranking(call) -> list[RankRow]:
    """The call's eligible entities by weighted score, best first, with the running sum of the
    support they ask for against the call's budget: the line where the money runs out."""
    from hankesalkku.projects.models import ProjectEntity

    criteria = list(Criterion.objects.filter(call=call))
    rows = []
    entities = ProjectEntity.objects.filter(
        call=call,
        applications__status__in=[
            ApplicationStatus.ELIGIBLE,
            ApplicationStatus.FUNDED,
            ApplicationStatus.DECLINED,
        ],
    ).distinct()
    for entity in entities:
        summaries = [summarise(a, criteria) for a in entity.applications.all()]
        totals = [s.weighted_total for s in summaries if s.weighted_total is not None]
        score = (sum(totals, Decimal("0")) / len(totals)).quantize(_CENT) if totals else None
        requested = sum((a.support or Decimal("0") for a in entity.applications.all()), Decimal(0))
        rows.append([entity, score, requested, summaries])
    rows.sort(key=lambda r: (r[1] is None, -(r[1] or 0), r[0].name))
    running, result = Decimal("0"), []
    for entity, score, requested, summaries in rows:
        running += requested
        within = call.budget is None or running <= call.budget
        result.append(RankRow(entity, score, requested, running, within, summaries))
    return result


FUNNEL_STEPS = ("received", "eligible", "assessed", "selected", "funded")
REPORTED_METRIC = {
    "received": "applications_received",
    "eligible": "eligible",
    "selected": "selected",
    "funded": "funded_projects",
}


def funnel(call) -> list[dict]:
    """Received → eligible → assessed → selected → funded, counted from the call's records,
    each beside the figure reported for it (where one is) and whether the two differ."""
    from hankesalkku.projects.models import Application

    applications = Application.objects.filter(entity__call=call)
    received = applications.exclude(status__in=[ApplicationStatus.DRAFT, ApplicationStatus.READY])
    eligible = applications.filter(
        status__in=[
            ApplicationStatus.ELIGIBLE,
            ApplicationStatus.FUNDED,
            ApplicationStatus.DECLINED,
        ]
    )
    counts = {
        "received": received.count(),
        "eligible": eligible.count(),
        "assessed": len(fully_scored_ids(eligible.values("pk"), [call.pk])),
        "selected": applications.filter(
            Q(entity__selection__selected=True) | Q(entity__status__in=ProjectStatus.funded())
        ).count(),
        "funded": FundingDecision.objects.filter(
            application__entity__call=call, outcome=FundingOutcome.FUNDED
        ).count(),
    }
    reported = {
        f.metric: f
        for f in call.reported_figures.filter(label="", sector__isnull=True).order_by("as_of")
    }
    steps = []
    for step in FUNNEL_STEPS:
        figure = reported.get(REPORTED_METRIC.get(step, ""))
        steps.append(
            {
                "step": step,
                "counted": counts[step],
                "reported": figure,
                "differs": figure is not None and figure.value != counts[step],
            }
        )
    return steps
