"""A selection's entities read from the narrow summary rows, so the overview counts in one pass.

The theme filter of `ProjectEntityQuerySet.in_selection` ORs the entity's theme with its call's,
which no index serves: every figure rescanned the whole entity table. The summary holds the
effective theme, call, programme and status on one narrow indexed row, so those filters are
an index range; only the filters through many-valued relations (ministry, sector, organisation
type, region) and the draft rule still go through `in_selection`, and only when they apply.
"""

from __future__ import annotations

import dataclasses

from hankesalkku.projects.models import ProjectStatus

from .models import EntitySummary


def selected_summaries(selection):
    """The summary rows of the entities `selection` picks (same entities as `entities()`)."""
    rows = EntitySummary.objects.all()
    if selection.statuses is not None:
        rows = rows.filter(status__in=selection.statuses)
    if selection.programme:
        rows = rows.filter(programme=selection.programme)
    if selection.theme:
        rows = rows.filter(theme=selection.theme)
    if selection.call:
        rows = rows.filter(call=selection.call)
    related = (selection.ministry, selection.sector, selection.organisation_type, selection.region)
    drafts_possible = selection.statuses is None or ProjectStatus.PLANNED in selection.statuses
    if any(related) or (selection.viewer is not None and drafts_possible):
        rest = dataclasses.replace(selection, programme=None, theme=None, call=None)
        rows = rows.filter(entity__in=rest.entities().order_by().values("pk"))
    return rows
