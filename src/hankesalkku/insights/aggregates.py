"""Counting combinations in the database: "how many entities are funded by OKM only, by STM only,
by both?" and "how many entities touch education, social and health, leisure?".

Each entity gets one flag per option (did any of its rows match?) in an inner GROUP BY, and the
outer query counts entities per combination of flags. The database returns at most 2^k rows for
k options, whatever the number of entities; the ORM cannot group by an aggregate, so the outer
query wraps the ORM's own SQL (parameters stay parameters).
"""

from __future__ import annotations

from django.db import connections
from django.db.models import Case, IntegerField, Max, Value, When


def count_combinations(rows, group_field: str, flag_field: str, options: list) -> dict:
    """{(flag per option, …): number of groups} over `rows` grouped by `group_field`.

    `rows` is a queryset of link rows (e.g. the entity–ministry table filtered to the
    selection); `flag_field` is compared with each of `options`.
    """
    if not options:
        return {}
    flags = {
        f"f{index}": Max(
            Case(
                When(**{flag_field: option}, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        for index, option in enumerate(options)
    }
    inner = rows.order_by().values(group_field).annotate(**flags).values(*flags)
    sql, params = inner.query.sql_with_params()
    connection = connections[inner.db]
    columns = ", ".join(connection.ops.quote_name(name) for name in flags)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns}, COUNT(*) FROM ({sql}) per_group GROUP BY {columns}", params
        )
        return {tuple(bool(v) for v in row[:-1]): row[-1] for row in cursor.fetchall()}
