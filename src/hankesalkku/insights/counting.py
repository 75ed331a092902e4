"""The overview's figures from the summary's counting columns (PostgreSQL): one statement.

`overview.build_overview` joins applications, partners, sectors and ministries for every
figure; that is right for SQLite and small portfolios, but at a million entities each join
reads millions of link rows. Here the selection is a WHERE over the narrow summary rows (the
effective theme, call and programme are plain columns; ministries, sectors, regions and
organisation types are array containment served by GIN indexes), read once into a
materialised CTE, and every figure is grouped from it in the database: per-entity sums are
added up, arrays are unnested where a figure counts their elements. Python gets a few dozen
grouped rows. The figures are the same as the joined counting's (tests run both). A selection
without a sector or organisation-type filter is summed from the per-cell pre-aggregates
instead (`cells`): a few hundred rows, not a row per entity.
"""

from __future__ import annotations

import json
from decimal import Decimal

from django.db import connections

from hankesalkku.core.money import CENT, support_rate
from hankesalkku.projects.models import ProjectStatus

from . import cells
from .facets import available
from .models import EntitySummary

MONEY = (
    "total_cost",
    "support",
    "own_financing",
    "municipal_financing",
    "other_public_financing",
    "private_financing",
)

_FIGURES = """
WITH sel AS MATERIALIZED (
    SELECT kind, is_illustrative, implementers, partners, ministry_ids, sector_ids, branch_ids,
           impl_types, impl_regions, impl_orgs, partner_regions, partner_orgs, {money}
    FROM insights_entitysummary s WHERE {where})
SELECT 'totals', json_build_object(
           'entities', count(*),
           'single', count(*) FILTER (WHERE kind = 'single'),
           'group', count(*) FILTER (WHERE kind = 'group'),
           'illustrative', count(*) FILTER (WHERE is_illustrative),
           'implementers', coalesce(sum(implementers), 0),
           'partners', coalesce(sum(partners), 0), {money_sums})
FROM sel
UNION ALL SELECT 'ministries', json_agg(json_build_array(k, n))
FROM (SELECT ministry_ids k, count(*) n FROM sel GROUP BY 1) g
UNION ALL SELECT 'branches', json_agg(json_build_array(k, n))
FROM (SELECT branch_ids k, count(*) n FROM sel GROUP BY 1) g
UNION ALL SELECT 'sectors', json_agg(json_build_array(k, n))
FROM (SELECT unnest(sector_ids) k, count(*) n FROM sel GROUP BY 1) g
UNION ALL SELECT 'impl_regions', json_agg(json_build_array(k, n))
FROM (SELECT unnest(impl_regions) k, count(*) n FROM sel GROUP BY 1) g
UNION ALL SELECT 'impl_types', json_agg(json_build_array(k, n))
FROM (SELECT unnest(impl_types) k, count(*) n FROM sel GROUP BY 1) g
UNION ALL SELECT 'partner_regions', json_agg(json_build_array(k, n))
FROM (SELECT unnest(partner_regions) k, count(*) n FROM sel GROUP BY 1) g
UNION ALL SELECT 'impl_orgs', json_build_array(count(*))
FROM (SELECT DISTINCT unnest(impl_orgs) FROM sel) g
UNION ALL SELECT 'partner_orgs', json_build_array(count(*))
FROM (SELECT DISTINCT unnest(partner_orgs) FROM sel) g
"""


def can_count(selection, connection) -> bool:
    """The summary serves the selection unless drafts must be filtered for a viewer (that
    rule lives in `visible_to`, which `overview` applies through the joined counting)."""
    if not available(connection):
        return False
    drafts = selection.statuses is None or ProjectStatus.PLANNED in selection.statuses
    return not (selection.viewer is not None and drafts)


def where(selection, *, over_cells: bool = False) -> tuple[str, list]:
    """The selection as a WHERE over `insights_entitysummary s`, with its parameters, or over
    the cells (`cells.CELL_TABLE s`), which share the key's column names but hold a region
    as a key of its own."""
    clauses, params = ["true"], []
    if selection.statuses is not None:
        clauses.append("s.status = ANY(%s)")
        params.append(list(selection.statuses))
    for key in ("programme", "theme", "call"):
        obj = getattr(selection, key)
        if obj is not None:
            clauses.append(f"s.{key}_id = %s")
            params.append(obj.pk)
    arrays = {"ministry": ("ministry_ids", "bigint"), "sector": ("sector_ids", "bigint")}
    if over_cells:
        region_clause, region_params = cells.region_condition(selection)
        clauses.append(region_clause)
        params += region_params
    else:
        arrays["region"] = ("region_ids", "bigint")
    for key, (column, kind) in arrays.items():
        obj = getattr(selection, key)
        if obj is not None:
            clauses.append(f"s.{column} @> ARRAY[%s]::{kind}[]")
            params.append(obj.pk)
    if selection.organisation_type:
        clauses.append("s.impl_types @> ARRAY[%s]::text[]")
        params.append(selection.organisation_type)
    return " AND ".join(clauses), params


def count(selection) -> dict:
    """The raw figures: totals, and {key: value} dicts per grouped figure."""
    connection = connections[EntitySummary.objects.db]
    if cells.serves(selection) and cells.available(connection):
        condition, params = where(selection, over_cells=True)
        sql = cells.figures_sql(condition)
    else:
        condition, params = where(selection)
        sql = _summary_sql(condition)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = dict(cursor.fetchall())
    figures = {"totals": _json(rows["totals"])}
    for key in ("ministries", "branches", "sectors", "impl_regions", "impl_types"):
        figures[key] = [tuple(pair) for pair in (_json(rows[key]) or [])]
    figures["partner_regions"] = [tuple(p) for p in (_json(rows["partner_regions"]) or [])]
    figures["impl_orgs"] = _json(rows["impl_orgs"])[0]
    figures["partner_orgs"] = _json(rows["partner_orgs"])[0]
    return figures


def _summary_sql(condition: str) -> str:
    return _FIGURES.format(
        where=condition,
        money=", ".join(f"a_{m}" for m in (*MONEY, "rate_support", "rate_total", "total_unknown")),
        money_sums=", ".join(
            f"'{m}', sum(a_{m})::text"
            for m in (*MONEY, "rate_support", "rate_total", "total_unknown")
        ),
    )


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def financing(totals: dict) -> dict:
    def money(key):
        value = totals.get(key)
        return Decimal(value) if value is not None else Decimal("0")

    result = {m: money(m).quantize(CENT) for m in MONEY}
    result["support_rate"] = support_rate(money("rate_support"), money("rate_total"))
    result["applications_without_total"] = int(totals.get("total_unknown") or 0)
    return result
