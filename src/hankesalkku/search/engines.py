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

from django.db import connection

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


def _postgresql(groups, viewer, kind, year, offset, limit) -> Found:
    """The GIN index finds the matches; the RANKED newest of them are ranked and counted."""
    from django.db.models import Count, Q

    from .models import SearchEntry

    expression = " & ".join("(" + " | ".join(sorted(g)) + ")" for g in groups)
    vector = "to_tsvector('simple'::regconfig, search_searchentry.lemmas)"
    query = "to_tsquery('simple'::regconfig, %s)"
    matched = SearchEntry.objects.extra(where=[f"{vector} @@ {query}"], params=[expression])
    if viewer is not None:
        condition = Q()
        for term in viewer:
            condition |= Q(tags__regex=rf"(^| ){term}( |$)")
        matched = matched.filter(condition)

    def window(qs):
        ids = list(qs.order_by("-pk").values_list("pk", flat=True)[: RANKED + 1])
        if len(ids) <= RANKED:
            return qs.filter(pk__in=ids), len(ids), False
        newest, boundary = ids[0], ids[RANKED - 1]
        oldest = qs.order_by("pk").values_list("pk", flat=True).first()
        share = (newest - boundary + 1) / (newest - oldest + 1)
        return qs.filter(pk__gte=boundary), round(RANKED / share), True

    base, base_total, estimated = window(matched)
    counts = list(base.values_list("kind", "year").annotate(n=Count("id")).order_by())
    if estimated:
        seen = sum(n for _k, _y, n in counts) or 1
        counts = [(k, y, max(1, round(n * base_total / seen))) for k, y, n in counts]
    narrowed = matched.filter(kind=kind) if kind else matched
    narrowed = narrowed.filter(year=year) if year else narrowed
    if kind or year:
        page, total, narrowed_estimated = window(narrowed)
    else:
        page, total, narrowed_estimated = base, base_total, estimated
    ranked = page.extra(
        select={"score": f"ts_rank({vector}, {query})"}, select_params=[expression]
    ).order_by("-score", "pk")
    ids = list(ranked.values_list("pk", flat=True)[offset : offset + limit])
    return Found(ids, total, counts, estimated or narrowed_estimated)


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
