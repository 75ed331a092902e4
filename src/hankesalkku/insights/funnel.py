"""Call funnels and reported figures: what was said about a call or theme, beside what the
records count.

Reported figures are shown exactly as reported, each with its source sentence; the counted
figures next to them let a reader see whether the records are complete. They are allowed to
differ (assessment still under way, records still being entered) and the page says so.

Counted steps, from the entities' statuses (the records hold no "met the general criteria"
step, so that step is only ever reported):
- received: every entity that was submitted (all statuses except planned and withdrawn);
- selected: selected, in implementation or closed (ProjectStatus.funded());
- funded: in implementation or closed (a funding decision has been made and work is running).
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse

from hankesalkku.core.i18n import localized
from hankesalkku.programmes.models import Call, FigureMetric, ReportedFigure
from hankesalkku.projects.models import Application, ProjectEntity, ProjectStatus
from hankesalkku.sources.models import SourceReference

from .selection import Selection

MAX_CALLS = 12
NOT_RECEIVED = (ProjectStatus.PLANNED, ProjectStatus.WITHDRAWN)
FUNDED_RUNNING = (ProjectStatus.IN_IMPLEMENTATION, ProjectStatus.CLOSED)
STEPS = (
    ("received", (FigureMetric.ENTITIES_RECEIVED, FigureMetric.APPLICATIONS_RECEIVED)),
    ("eligible", (FigureMetric.ELIGIBLE,)),
    ("selected", (FigureMetric.SELECTED,)),
    ("funded", (FigureMetric.FUNDED_ENTITIES, FigureMetric.FUNDED_PROJECTS)),
)
# Metrics whose counted twin counts applications rather than entities.
APPLICATION_METRICS = {FigureMetric.APPLICATIONS_RECEIVED, FigureMetric.FUNDED_PROJECTS}


def source_url(ref: SourceReference) -> str:
    return reverse("sources:source", args=[ref.pk]) + "#lainaus"


def _sources(refs: dict, figure) -> list[dict]:
    return [
        {"document": r.document.title, "quote": r.quote, "url": source_url(r)}
        for r in refs.get((ReportedFigure, figure.pk, "value"), [])
    ]


def relevant_calls(selection: Selection):
    if selection.call:
        return Call.objects.filter(pk=selection.call.pk)
    if selection.theme:
        return Call.objects.filter(theme=selection.theme)
    if selection.programme:
        return Call.objects.filter(programme=selection.programme)
    ids = selection.entities().order_by().values("call_id")
    return Call.objects.filter(Q(pk__in=ids) | Q(reported_figures__isnull=False)).distinct()


def build_funnel(selection: Selection, language: str = "fi") -> list[dict]:
    """One funnel per call (reported and counted figures side by side); independent of the
    status filter, since a funnel is about every status by nature."""
    calls = list(relevant_calls(selection).order_by("opens", "name")[:MAX_CALLS])
    if not calls:
        return []
    figures = list(
        ReportedFigure.objects.filter(call__in=calls, sector__isnull=True, label="").order_by(
            "as_of", "metric"
        )
    )
    refs = SourceReference.objects.for_objects(figures)
    entities = ProjectEntity.objects.filter(call__in=calls).order_by()
    counted = {
        row["call_id"]: row
        for row in entities.values("call_id").annotate(
            received=Count("pk", filter=~Q(status__in=NOT_RECEIVED)),
            selected=Count("pk", filter=Q(status__in=ProjectStatus.funded())),
            funded=Count("pk", filter=Q(status__in=FUNDED_RUNNING)),
        )
    }
    apps = {
        row["entity__call_id"]: row
        for row in Application.objects.filter(entity__call__in=calls)
        .order_by()
        .values("entity__call_id")
        .annotate(
            received=Count("pk", filter=~Q(entity__status__in=NOT_RECEIVED)),
            selected=Count("pk", filter=Q(entity__status__in=ProjectStatus.funded())),
            funded=Count("pk", filter=Q(entity__status__in=FUNDED_RUNNING)),
        )
    }
    result = []
    for call in calls:
        call_figures = [f for f in figures if f.call_id == call.pk]
        count = counted.get(call.pk, {})
        app_count = apps.get(call.pk, {})
        steps = []
        for step, metrics in STEPS:
            reported = [
                {
                    "metric": f.metric,
                    "label": str(f.get_metric_display()),
                    "value": f.value,
                    "as_of": f.as_of.isoformat() if f.as_of else None,
                    "note": f.note,
                    "counts_applications": f.metric in APPLICATION_METRICS,
                    "sources": _sources(refs, f),
                }
                for f in call_figures
                if f.metric in metrics
            ]
            steps.append(
                {
                    "step": step,
                    "reported": reported,
                    "counted_entities": count.get(step) if step != "eligible" else None,
                    "counted_applications": app_count.get(step) if step != "eligible" else None,
                }
            )
        if not call_figures and not count:
            continue
        result.append(
            {
                "call": localized(call, "name", language),
                "slug": call.slug,
                "opens": call.opens.isoformat() if call.opens else None,
                "closes": call.closes.isoformat() if call.closes else None,
                "steps": steps,
            }
        )
    return result


def theme_reported_figures(selection: Selection) -> dict:
    """The coordination's own figures about the selected theme (seed 002), keyed like the
    overview's: ("entities", ""), ("by_ministry", "OKM"), ("by_sector", slug)…

    Shown beside the counted figures only when the selection is exactly "the theme's funded
    projects", the population those figures describe.
    """
    params = selection.to_params()
    if not selection.theme or set(params) != {"theme"}:
        return {}
    figures = list(
        ReportedFigure.objects.filter(theme=selection.theme, call__isnull=True)
        .select_related("sector")
        .order_by("as_of")
    )
    refs = SourceReference.objects.for_objects(figures)
    keys = {
        FigureMetric.FUNDED_ENTITIES: "entities",
        FigureMetric.ENTITIES_SINGLE: "entities_single",
        FigureMetric.ENTITIES_GROUP: "entities_group",
        FigureMetric.IMPLEMENTERS: "implementers",
        FigureMetric.ENTITIES_WITHOUT_SOCIAL_HEALTH: "without_social_health",
    }
    out: dict = {}
    for f in figures:  # later as_of wins
        if f.metric == FigureMetric.ENTITIES_BY_MINISTRY:
            key = f"by_ministry:{f.label}"
        elif f.metric == FigureMetric.ENTITIES_BY_SECTOR and f.sector:
            key = f"by_sector:{f.sector.slug}"
        elif f.metric in keys:
            key = keys[f.metric]
        else:
            continue
        out[key] = {
            "value": f.value,
            "as_of": f.as_of.isoformat() if f.as_of else None,
            "sources": _sources(refs, f),
        }
    return out
