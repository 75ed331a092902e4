"""Writes for calls, their strands and the figures reported about calls and themes.

A call's ministries, target districts and cost models are given with the call
(`ministries=[…]`) and written through `related_set`, so the trail shows them too.
"""

from hankesalkku.core.services import delete_recorded, record_create, record_update, service
from hankesalkku.core.slugs import unique_slug

from ..models import Call, CallStrand, ReportedFigure


@service
def call_create(*, actor, programme, name: str, **fields) -> Call:
    fields.setdefault("slug", unique_slug(Call, name))
    return record_create(Call, programme=programme, name=name, **fields)


@service
def call_update(*, actor, call: Call, expected_version: int | None = None, **changes) -> Call:
    """Dates and the support ceiling are checked together (the call's constraints)."""
    return record_update(call, changes, expected_version)


@service
def call_delete(*, actor, call: Call) -> None:
    """Refused while projects name the call; strands and figures go with it."""
    delete_recorded(call)


@service
def call_strand_create(*, actor, call: Call, number: int, name: str, **fields) -> CallStrand:
    return record_create(CallStrand, call=call, number=number, name=name, **fields)


@service
def call_strand_update(*, actor, strand: CallStrand, **changes) -> CallStrand:
    return record_update(strand, changes)


@service
def call_strand_delete(*, actor, strand: CallStrand) -> None:
    """Refused while a project is filed under the strand."""
    delete_recorded(strand)


@service
def reported_figure_create(*, actor, metric: str, value: int, **fields) -> ReportedFigure:
    """A figure is kept as it was reported, beside the count the records give."""
    return record_create(ReportedFigure, metric=metric, value=value, **fields)


@service
def reported_figure_update(*, actor, figure: ReportedFigure, **changes) -> ReportedFigure:
    return record_update(figure, changes)


@service
def reported_figure_delete(*, actor, figure: ReportedFigure) -> None:
    delete_recorded(figure)
