"""The two engines behind one interface: match, count and rank inside the full-text index.

A query is a list of groups, one per word; a group matches when any of its terms does (a base
form, a compound part, the word itself), and every group must match. Terms are letters and
digits only (lemmas.TERM), so they are quoted into the engines' syntax without escaping; the
tags (visibility.entry_tags) are too.

Why it is built this way: a broad word ("kulttuuri") matches most of a national portfolio.
Scoring every match with BM25, joining every match to its wide entry row to filter drafts, and
counting every match by kind and year took 2.5 s at 100 000 projects. Now, on SQLite, the
matches come from the FTS5 doclists newest first, each checked against a narrow companion row
(kind, year and the visibility tags of visibility.entry_tags); only the RANKED newest matches
are counted by kind and year and paged (a query with fewer matches is counted exactly); above
that the total and the facets are estimates from where the RANKED-th match lies in the id
range, shown as "noin". BM25 ranks a query that matches at most RANKED entries (its statistics
scan every entry holding a term, which is cheap for rare words); a broader query shows the
newest matches first. Only the page's 20
entries are read from the entry table.
"""

from dataclasses import dataclass, field

from django.db import connection, transaction

RANKED = 2000
"""Matches scored and counted per query; more make an estimate ("noin")."""
BM25_BUDGET = RANKED
"""Matches up to which SQLite ranks by BM25; above it the newest matches come first."""


@dataclass
class Found:
    ids: list[int] = field(default_factory=list)
    """The page's entry ids, best first."""
    total: int = 0
    counts: list[tuple[str, int | None, int]] = field(default_factory=list)
    """(kind, year, matches) without the kind and year filters, for the facets."""
    estimated: bool = False


def _words(groups) -> str:
    return " AND ".join("(" + " OR ".join(f'"{t}"' for t in sorted(g)) + ")" for g in groups)


def _meta_condition(viewer, kind, year) -> tuple[str, list]:
    """Who may see and the facet filters over the narrow companion table's columns."""
    sql, params = [], []
    if viewer is not None:
        sql.append("(" + " OR ".join("instr(m.tags, %s) > 0" for _t in viewer) + ")")
        params += [f" {term} " for term in viewer]
    if kind:
        sql.append("m.kind = %s")
        params.append(str(kind))
    if year:
        sql.append("m.year = %s")
        params.append(int(year))
    return "".join(f" AND {part}" for part in sql), params


MATCHES = (
    "FROM search_fts JOIN search_fts_meta m ON m.id = search_fts.rowid WHERE search_fts MATCH %s"
)


def _one(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row[0] if row else None


def _window(words, condition, params) -> tuple[int, int, bool]:
    """(lowest id to consider, matches there or an estimate of all, estimated?). The newest
    matches come first from the index's doclists, so finding the RANKED-th costs RANKED steps."""
    select = f"SELECT search_fts.rowid {MATCHES}{condition} ORDER BY search_fts.rowid"
    boundary = _one(f"{select} DESC LIMIT 1 OFFSET {RANKED - 1}", [words, *params])
    if boundary is None:
        return 0, _one(f"SELECT count(*) {MATCHES}{condition}", [words, *params]) or 0, False
    newest = _one(f"{select} DESC LIMIT 1", [words, *params])
    oldest = _one(f"{select} ASC LIMIT 1", [words, *params])
    share = (newest - boundary + 1) / (newest - oldest + 1)
    return boundary, round(RANKED / share), True


def _sqlite(groups, viewer, kind, year, offset, limit) -> Found:
    words = f"lemmas : ({_words(groups)})"
    seen, seen_params = _meta_condition(viewer, "", None)
    lowest, base_total, estimated = _window(words, seen, seen_params)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT m.kind, m.year, count(*) {MATCHES}{seen} AND search_fts.rowid >= %s "
            "GROUP BY m.kind, m.year",
            [words, *seen_params, lowest],
        )
        counts = cursor.fetchall()
    if estimated:
        window = sum(n for _k, _y, n in counts) or 1
        counts = [(k, y, max(1, round(n * base_total / window))) for k, y, n in counts]
    narrowed, params = _meta_condition(viewer, kind, year)
    if kind or year:
        lowest, total, narrowed_estimated = _window(words, narrowed, params)
    else:
        total, narrowed_estimated = base_total, estimated
    # BM25 first counts, for every term, all the entries that hold it (0.4 s for five common
    # words at 100 000): affordable when the query matches few, not when it matches half.
    narrowed_estimated = narrowed_estimated or total > BM25_BUDGET
    order = "search_fts.rowid DESC" if narrowed_estimated else "search_fts.rank"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT search_fts.rowid {MATCHES}{narrowed} AND search_fts.rowid >= %s "
            f"ORDER BY {order} LIMIT %s OFFSET %s",
            [words, *params, lowest, limit, offset],
        )
        ids = [row[0] for row in cursor.fetchall()]
    return Found(ids, total, counts, estimated or narrowed_estimated)


def _tag_query(viewer, kind, year) -> str:
    """Who may see, kind and year as a tsquery over the `_<tag>` terms (migration 0005)."""
    parts = []
    if viewer is not None:
        parts.append("(" + " | ".join(f"'_{term}'" for term in viewer) + ")")
    if kind:
        parts.append(f"'_k{kind}'")
    if year:
        parts.append(f"'_y{int(year)}'")
    return " & ".join(parts)


