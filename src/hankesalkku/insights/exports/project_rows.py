"""The selected project entities as rows for the workbook's project list and the PDF appendix.

This is the one place that reads projects one by one, because a list of projects is what it
produces. It streams: entities come in chunks of 2 000, and the sums, partner counts, ministries and
sectors of each chunk come in one grouped query each, so a 100 000-project list takes about
5 queries per 2 000 projects and constant memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from django.db.models import Count, Sum

from hankesalkku.core.i18n import localized
from hankesalkku.projects.models import (
    Application,
    Partner,
    ProjectEntity,
    ProjectKind,
    ProjectStatus,
)

CHUNK = 2000


def project_rows(selection, language: str = "fi", limit: int | None = None) -> Iterator[dict]:
    entities = selection.entities().select_related("call", "theme").order_by("name", "pk")
    if limit is not None:
        entities = entities[:limit]
    chunk: list = []
    for entity in entities.iterator(chunk_size=CHUNK):
        chunk.append(entity)
        if len(chunk) >= CHUNK:
            yield from _rows(chunk, language)
            chunk = []
    if chunk:
        yield from _rows(chunk, language)


def _rows(chunk, language) -> Iterator[dict]:
    ids = [e.pk for e in chunk]
    ministries_through = ProjectEntity.funding_ministries.through
    sectors_through = ProjectEntity.sectors.through
    sums = {
        row["entity_id"]: row
        for row in Application.objects.filter(entity_id__in=ids)
        .order_by()
        .values("entity_id")
        .annotate(
            n=Count("pk"),
            total_cost=Sum("total_cost"),
            support=Sum("support"),
            own=Sum("own_financing"),
            municipal=Sum("municipal_financing"),
        )
    }
    partners = dict(
        Partner.objects.filter(entity_id__in=ids)
        .order_by()
        .values("entity_id")
        .annotate(n=Count("pk"))
        .values_list("entity_id", "n")
    )
    ministries: dict[int, list[str]] = {}
    for entity_id, abbreviation in (
        ministries_through.objects.filter(projectentity_id__in=ids)
        .order_by("organisation__abbreviation")
        .values_list("projectentity_id", "organisation__abbreviation")
    ):
        ministries.setdefault(entity_id, []).append(abbreviation)
    sectors: dict[int, list[str]] = {}
    field = "sector__name" if language == "fi" else f"sector__name_{language}"
    for entity_id, name, fallback in (
        sectors_through.objects.filter(projectentity_id__in=ids)
        .order_by("sector__branch__order", "sector__order")
        .values_list("projectentity_id", field, "sector__name")
    ):
        sectors.setdefault(entity_id, []).append(name or fallback)
    kinds = {value: str(label) for value, label in ProjectKind.choices}
    statuses = {value: str(label) for value, label in ProjectStatus.choices}
    for e in chunk:
        money = sums.get(e.pk, {})
        yield {
            "name": e.name,
            "acronym": e.acronym,
            "slug": e.slug,
            "kind": kinds.get(e.kind, e.kind),
            "status": statuses.get(e.status, e.status),
            "call": localized(e.call, "name", language) if e.call else "",
            "theme": localized(e.theme, "name", language) if e.theme else "",
            "ministries": "+".join(ministries.get(e.pk, [])),
            "sectors": ", ".join(sectors.get(e.pk, [])),
            "implementers": money.get("n", 0),
            "partners": partners.get(e.pk, 0),
            "total_cost": _money(money.get("total_cost")),
            "support": _money(money.get("support")),
            "own_financing": _money(money.get("own")),
            "municipal_financing": _money(money.get("municipal")),
            "starts": e.starts,
            "ends": e.ends,
            "is_illustrative": e.is_illustrative,
        }


def _money(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))
