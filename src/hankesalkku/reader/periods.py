"""The project period: a date or year range stated as the time of implementation.

A range is a project's period where the words around it say so ("Hanke toteutetaan vuosina
2025–2027", "Projektet genomförs åren …"): not a call's window (found as a call, or just after
a call's word), not the EU's budget period, and not the years of a programme, a strategy, a
framework or a funding period ("kaudelle 2021–2027", "Kuntastrategiaa toteutetaan vuosina …").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from . import dates
from .scan import folded, gated
from .wordlists import alternation, table

_DATA = table("fields.toml")


# lower case, searched in case-folded context windows (as re.IGNORECASE, but faster)
_PERIOD_CONTEXT = re.compile(alternation(_DATA["period_words"]))
_PROGRAMME_PERIOD = gated(alternation(_DATA["programme_period_words"]), re.I)
_YEAR_PERIOD = re.compile(alternation(_DATA["year_period_words"]))
_CALL_WINDOW = re.compile(r"\b(?:" + alternation(_DATA["call_window_words"]) + r")\s+(?:\w+\s+)?$")
_YEAR_PERIOD_OWNER = re.compile(alternation(_DATA["year_period_owners"]))
_NOT_PROJECTS_YEARS = re.compile(alternation(_DATA["not_project_year_words"]))
_EU_BUDGET_PERIODS = frozenset(tuple(p.split("-")) for p in _DATA["eu_budget_periods"])


def _within(spans: list[tuple[int, int]]):
    """A test of whether a position is in any of ``spans`` (half open), in O(log n) a test."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [start for start, _ in merged]

    def within(position: int) -> bool:
        i = bisect_right(starts, position) - 1
        return i >= 0 and position < merged[i][1]

    return within


def period(flat: str, call_spans: list[tuple[int, int]]):
    """The project period: a date or year range stated as the time of implementation."""
    in_call = _within(call_spans)
    candidates = []
    low = folded(flat)
    for span in dates.find_date_ranges(flat):
        if in_call(span.start) or _CALL_WINDOW.search(low, max(0, span.start - 30), span.start):
            continue
        context = low[max(0, span.start - 80) : span.end + 40]
        if _PERIOD_CONTEXT.search(context):
            candidates.append((0, span))
    for span in dates.find_year_ranges(flat):
        context = low[max(0, span.start - 50) : span.end + 25]
        if _PROGRAMME_PERIOD.search(flat, max(0, span.start - 30), span.start):
            continue  # "Uudistuva ja osaava Suomi 2021–2027" is the programme's period, not the project's
        if _PERIOD_CONTEXT.search(context) and _a_projects_years(low, span, context):
            candidates.append((1, span))
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1].start))
    return candidates[0][1]


def _a_projects_years(low: str, span, context: str) -> bool:
    """Whether a year range is a project's time: not the EU's budget period, and said to be
    when it is carried out, or a project or grant named just before it."""
    if (span.first, span.last) in _EU_BUDGET_PERIODS:
        return False
    if _NOT_PROJECTS_YEARS.search(low, max(0, span.start - 50), span.start):
        return False  # "Kuntastrategiaa toteutetaan vuosina 2022–2025"
    return bool(
        _YEAR_PERIOD.search(context)
        or _YEAR_PERIOD_OWNER.search(low, max(0, span.start - 60), span.start)
    )
