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
newest matches first. Only the page's 20 entries are read from the entry table.

PostgreSQL does the same with its own means (`_postgresql`): the terms and the tags are one
stored vector per entry (migration 0005), a broad query's RANKED newest matches come from
walking the newest entries, a rare one's through the GIN index alone, and a query with at most
RANKED matches is ranked by `ts_rank`.
"""

from dataclasses import dataclass, field

from django.db import connection, transaction

from .models import EntryKind

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


def _lexemes(terms) -> str:
    """Our own terms as tsquery lexemes, quoted, never parsed again: the parser would split
    "h₂o" into a phrase a stripped vector never matches, and turn "²" into an empty query,
    which matches everything. Terms are letters and digits only (lemmas.TERM)."""
    return " | ".join(f"'{term}'" for term in sorted(terms))


def _tag_query(viewer, kind, year) -> str:
    """Who may see, kind and year as a tsquery over the `_<tag>` terms (migration 0005)."""
    if kind and kind not in EntryKind.values:
        raise ValueError(f"unknown kind {kind!r}")  # it is written into the tsquery
    parts = []
    if viewer is not None:
        parts.append(f"({_lexemes(f'_{term}' for term in viewer)})")
    if kind:
        parts.append(f"'_k{kind}'")
    if year:
        parts.append(f"'_y{int(year)}'")
    return " & ".join(parts)


PG_NEWEST = 20_000
"""Entries the first look reads, newest first, to tell a broad query from a rare one."""


def _pg_rows(sql, params, *, through_index=False):
    """The rows; `through_index`: through the GIN index alone. The planner cannot know that a
    query is rare when its terms are not in the statistics ("annantalo" or its compound
    parts): it walked 1.5 M entries newest first for 2.5 s to find none. (An error aborts the
    transaction, whose rollback undoes the SET LOCAL.)"""
    with connection.cursor() as cursor:
        if through_index:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        if through_index:
            cursor.execute("RESET enable_seqscan")
            cursor.execute("RESET enable_indexscan")
    return rows


def _pg_window(query: str) -> tuple[list[tuple], int, bool]:
    """(the RANKED newest matches as (id, kind, year), the number of all or its estimate,
    estimated?).

    A broad query is found among the newest entries, each tested against its stored terms
    (about 1.5 µs an entry); a rare one through the GIN index, whose cost grows with the
    matches, and counted exactly in the same pass. The newest PG_NEWEST entries tell which:
    where the matches there are denser than sqrt(RANKED / the highest id), walking to the
    RANKED-th costs fewer rows than reading them all."""
    table = "FROM search_searchentry"
    match = f"{table} WHERE terms @@ %s::tsquery"
    newest_first = f"ORDER BY id DESC LIMIT {RANKED + 1}"
    with transaction.atomic():
        edge = _pg_rows(f"SELECT id {table} ORDER BY id DESC LIMIT 1 OFFSET {PG_NEWEST}", [])
        if edge:
            rows = _pg_rows(
                f"SELECT id, kind, year {match} AND id > %s {newest_first}", [query, edge[0][0]]
            )
            last = _pg_rows(f"SELECT max(id) {table}", [])[0][0]
            sparse = len(rows) <= RANKED and len(rows) / PG_NEWEST < (RANKED / last) ** 0.5
            if sparse:
                counted = _pg_rows(
                    f"SELECT id, kind, year, count(*) OVER () {match} {newest_first}",
                    [query],
                    through_index=True,
                )
                total = counted[0][3] if counted else 0
                return [r[:3] for r in counted[:RANKED]], total, total > RANKED
        if not edge or len(rows) <= RANKED:
            rows = _pg_rows(f"SELECT id, kind, year {match} {newest_first}", [query])
        if len(rows) <= RANKED:
            return rows, len(rows), False
        rows = rows[:RANKED]
        # The oldest match: looked for among the oldest entries first (a broad query's is
        # there), then through the index (a query of recent entries, a year's).
        low = _pg_rows(f"SELECT id {table} ORDER BY id LIMIT 1 OFFSET {PG_NEWEST}", [])
        oldest = _pg_rows(
            f"SELECT id {match} AND id <= %s ORDER BY id LIMIT 1",
            [query, low[0][0] if low else rows[-1][0]],
        )
        if not oldest:
            oldest = _pg_rows(f"SELECT min(id) {match}", [query], through_index=True)
    newest_id, boundary, oldest_id = rows[0][0], rows[-1][0], oldest[0][0]
    share = (newest_id - boundary + 1) / (newest_id - oldest_id + 1)
    return rows, round(RANKED / share), True


def _pg_query(groups, tags: str) -> str:
    words = " & ".join(f"({_lexemes(group)})" for group in groups)
    return f"{words} & {tags}" if tags else words


def _postgresql(groups, viewer, kind, year, offset, limit) -> Found:
    """The RANKED newest matches are read once, as narrow rows, and counted here.

    Words, visibility, kind and year are one test against the stored `terms` (migration 0005),
    never text analysed per row. As on SQLite, a query with more matches than RANKED shows the
    newest first, with estimated counts; one with fewer is ranked by `ts_rank`."""
    rows, base_total, estimated = _pg_window(_pg_query(groups, _tag_query(viewer, "", None)))
    tally: dict[tuple, int] = {}
    for _pk, entry_kind, entry_year in rows:
        tally[entry_kind, entry_year] = tally.get((entry_kind, entry_year), 0) + 1
    counts = [(k, y, n) for (k, y), n in tally.items()]
    if estimated:
        counts = [(k, y, max(1, round(n * base_total / len(rows)))) for k, y, n in counts]
    total, narrowed_estimated = base_total, estimated
    if (kind or year) and estimated:
        rows, total, narrowed_estimated = _pg_window(
            _pg_query(groups, _tag_query(viewer, kind, year))
        )
    elif kind or year:
        rows = [r for r in rows if (not kind or r[1] == kind) and (not year or r[2] == year)]
        total = len(rows)
    ids = [pk for pk, _k, _y in rows]
    if narrowed_estimated:
        return Found(ids[offset : offset + limit], total, counts, True)
    ranked = _pg_rows(
        "SELECT id FROM search_searchentry WHERE id = ANY(%s) ORDER BY "
        "ts_rank(vector, %s::tsquery) DESC, id LIMIT %s OFFSET %s",
        [ids, _pg_query(groups, ""), limit, offset],
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
