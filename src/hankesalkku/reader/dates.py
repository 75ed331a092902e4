"""Finnish dates, date ranges and year spans.

Ranges are often written with the year once ("21.3.-6.6.2025") or even the
month once ("1.-31.3.2025"); the missing parts are taken from the end date.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from .scan import gated
from .wordlists import lines

logger = logging.getLogger(__name__)

_MONTHS = lines("months.txt")  # "tammi" … "joulu", January first
_DASH = r"\s?[-\u2013\u2014]\s?"
# "(?<![\d.])\d{1,2}" written as "\d(?<![\d.]\d)\d?" (and the same for years): the same
# matches, but a pattern that starts with a digit lets the regex engine skip from digit to
# digit, which is faster than gating on "19"/"20", which occur in every figure and date.
DATE = re.compile(r"(\d(?<![\d.]\d)\d?)\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?!\d)")
DATE_WORDS = gated(
    r"(?<![\d.])(\d{1,2})\.\s?(" + "|".join(_MONTHS) + r")kuuta\s+((?:19|20)\d{2})\b", re.I
)
ISO_DATE = re.compile(r"((?:19|20)(?<!\d..)\d{2})-(\d{2})-(\d{2})(?!\d)")
DATE_RANGE = re.compile(
    r"(\d(?<![\d.]\d)\d?)\.(?:\s?(\d{1,2})\.(?:\s?((?:19|20)\d{2}))?)?"
    + _DASH
    + r"(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?!\d)"
)
YEAR_RANGE = re.compile(r"((?:19|20)(?<![\d.]..)\d{2})" + _DASH + r"((?:19|20)?\d{2})(?!\d|\.\d)")
START_END = gated(
    r"\balka(?:a|vat|nut)?\s+(\d{1,2}\.\d{1,2}\.\d{4})[^.]{0,60}?\bpäätty(?:y|vät)\s+(\d{1,2}\.\d{1,2}\.\d{4})",
    re.I,
)

# "1.1.2025 alkaen … 31.12.2026 saakka": the start and the end stated as two dates
FROM_UNTIL = gated(
    r"(\d{1,2}\.\d{1,2}\.\d{4})\s+(?:alkaen|lähtien)[^.]{0,80}?(\d{1,2}\.\d{1,2}\.\d{4})\s+(?:saakka|asti)"
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    first: str  # ISO date, or a year
    last: str


def iso(day: str | int, month: str | int, year: str | int) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:  # "31.2.2025", "15.13.2024": not a date
        logger.debug("no such date: %s.%s.%s", day, month, year)
        return None


def parse_date(match: re.Match) -> str | None:
    if match.re.pattern == DATE_WORDS.pattern:
        month = _MONTHS.index(match.group(2).lower()) + 1
        return iso(match.group(1), month, match.group(3))
    if match.re.pattern == ISO_DATE.pattern:
        return iso(match.group(3), match.group(2), match.group(1))
    return iso(match.group(1), match.group(2), match.group(3))


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """All single dates as (start, end, ISO)."""
    found = []
    for pattern in (DATE, DATE_WORDS, ISO_DATE):
        for match in pattern.finditer(text):
            value = parse_date(match)
            if value:
                found.append((match.start(), match.end(), value))
    found.sort()
    return found


_ranges_of: dict[int, tuple[str, list[Span]]] = {}


def find_date_ranges(text: str) -> list[Span]:
    """Date ranges; remembered for the last few texts, as the period and the calls both ask."""
    cached = _ranges_of.get(id(text))
    if cached is not None and cached[0] is text:
        return list(cached[1])
    spans = _date_ranges(text)
    if len(_ranges_of) > 4:
        _ranges_of.clear()
    _ranges_of[id(text)] = (text, spans)
    return list(spans)


def _date_ranges(text: str) -> list[Span]:
    spans = []
    for match in DATE_RANGE.finditer(text):
        d1, m1, y1, d2, m2, y2 = match.groups()
        last = iso(d2, m2, y2)
        first = iso(d1, m1 or m2, y1 or y2)
        if first and last and first <= last:
            spans.append(Span(match.start(), match.end(), first, last))
    for match in [*START_END.finditer(text), *FROM_UNTIL.finditer(text)]:
        first = _from_dotted(match.group(1))
        last = _from_dotted(match.group(2))
        if first and last:
            spans.append(Span(match.start(), match.end(), first, last))
    return spans


def find_year_ranges(text: str) -> list[Span]:
    spans = []
    for match in YEAR_RANGE.finditer(text):
        first, last = match.group(1), match.group(2)
        if len(last) == 2:
            last = first[:2] + last
        if first < last <= str(int(first) + 15):
            spans.append(Span(match.start(), match.end(), first, last))
    return spans


def _from_dotted(value: str) -> str | None:
    day, month, year = value.split(".")
    return iso(day, month, year)
