"""Per-cell pre-aggregates of the summary (PostgreSQL): the overview of a whole theme without
reading a row per entity.

Even over the narrow summary rows, the overview of a theme of 800 000 funded entities unnests
every entity's arrays (sectors, regions, organisation types, organisations): about twenty
million elements, tens of seconds. Most overviews select by programme, theme, call, status
and ministry only, and those are columns that few distinct combinations share. So the
summary is added up once per *cell* (one row per programme × theme × call × status × kind ×
ministry combination × region, `CELL_TABLE`) with the additive figures summed (entities,
implementers, partners, money), and beside it one row per cell and counted item
(`COUNT_TABLE`: a sector, a branch combination, a region, an organisation type
or an organisation, with how many times the cell's entities name it). Any selection of those
columns is then a sum over a few hundred cells. A ministry filter is exact on cells too: the
ministry combination is part of the cell's key.

Distinct organisations cannot be summed across cells (one organisation in two cells is still
one), so each cell keeps its organisations with their multiplicity and the overview counts
the distinct items of the selected cells: exact, and bounded by cells × organisations rather
than by entities.

Both tables are derived from `insights_entitysummary` by the same two statements, which take
a sign: a refresh subtracts an entity's old summary row (−1) before `summary` rewrites it and
adds the new one (+1) after, in the write's transaction; `hankesalkku summarise` truncates
them and adds every row once. Additions are upserts, so concurrent writes to one cell add up
(the row lock orders them) instead of overwriting each other. A cell or item that falls to
zero stays as a zero row (readers skip them) until the next rebuild.

A region is part of the key too, as one more dimension in which an entity may sit in several
cells: each entity is added to the cells of region 0 ("every region") and to one cell for each
region it touches (`region_ids`: implementers', partners' and its own). A selection without a
region reads only region 0's cells; a selection of one region reads only that region's cells,
where every entity touching the region is counted once, as the summary's `region_ids @>`
filter counts it. That multiplies the cells by the regions an entity touches (about three), not
by every region, and makes the ministry + region overview a sum over cells as well.

A selection by sector or organisation type (many-valued facts that would multiply the cells
again) keeps the summary path of `counting`.
"""

from __future__ import annotations

# The key's version is in the tables' names: code that knows another key finds no tables of
# its own and counts from the summary's rows (correctly, if slower) instead of misreading
# these, while a deployment runs old and new workers side by side.
CELL_TABLE = "insights_summarycell_v2"
COUNT_TABLE = "insights_summarycellcount_v2"
_EARLIER_TABLES = ("insights_summarycellcount", "insights_summarycell")  # the key without a region
KEY = ("programme_id", "theme_id", "call_id", "status", "kind", "ministry_ids", "region_id")
EVERY_REGION = 0
"""The region key of the cells that hold every entity, whatever regions it touches."""
MONEY = (
    "a_total_cost",
    "a_support",
    "a_own_financing",
    "a_municipal_financing",
    "a_other_public_financing",
    "a_private_financing",
    "a_rate_support",
    "a_rate_total",
)
SUMS = ("entities", "single", "grouped", "illustrative", "implementers", "partners", *MONEY)
SUMS_ALL = (*SUMS, "a_total_unknown")
# The counted items: figure number → (summary array, the item's SQL type when read back).
FIGURES = {
    1: ("sector_ids", "bigint"),
    2: ("branch_ids", "bigint[]"),
    3: ("impl_regions", "bigint"),
    4: ("impl_types", "text"),
    5: ("partner_regions", "bigint"),
    6: ("impl_orgs", "bigint"),
    7: ("partner_orgs", "bigint"),
}
NAMES = {1: "sectors", 2: "branches", 3: "impl_regions", 4: "impl_types", 5: "partner_regions"}
DISTINCT = {6: "impl_orgs", 7: "partner_orgs"}

