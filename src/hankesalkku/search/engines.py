"""The two engines behind one interface: match, count and rank inside the full-text index.

A query is a list of groups, one per word; a group matches when any of its terms does (a base
form, a compound part, the word itself), and every group must match. Terms are letters and
digits only (lemmas.TERM), so they are quoted into the engines' syntax without escaping; the
tags (visibility.entry_tags) are too.

Why it is built this way: a broad word ("kulttuuri") matches most of a national portfolio.
Scoring every match with BM25, joining every match to its entry to filter drafts, and counting
every match by kind and year took 2.5 s at 100 000 projects. So visibility, kind and year are
terms in the index (the tags column), matched with the words; only the RANKED newest matches
are scored, counted by kind and year and paged (a query with fewer matches is ranked and counted
exactly); above that the total and the facets are estimates from where the RANKED-th match lies
in the id range, shown as "noin". Only the page's 20 entries are read from the entry table.
"""

from dataclasses import dataclass, field

from django.db import connection

RANKED = 2000
"""Matches scored and counted per query; more make an estimate ("noin")."""


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


def _fts5(groups, viewer, kind, year) -> tuple[str, str]:
    """(the words and who may see, the same narrowed by kind and year) as FTS5 expressions."""
    base = f"lemmas : ({_words(groups)})"
    if viewer is not None:
        base += " AND tags : (" + " OR ".join(f'"{t}"' for t in viewer) + ")"
    narrowed = base
    if kind:
        narrowed += f' AND tags : "k{kind!s}"'
    if year:
        narrowed += f' AND tags : "y{int(year)}"'
    return base, narrowed


def _one(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row[0] if row else None


def _window(expression) -> tuple[int, int, bool]:
    """(lowest id to consider, matches there or an estimate of all, estimated?)."""
    match = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid"
    boundary = _one(f"{match} DESC LIMIT 1 OFFSET {RANKED - 1}", [expression])
    if boundary is None:
        count = _one("SELECT count(*) FROM search_fts WHERE search_fts MATCH %s", [expression])
        return 0, count or 0, False
    newest = _one(f"{match} DESC LIMIT 1", [expression])
    oldest = _one(f"{match} ASC LIMIT 1", [expression])
    share = (newest - boundary + 1) / (newest - oldest + 1)
    return boundary, round(RANKED / share), True


def _sqlite(groups, viewer, kind, year, offset, limit) -> Found:
    base, narrowed = _fts5(groups, viewer, kind, year)
    lowest, base_total, estimated = _window(base)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT m.kind, m.year, count(*) FROM search_fts "
            "JOIN search_fts_meta m ON m.id = search_fts.rowid "
            "WHERE search_fts MATCH %s AND search_fts.rowid >= %s GROUP BY m.kind, m.year",
            [base, lowest],
        )
        counts = cursor.fetchall()
    if estimated:
        window = sum(n for _k, _y, n in counts) or 1
        counts = [(k, y, max(1, round(n * base_total / window))) for k, y, n in counts]
    if narrowed != base:
        lowest, total, narrowed_estimated = _window(narrowed)
    else:
        total, narrowed_estimated = base_total, estimated
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s AND rowid >= %s "
            "ORDER BY rank LIMIT %s OFFSET %s",
            [narrowed, lowest, limit, offset],
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
