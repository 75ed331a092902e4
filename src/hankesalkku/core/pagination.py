"""One paginator for every list: page numbers near the start, a keyset cursor for deep pages.

Why not Django's `Paginator`: it counts every matching row (a full scan at a million rows) and
pages with OFFSET, whose cost grows with the page number. Here

- the count is bounded: up to `threshold` rows it is exact; above it PostgreSQL's planner
  estimate is shown as "noin N" (SQLite, a small installation, counts exactly); where the
  planner expects more than `ESTIMATE_TRUSTED` thresholds, nothing is counted, and where the
  whole selection fits on the numbered pages read so far, they are the count;
- the first `MAX_NUMBERED_PAGES` pages are numbered (OFFSET is cheap there); "next" is always a
  cursor (`?after=`) holding the last row's sort values, so page 10 000 costs what page 2 does,
  given an index on the sort key;
- the sort is one of the list's declared columns (`?sort=name`, `?sort=-support`), always ended
  by the primary key so that the order, and so the cursor, is total.

API, for a view::

    SORTING = Sorting([Column("name", _("Nimi"), ("name",)), ...], default="name")
    page = paginate(queryset, request.GET, sorting=SORTING)
    # page.items, page.count / page.count_is_estimate, page.query(page=2), page.notes

and `{% include "core/partials/pager.html" %}` with `page` in the context. A bad `page`,
`sort` or `after` follows the lists' one rule for bad parameters (`core.params`): a note is
shown and the parameter ignored.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections
from django.db.models import F, Q
from django.utils.translation import gettext as _

from .params import ignored_note

PER_PAGE = 50
MAX_NUMBERED_PAGES = 20
COUNT_THRESHOLD = 10_000
ESTIMATE_TRUSTED = 2
"""A planner estimate above this many thresholds is shown without counting at all."""
# A real cursor holds a few sort values; anything longer is not one of ours.
MAX_CURSOR_CHARS = 2000


@dataclass(frozen=True)
class Column:
    """A sortable column: its URL key, its heading and the model fields it orders by."""

    key: str
    label: str
    fields: tuple[str, ...]
    # A column that may be NULL sorts its NULLs last both ways (and needs a DESC NULLS LAST
    # index to page descending); a NOT NULL one sorts plainly, so any index serves it.
    nullable: bool = False


class Sorting:
    """The columns a list may be sorted by; `?sort=key` ascending, `?sort=-key` descending."""

    def __init__(self, columns: list[Column], default: str):
        self.columns = {c.key: c for c in columns}
        self.default = default

    def parse(self, raw: str, notes: list[str]) -> tuple[Column, bool]:
        raw = (raw or "").strip()
        key, descending = (raw[1:], True) if raw.startswith("-") else (raw, False)
        if key in self.columns:
            return self.columns[key], descending
        if raw:
            notes.append(ignored_note(_("Järjestys"), raw))
        key = self.default.lstrip("-")
        return self.columns[key], self.default.startswith("-")


def ordering(column: Column, descending: bool) -> list:
    """NULLs last in both directions and on both databases, so the cursor can reason about them."""
    nulls = {"nulls_last": True} if column.nullable else {}
    terms = [
        F(name).desc(**nulls) if descending else F(name).asc(**nulls) for name in column.fields
    ]
    return [*terms, F("pk").desc() if descending else F("pk").asc()]


def _after(names: list[str], values: list, descending: bool, nullable: bool) -> Q:
    """Rows strictly after `values` in the order of `names` (the last name is the key)."""
    condition = Q(pk__in=[])
    equal = Q()
    for name, value in zip(names, values, strict=True):
        if value is None:
            beyond = Q(pk__in=[])  # NULLs come last: nothing is beyond a NULL but more NULLs
            same = Q(**{f"{name}__isnull": True})
        else:
            lookup = "lt" if descending else "gt"
            beyond = Q(**{f"{name}__{lookup}": value})
            if nullable and name != "pk":
                beyond |= Q(**{f"{name}__isnull": True})
            same = Q(**{name: value})
        condition |= equal & beyond
        equal &= same
    first, value = names[0], values[0]
    if value is not None and not nullable:
        # Redundant, but it is the range the index on the first column can seek to; the OR
        # chain alone makes PostgreSQL scan from the start of the index.
        condition &= Q(**{f"{first}__{'lte' if descending else 'gte'}": value})
    return condition


def encode_cursor(values: list) -> str:
    raw = json.dumps(values, cls=DjangoJSONEncoder, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, length: int) -> list | None:
    """The values, or None for anything that is not a cursor of this list's shape."""
    if len(cursor) > MAX_CURSOR_CHARS:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, UnicodeDecodeError, RecursionError):
        # RecursionError: a hand-made cursor of a thousand nested brackets.
        return None
    if not isinstance(values, list) or len(values) != length:
        return None
    if not all(v is None or isinstance(v, str | int | float) for v in values):
        return None
    return values