CREATE = f"""
CREATE TABLE {CELL_TABLE} (
    id bigserial PRIMARY KEY,
    programme_id bigint NOT NULL,
    theme_id bigint NOT NULL,
    call_id bigint NOT NULL,
    status varchar(20) NOT NULL,
    kind varchar(10) NOT NULL,
    ministry_ids bigint[] NOT NULL,
    region_id bigint NOT NULL,
    {", ".join(f"{c} bigint NOT NULL DEFAULT 0" for c in SUMS[:6])},
    {", ".join(f"{c} numeric(18, 2) NOT NULL DEFAULT 0" for c in MONEY)},
    a_total_unknown bigint NOT NULL DEFAULT 0,
    UNIQUE ({", ".join(KEY)})
);
CREATE TABLE {COUNT_TABLE} (
    cell_id bigint NOT NULL REFERENCES {CELL_TABLE} (id) ON DELETE CASCADE,
    figure smallint NOT NULL,
    item text NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (cell_id, figure, item)
);
-- The items a selection reads, without the zero rows and without the table: an index-only
-- scan (the distinct organisations of a whole theme are a million of these).
CREATE INDEX summarycellcount_v2_present ON {COUNT_TABLE} (figure, cell_id, item) WHERE n > 0;
"""
DROP = f"DROP TABLE IF EXISTS {COUNT_TABLE}; DROP TABLE IF EXISTS {CELL_TABLE};"

# A missing programme, theme or call is 0 in the key (never a primary key), so the key is
# NOT NULL and one unique index finds the cell.
_KEY_OF_SUMMARY = (
    "COALESCE(s.programme_id, 0), COALESCE(s.theme_id, 0), COALESCE(s.call_id, 0), "
    "s.status, s.kind, s.ministry_ids, r.region_id"
)
# Each summary row once for every region (0) and once per region it touches.
_REGIONS = (
    f"CROSS JOIN LATERAL unnest(ARRAY[{EVERY_REGION}]::bigint[] || s.region_ids) r(region_id)"
)
_ADD_CELLS = f"""
INSERT INTO {CELL_TABLE} AS c ({", ".join(KEY)}, {", ".join(SUMS_ALL)})
SELECT {_KEY_OF_SUMMARY}, %(sign)s * count(*),
       %(sign)s * count(*) FILTER (WHERE s.kind = 'single'),
       %(sign)s * count(*) FILTER (WHERE s.kind = 'group'),
       %(sign)s * count(*) FILTER (WHERE s.is_illustrative),
       %(sign)s * COALESCE(sum(s.implementers), 0), %(sign)s * COALESCE(sum(s.partners), 0),
       {", ".join(f"%(sign)s * COALESCE(sum(s.{m}), 0)" for m in MONEY)},
       %(sign)s * COALESCE(sum(s.a_total_unknown), 0)
FROM insights_entitysummary s {_REGIONS} {{where}}
GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
ON CONFLICT ({", ".join(KEY)}) DO UPDATE SET
    {", ".join(f"{c} = c.{c} + excluded.{c}" for c in SUMS_ALL)}
"""
_ITEMS = " UNION ALL ".join(
    f"SELECT {figure}, x::text FROM unnest(s.{column}) x"
    if figure != 2
    else f"SELECT {figure}, s.{column}::text"
    for figure, (column, _kind) in FIGURES.items()
)
_ADD_COUNTS = f"""
INSERT INTO {COUNT_TABLE} AS k (cell_id, figure, item, n)
SELECT c.id, f.figure, f.item, %(sign)s * count(*)
FROM insights_entitysummary s {_REGIONS}
JOIN {CELL_TABLE} c ON ({", ".join(f"c.{k}" for k in KEY)}) = ({_KEY_OF_SUMMARY})
CROSS JOIN LATERAL ({_ITEMS}) f(figure, item)
{{where}}
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
ON CONFLICT (cell_id, figure, item) DO UPDATE SET n = k.n + excluded.n
"""


def add(cursor, entity_ids: list[int] | None, sign: int) -> None:
    """Add (sign 1) or subtract (−1) the summary rows of `entity_ids` (None: every row)."""
    if entity_ids is None:
        where, params = "", {"sign": sign}
    else:
        where, params = "WHERE s.entity_id = ANY(%(ids)s)", {"sign": sign, "ids": entity_ids}
    cursor.execute(_ADD_CELLS.format(where=where), params)
    cursor.execute(_ADD_COUNTS.format(where=where), params)


