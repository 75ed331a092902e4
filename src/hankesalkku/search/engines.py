"""The two engines behind one interface: match analysed query groups, rank the matches.

A query is a list of groups, one per word; a group matches when any of its terms does (a base
form, a compound part, the word itself), and every group must match. Terms are letters and
digits only (lemmas.TERM), so they are quoted into the engines' syntax without escaping.
"""

from django.db import connection


def _fts5_expression(groups) -> str:
    return " AND ".join("(" + " OR ".join(f'"{t}"' for t in sorted(g)) + ")" for g in groups)


def _tsquery(groups) -> str:
    return " & ".join("(" + " | ".join(sorted(g)) + ")" for g in groups)


def matching(queryset, groups):
    """The entries of `queryset` that match, with a `score` to order by (lower is better)."""
    table = queryset.model._meta.db_table
    if connection.vendor == "postgresql":
        vector = f"to_tsvector('simple'::regconfig, {table}.lemmas)"
        query = "to_tsquery('simple'::regconfig, %s)"
        expression = _tsquery(groups)
        return queryset.extra(
            where=[f"{vector} @@ {query}"],
            params=[expression],
            select={"score": f"-ts_rank({vector}, {query})"},
            select_params=[expression],
        )
    if connection.vendor == "sqlite":
        return queryset.extra(
            tables=["search_fts"],
            where=[f"search_fts.rowid = {table}.id", "search_fts MATCH %s"],
            params=[_fts5_expression(groups)],
            select={"score": "search_fts.rank"},
        )
    raise NotImplementedError(f"search needs SQLite or PostgreSQL, not {connection.vendor}")