def estimate_rows(queryset) -> int | None:
    """The planner's estimate of the rows a query returns (PostgreSQL), without running it."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def count_rows(queryset, threshold: int = COUNT_THRESHOLD) -> tuple[int, bool]:
    """(count, is_estimate): exact up to `threshold`, the planner's estimate above it.

    The planner is asked first (2 ms): where it expects many times the threshold, counting
    the first `threshold` rows only to learn that there are more is skipped. That count is
    cheap for one indexed filter but not for an intersection: a call's projects of one
    organisation type took 400-550 ms at 1.5 M entities to find their first 10 000. Nearer the
    threshold, where an estimate could be on the wrong side of it, the rows are counted."""
    estimate = estimate_rows(queryset)
    if estimate is not None and estimate > ESTIMATE_TRUSTED * threshold:
        return estimate, True
    bounded = queryset.order_by()[: threshold + 1].count()
    if bounded <= threshold:
        return bounded, False
    if estimate is None:
        return queryset.count(), False
    return max(estimate, threshold + 1), True


def round_estimate(n: int) -> int:
    """Two significant digits: "noin 1 500 000", not a precise-looking 1 498 213."""
    if n < 100:
        return n
    scale = 10 ** (len(str(n)) - 2)
    return round(n / scale) * scale


@dataclass
class Page:
    items: list
    params: dict
    column: Column
    descending: bool
    count: int
    count_is_estimate: bool
    number: int | None  # None on a cursor page
    per_page: int
    next_cursor: str | None
    notes: list[str] = field(default_factory=list)

    @property
    def shown_count(self) -> int:
        return round_estimate(self.count) if self.count_is_estimate else self.count

    @property
    def page_count(self) -> int:
        return max(1, -(-self.count // self.per_page))

    @property
    def numbers(self) -> list[int]:
        """Numbered pages around the current one, within the cheap OFFSET range."""
        last = min(self.page_count, MAX_NUMBERED_PAGES)
        current = self.number or last
        return [n for n in range(1, last + 1) if n in (1, last) or abs(n - current) <= 2]

    @property
    def links(self) -> list[tuple[int, str, bool]]:
        """(number, query, is the current page) for the numbered pages."""
        return [(n, self.query(page=n), n == self.number) for n in self.numbers]

    @property
    def sort_key(self) -> str:
        return f"-{self.column.key}" if self.descending else self.column.key

    def query(self, **changes) -> str:
        """This list's URL query with `changes` (None removes a parameter); page and cursor
        are dropped unless named, so a new sort or filter starts from the first page."""
        params = {k: v for k, v in self.params.items() if k not in ("page", "after")}
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = str(value)
        return "?" + urlencode(params) if params else "?"

    def sort_query(self, key: str) -> str:
        """The link of a column heading: ascending first, then the other way."""
        flip = self.column.key == key and not self.descending
        return self.query(sort=f"-{key}" if flip else key)

    def next_query(self) -> str | None:
        return self.query(after=self.next_cursor) if self.next_cursor else None

    def first_row(self) -> int | None:
        return (self.number - 1) * self.per_page + 1 if self.number else None


def paginate(
    queryset,
    params,
    *,
    sorting: Sorting,
    per_page: int = PER_PAGE,
    threshold: int = COUNT_THRESHOLD,
    notes: list[str] | None = None,
) -> Page:
    """One page of `queryset` as `params` (a QueryDict or dict) asks; see the module's doc."""
    notes = notes if notes is not None else []
    plain = {k: params.get(k) for k in params if params.get(k) not in (None, "")}
    column, descending = sorting.parse(plain.get("sort", ""), notes)
    names = [*column.fields, "pk"]
    ordered = queryset.order_by(*ordering(column, descending))
    number = 1
    cursor = plain.get("after")
    if cursor:
        values = decode_cursor(cursor, len(names))
        if values is None:
            notes.append(ignored_note(_("Sivu"), cursor))
        else:
            ordered = ordered.filter(_after(names, values, descending, column.nullable))
            number = None
    elif plain.get("page"):
        raw = plain["page"]
        if raw.isdigit() and 1 <= int(raw) <= MAX_NUMBERED_PAGES:
            number = int(raw)
        else:
            notes.append(ignored_note(_("Sivu"), raw))
    offset = (number - 1) * per_page if number else 0
    rows = list(ordered[offset : offset + per_page + 1])
    items, more = rows[:per_page], len(rows) > per_page
    next_cursor = None
    if more:
        last = items[-1]
        next_cursor = encode_cursor([_value(last, name) for name in names])
    if number and not more and (items or offset == 0):
        # The last page of a numbered selection: what it holds is the count, exactly (and no
        # estimate, however far the planner was off, can show "noin 30 000" for a dozen rows).
        # An empty page past the end says nothing of where the end is: that one is counted.
        count, estimated = offset + len(items), False
    else:
        count, estimated = count_rows(queryset, threshold)
    return Page(
        items=items,
        params=plain,
        column=column,
        descending=descending,
        count=count,
        count_is_estimate=estimated,
        number=number,
        per_page=per_page,
        next_cursor=next_cursor,
        notes=notes,
    )


def _value(obj, name: str):
    for part in name.split("__"):
        obj = getattr(obj, part) if obj is not None else None
    if obj is not None and not isinstance(obj, str | int | float):
        obj = str(obj)  # dates and Decimals travel as text; the field converts them back
    return obj


def headings(page: Page, columns) -> list[dict]:
    """The table's headings from (sort key or None, label, is numeric): each with its sort
    link and `aria-sort`, for `<thead>` (a key of None is a column that does not sort)."""
    out = []
    for key, label, numeric in columns:
        here = key is not None and page.column.key == key
        out.append(
            {
                "label": label,
                "numeric": numeric,
                "url": page.sort_query(key) if key else None,
                "aria_sort": ("descending" if page.descending else "ascending") if here else None,
            }
        )
    return out


def list_template(request, template: str, partial: str) -> str:
    """The whole page, or only its results partial when htmx asks for `#results` (a filter
    changed): the same URL is the page, its bookmark and its update."""
    if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "results":
        return partial
    return template