def rebuild(cursor) -> None:
    cursor.execute(f"TRUNCATE {COUNT_TABLE}, {CELL_TABLE}")
    add(cursor, None, 1)


def vacuum(cursor) -> None:
    """After a rebuild, outside its transaction: statistics, and the visibility map that lets
    the counted items be read from their index alone."""
    cursor.execute(f"VACUUM ANALYZE {CELL_TABLE}")
    cursor.execute(f"VACUUM ANALYZE {COUNT_TABLE}")


def serves(selection) -> bool:
    """Cells hold every column of the selection: no sector or organisation type."""
    return selection.sector is None and not selection.organisation_type


def region_condition(selection) -> tuple[str, list]:
    """The cells of the selection's region, or those of every region: never both, or an
    entity would be counted once for each."""
    region = selection.region.pk if selection.region is not None else EVERY_REGION
    return "s.region_id = %s", [region]


def figures_sql(where: str) -> str:
    """The overview's raw figures over the selected cells, in `counting.count`'s shape."""
    grouped = " ".join(
        f"UNION ALL SELECT '{name}', json_agg(json_build_array(item::{FIGURES[f][1]}, n)) "
        f"FROM items WHERE figure = {f}"
        for f, name in NAMES.items()
    )
    distinct = " ".join(
        # DISTINCT in a subquery is hashed; count(DISTINCT …) would sort every item.
        f"UNION ALL SELECT '{name}', json_build_array(count(*)) FROM (SELECT DISTINCT k.item "
        f"FROM {COUNT_TABLE} k JOIN cells ON k.cell_id = cells.id "
        f"WHERE k.figure = {f} AND k.n > 0) d"
        for f, name in DISTINCT.items()
    )
    return f"""
WITH cells AS MATERIALIZED (
    SELECT * FROM {CELL_TABLE} s WHERE {where} AND s.entities > 0),
items AS MATERIALIZED (  -- every counted figure summed in one grouping, read once per figure
    SELECT k.figure, k.item, sum(k.n) n FROM {COUNT_TABLE} k JOIN cells ON k.cell_id = cells.id
    WHERE k.figure < 6 AND k.n > 0 GROUP BY 1, 2)
SELECT 'totals', json_build_object(
           'entities', COALESCE(sum(entities), 0), 'single', COALESCE(sum(single), 0),
           'group', COALESCE(sum(grouped), 0), 'illustrative', COALESCE(sum(illustrative), 0),
           'implementers', COALESCE(sum(implementers), 0),
           'partners', COALESCE(sum(partners), 0),
           {", ".join(f"'{m[2:]}', sum({m})::text" for m in MONEY)},
           'total_unknown', COALESCE(sum(a_total_unknown), 0))
FROM cells
UNION ALL SELECT 'ministries', json_agg(json_build_array(ministry_ids, n))
FROM (SELECT ministry_ids, sum(entities) n FROM cells GROUP BY 1) g
{grouped}
{distinct}
"""


def create_tables(apps, schema_editor) -> None:
    """The migration's step: create the tables, then fill them from the summary."""
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(CREATE)
        connection.summary_cells = True
        with connection.cursor() as cursor:
            rebuild(cursor)


def recreate_tables(apps, schema_editor) -> None:
    """A migration's step when the cells' key changes: the tables are derived, so they are
    made anew with today's key and filled from the summary."""
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute("".join(f"DROP TABLE IF EXISTS {t};" for t in _EARLIER_TABLES))
        schema_editor.execute(DROP)
        create_tables(apps, schema_editor)


def drop_tables(apps, schema_editor) -> None:
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(DROP)
        connection.summary_cells = False


def available(connection) -> bool:
    """PostgreSQL with the tables in place (earlier migrations refresh the summary before
    they exist); asked once per connection."""
    if connection.vendor != "postgresql":
        return False
    known = getattr(connection, "summary_cells", None)
    if known is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [CELL_TABLE])
            known = bool(cursor.fetchone()[0])
        connection.summary_cells = known
    return known
