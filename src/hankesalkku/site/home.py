"""The home page: programmes down to their calls, with the figures a coordinator checks first."""

from django.db.models import Count, Prefetch, Q
from django.shortcuts import render

from hankesalkku.programmes.models import (
    Call,
    Priority,
    Programme,
    ProgrammeKind,
    SpecificObjective,
    Theme,
)
from hankesalkku.projects.models import ProjectStatus
from hankesalkku.sources.models import SourceReference


def calls_with_figures():
    """Calls with everything a summary shows, and counts of their funded entities from records."""
    return (
        Call.objects.with_related()
        .select_related("impact_framework")
        .prefetch_related("impact_framework__levels", "reported_figures__sector__branch")
        .annotate(
            funded_entities=Count(
                "project_entities",
                filter=Q(project_entities__status__in=ProjectStatus.funded()),
                distinct=True,
            )
        )
    )


def call_cited_objects(call) -> list:
    """A call and the records its summary shows, for one SourceReference query per page."""
    objects = [call, *call.reported_figures.all(), *call.strands.all()]
    objects.extend(call.target_districts.all())
    if call.impact_framework:
        objects.append(call.impact_framework)
        objects.extend(call.impact_framework.levels.all())
    return objects


def _themes():
    return Theme.objects.prefetch_related(
        "ministries",
        "reported_figures__sector__branch",
        Prefetch("calls", calls_with_figures()),
    )


def home(request):
    programmes = list(
        Programme.objects.select_related("owner").prefetch_related(
            Prefetch(
                "priorities",
                Priority.objects.prefetch_related(
                    Prefetch(
                        "specific_objectives",
                        SpecificObjective.objects.prefetch_related(Prefetch("themes", _themes())),
                    )
                ),
            ),
            Prefetch(
                "themes", _themes().filter(specific_objective__isnull=True), to_attr="loose_themes"
            ),
            Prefetch(
                "calls", calls_with_figures().filter(theme__isnull=True), to_attr="loose_calls"
            ),
        )
    )
    cited: list = []
    for programme in programmes:
        cited.append(programme)
        themes = list(programme.loose_themes)
        for priority in programme.priorities.all():
            cited.append(priority)
            for objective in priority.specific_objectives.all():
                cited.append(objective)
                themes.extend(objective.themes.all())
        calls = list(programme.loose_calls)
        for theme in themes:
            cited.append(theme)
            cited.extend(theme.reported_figures.all())
            calls.extend(theme.calls.all())
        for call in calls:
            cited.extend(call_cited_objects(call))
    refs = SourceReference.objects.for_objects(cited)
    return render(
        request,
        "site/home.html",
        {
            "eu_programmes": [p for p in programmes if p.kind == ProgrammeKind.EU_PROGRAMME],
            "grant_programmes": [p for p in programmes if p.kind == ProgrammeKind.MUNICIPAL_GRANTS],
            "refs": refs,
        },
    )