PG_MATCH = "terms @@ (to_tsquery('simple'::regconfig, %s) && %s::tsquery)"
PG_ALL = "terms @@ to_tsquery('simple'::regconfig, %s)"
PG_NEWEST = 20_000
"""Entries the first look reads, newest first, to tell a broad query from a rare one."""


def _pg_rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _pg_through_index(sql, params):
    """The rows through the GIN index alone. The planner cannot know that a query is rare when
    its terms are not in the statistics ("annantalo" or its compound parts): it then walked
    1.5 M entries newest first for 2.5 s to find none."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        try:
            cursor.execute(sql, params)
            return cursor.fetchall()
        finally:
            cursor.execute("RESET enable_seqscan")
            cursor.execute("RESET enable_indexscan")


def _pg_window(words, tags) -> tuple[list[tuple], int, bool]:
    """(the RANKED newest matches as (id, kind, year), the number of all or its estimate,
    estimated?).

    A broad query is found among the newest entries, each tested against its stored terms
    (about 1.5 µs an entry); a rare one through the GIN index, whose cost grows with the
    matches. The newest PG_NEWEST entries tell which: where the matches are denser than
    sqrt(RANKED / entries), walking to the RANKED-th costs fewer rows than reading them all."""
    condition, params = (PG_MATCH, [words, tags]) if tags else (PG_ALL, [words])
    columns = "SELECT id, kind, year FROM search_searchentry"
    newest_first = f"ORDER BY id DESC LIMIT {RANKED + 1}"
    every = f"{columns} WHERE {condition} {newest_first}"
    with transaction.atomic():
        edge = _pg_rows(
            f"SELECT id FROM search_searchentry ORDER BY id DESC LIMIT 1 OFFSET {PG_NEWEST}", []
        )
        if not edge:  # a small index: every entry is among the newest
            rows, dense = _pg_rows(every, params), True
        else:
            newest = f"{columns} WHERE id > %s AND {condition} {every[every.index('ORDER') :]}"
            rows = _pg_rows(newest, [edge[0][0], *params])
            dense = len(rows) > RANKED
        if not dense:
            last = _pg_rows("SELECT max(id) FROM search_searchentry", [])[0][0]
            dense = len(rows) / PG_NEWEST >= (RANKED / last) ** 0.5
            rows = _pg_rows(every, params) if dense else _pg_through_index(every, params)
        if len(rows) <= RANKED:
            return rows, len(rows), False
        rows = rows[:RANKED]
        newest_id, boundary = rows[0][0], rows[-1][0]
        # The oldest match: dense ones are met soon from the start, sparse ones by the index.
        oldest_sql = f"SELECT min(id) FROM search_searchentry WHERE {condition}"
        if dense:
            oldest_sql = f"SELECT id FROM search_searchentry WHERE {condition} ORDER BY id LIMIT 1"
        oldest = (_pg_rows if dense else _pg_through_index)(oldest_sql, params)[0][0]
    share = (newest_id - boundary + 1) / (newest_id - oldest + 1)
    return rows, round(RANKED / share), True


def _postgresql(groups, viewer, kind, year, offset, limit) -> Found:
    """The RANKED newest matches are read once, as narrow rows, and counted here.

    Words, visibility, kind and year are one test against the stored `terms` (migration 0005),
    never text analysed per row. As on SQLite, a query with more matches than RANKED shows the
    newest first, with estimated counts; one with fewer is ranked by `ts_rank`."""
    words = " & ".join("(" + " | ".join(sorted(g)) + ")" for g in groups)
    rows, base_total, estimated = _pg_window(words, _tag_query(viewer, "", None))
    tally: dict[tuple, int] = {}
    for _pk, entry_kind, entry_year in rows:
        tally[entry_kind, entry_year] = tally.get((entry_kind, entry_year), 0) + 1
    counts = [(k, y, n) for (k, y), n in tally.items()]
    if estimated:
        counts = [(k, y, max(1, round(n * base_total / len(rows)))) for k, y, n in counts]
    total, narrowed_estimated = base_total, estimated
    if (kind or year) and estimated:
        rows, total, narrowed_estimated = _pg_window(words, _tag_query(viewer, kind, year))
    elif kind or year:
        rows = [r for r in rows if (not kind or r[1] == kind) and (not year or r[2] == year)]
        total = len(rows)
    ids = [pk for pk, _k, _y in rows]
    if narrowed_estimated:
        return Found(ids[offset : offset + limit], total, counts, True)
    ranked = _pg_rows(
        "SELECT id FROM search_searchentry WHERE id = ANY(%s) ORDER BY "
        "ts_rank(vector, to_tsquery('simple'::regconfig, %s)) DESC, id LIMIT %s OFFSET %s",
        [ids, words, limit, offset],
    )
    return Found([pk for (pk,) in ranked], total, counts, estimated)


def find(groups, viewer, *, kind="", year=None, offset=0, limit=20) -> Found:
    """The page of entries matching every group that a viewer with the tags `viewer` (None:
    every entry) may find, narrowed by kind and year, with the total and the facets."""
    if connection.vendor == "sqlite":
        return _sqlite(groups, viewer, kind, year, offset, limit)
    if connection.vendor == "postgresql":
        return _postgresql(groups, viewer, kind, year, offset, limit)
    raise NotImplementedError(f"search needs SQLite or PostgreSQL, not {connection.vendor}")


def matching_ids(groups, viewer, kind, limit) -> list[int]:
    """The best `limit` entry ids of one kind for the terms (networking's similar projects)."""
    return find(groups, viewer, kind=kind, limit=limit).ids
