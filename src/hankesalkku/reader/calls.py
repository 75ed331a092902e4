"""Call windows: a date range with its budget and the ministries behind it.

A call is a date range in a document about calls ("haku") whose sentence or
bullet is not about carrying out a project, or a call's closing day stated alone in a
sentence of applying ("Haku on avoinna 28.2.2026 asti"); its budget is the figure stated
with it, or in the next sentence of the same paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from . import dates, limits
from .money import Found
from .organisations import MINISTRIES, ministry_codes
from .result import CallMention
from .rewrites import by_first_letter, literal_first
from .scan import folded, gated
from .textview import TextView
from .wordlists import alternation, table

_WORDS = table("calls.toml")
_CALL_DOCUMENT = gated(alternation(_WORDS["call_document_words"]), re.I)
_CALL_WORD = gated(alternation(_WORDS["call_words"]), re.I)
_BUDGET_WORD = gated(alternation([*_WORDS["call_words"], *_WORDS["budget_words"]]), re.I)
_PROJECT_WORD = gated(alternation(_WORDS["project_words"]), re.I)


def find_calls(
    view: TextView, segments, figures: list[Found]
) -> list[tuple[CallMention, tuple[int, int]]]:
    """The call windows and the span of each; a call's budget figure is marked ``call_budget``.

    ``figures`` are in text order. What depends only on a sentence is found once a sentence
    (many date ranges can share one long sentence)."""
    flat = view.flat
    if not _CALL_DOCUMENT.search(flat):
        return []
    calls = []
    budgets = []  # marked as call budgets once every call is read
    spans = dates.find_date_ranges(flat)
    starts = [f.start for f in figures]
    # A call notice states its money under its own heading ("Käytettävissä oleva rahoitus"):
    # with one call window, the document's only call budget belongs to it.
    pooled = [f for f in figures if f.role == "call_budget"]
    words: dict[tuple[int, int], tuple[bool, bool]] = {}  # sentence -> (project word, call word)
    budget_words: dict[tuple[int, int], bool] = {}
    ministries_of: dict[tuple, list[str]] = {}
    granting: list[list[str]] = []  # the document's granting ministries, found once

    def first_figure(start: int, end: int) -> Found | None:
        """The first figure starting in [start, end)."""
        i = bisect_left(starts, start)
        return figures[i] if i < len(figures) and figures[i].start < end else None

    def budget_of(sentence: tuple[int, int]) -> tuple[Found | None, list[tuple[int, int]]]:
        """The call's budget: the first figure of its sentence, or of the next (or the one
        before) in the same paragraph that speaks of a call's money; the sentences read."""
        s_start, s_end = sentence
        budget = first_figure(s_start, s_end)
        parts = [sentence]
        neighbours = []
        if s_end < len(flat):
            neighbours.append(segments.sentence(s_end))
        if s_start > 0:
            neighbours.append(segments.sentence(s_start - 1))
        for neighbour in neighbours:
            if budget is not None:
                break
            n_start, n_end = neighbour
            if segments.paragraph_index(n_start) == segments.paragraph_index(s_start):
                if neighbour not in budget_words:
                    budget_words[neighbour] = bool(_BUDGET_WORD.search(flat[n_start:n_end]))
                if budget_words[neighbour]:
                    budget = first_figure(n_start, n_end)
                    if budget is not None:
                        parts.append(neighbour)
        return budget, parts

    def add(opens, closes, start: int, end: int, budget, parts, windows: int) -> None:
        if budget is None and windows == 1 and len({f.eur for f in pooled}) == 1:
            budget = pooled[0]
            parts.append(segments.sentence(budget.start))
        key = tuple(parts)
        if key not in ministries_of:
            ministries_of[key] = ministry_codes(" ".join(flat[a:b] for a, b in parts))
        ministries = list(ministries_of[key])
        if not ministries:
            if not granting:
                granting.append(_granting_ministries(flat))
            ministries = list(granting[0])
        mention = CallMention(
            opens=opens,
            closes=closes,
            budget_eur=budget.eur if budget else None,
            ministries=ministries,
            evidence=view.evidence(start, max(end, budget.end if budget else end)),
        )
        if budget is not None:
            budgets.append(budget)
        calls.append((mention, (start, end)))

    def sentence_words(sentence: tuple[int, int]) -> tuple[bool, bool]:
        if sentence not in words:
            text = flat[sentence[0] : sentence[1]]
            words[sentence] = (bool(_PROJECT_WORD.search(text)), bool(_CALL_WORD.search(text)))
        return words[sentence]

    closing = _closing_days(flat, segments, spans)
    windows = len(spans) + len(closing)
    for span in spans:
        sentence = segments.sentence(span.start)
        project_word, call_word = sentence_words(sentence)
        if project_word and not call_word:
            continue
        budget, parts = budget_of(sentence)
        if budget is None and not call_word:
            continue
        add(span.first, span.last, span.start, span.end, budget, parts, windows)
    for opens, start, end, day in closing:  # a call's closing day ("Haku on avoinna … asti")
        sentence = segments.sentence(start)
        if sentence_words(sentence)[0]:
            continue  # (a project's sentence)
        budget, parts = budget_of(sentence)
        add(opens, day, start, end, budget, parts, windows)
    for budget in budgets:
        budget.role = "call_budget"
    return calls


_CLOSING_BEFORE = re.compile(r"(?:" + alternation(_WORDS["closing_before"]) + r")\s*$", re.I)
_CLOSING_AFTER = re.compile(
    r"\s*(?:,?\s*klo\.?\s*[\d.:]+\s*)?(?:" + alternation(_WORDS["closing_after"]) + r")\b", re.I
)
# (on the folded text, each alternative from its first letter, as _CLOSING_ANY)
_CLOSING_WORD = re.compile(by_first_letter([literal_first(w) for w in _WORDS["closing_words"]]))
_NOT_CALL_DEADLINE = re.compile(
    by_first_letter([literal_first(w) for w in _WORDS["not_call_deadline_words"]])
)
_OPENING_BEFORE = re.compile(r"\b(?:" + alternation(_WORDS["opening_before"]) + r")\s*$", re.I)
_OPENING_AFTER = re.compile(r"\s*(?:" + alternation(_WORDS["opening_after"]) + r")\b", re.I)
_OPENING_REACH = 300  # characters from an opening day to the closing day after it
# any word of closing, to find the dates near one (on the folded text, each alternative from
# its first letter: the engine skips to those letters, as re.IGNORECASE would not)
_CLOSING_ANY = re.compile(
    by_first_letter(
        [literal_first(w) for w in (*_WORDS["closing_before"], *_WORDS["closing_after"])]
    )
)
_DATE_WIDTH = 12  # characters of the longest numeric date ("12.12.2026")
_CLOSING_REACH = 60  # characters before a closing day where its word may stand


def _closing_days(flat: str, segments, spans) -> list[tuple[int | None, int, int, str]]:
    """(opening day or None, start, end, ISO day) of each day a call closes on, stated without
    a date range: a day with a word of closing right before or after it, in a sentence of
    applying, outside the date ranges; each day once. Only the dates near a word of closing
    are read (speed: most of a document's dates are no call's)."""
    low = folded(flat)
    if not _CLOSING_WORD.search(low):
        return []
    days = {day for span in spans for day in (span.first, span.last)}  # (a window's own days)
    found = []
    for start, end, day in _dates_near(flat, _CLOSING_ANY.finditer(low), _CLOSING_REACH):
        if day in days or any(span.start <= start < span.end for span in spans):
            continue
        closing = _CLOSING_AFTER.match(flat, end) or _CLOSING_BEFORE.search(
            flat, max(0, start - _CLOSING_REACH), start
        )
        if closing is None:
            continue
        s_start, s_end = segments.sentence(start)
        if (
            closing.start() >= s_start
            and _CLOSING_WORD.search(low, s_start, s_end)
            and not _NOT_CALL_DEADLINE.search(low, s_start, s_end)
        ):
            found.append((_opening_day(flat, segments, start, day), start, end, day))
            days.add(day)
    return found


def _dates_near(flat: str, words, reach: int) -> list[tuple[int, int, str]]:
    """The dates (start, end, ISO) within ``reach`` of each of ``words`` (matches in text
    order), in text order."""
    windows: list[list[int]] = []
    for m in words:
        a, b = max(0, m.start() - reach - _DATE_WIDTH), min(len(flat), m.end() + reach)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    return [(a + s, a + e, day) for a, b in windows for s, e, day in dates.find_dates(flat[a:b])]


def _opening_day(flat: str, segments, closing_start: int, closing: str) -> str | None:
    """The call's opening day stated before its closing day in the same paragraph, or None."""
    paragraph = segments.paragraph_index(closing_start)
    a = max(0, closing_start - _OPENING_REACH)
    before = dates.find_dates(flat[a:closing_start])
    for start, end, day in reversed(before[-3:]):
        start, end = a + start, a + end
        if segments.paragraph_index(start) != paragraph:
            return None
        if day < closing and (
            _OPENING_AFTER.match(flat, end)
            or _OPENING_BEFORE.search(flat, max(0, start - _CLOSING_REACH), start)
        ):
            return day
    return None


_GRANT_WORDS = tuple(_WORDS["grant_authority_words"])
_MINISTRY_GRANT = gated(
    "(?:"
    + alternation(["ministeriön", *(f"{code}:n" for code in MINISTRIES)])
    + r")\s+(?:"
    + alternation(_GRANT_WORDS)
    + ")"
)


_ANNOUNCING = gated(alternation(_WORDS["announcing_words"]), re.I)


def _granting_ministries(flat: str) -> list[str]:
    """Ministries whose grant authority the document names ("STM:n myöntövaltuudesta"),
    else the ministry that announces the call or holds its money."""
    codes: list[str] = []
    if not any(word in flat for word in _GRANT_WORDS):
        m = _ANNOUNCING.search(flat)
        if m:
            line_start = flat.rfind("\n", max(0, m.start() - limits.CLAUSE_REACH), m.start()) + 1
            codes = ministry_codes(flat[line_start : m.end()])
        return codes
    for m in _MINISTRY_GRANT.finditer(flat):
        low = max(0, m.start() - limits.CLAUSE_REACH)  # (a line without end is read so far back)
        found = max(flat.rfind("\n", low, m.start()), flat.rfind(". ", low, m.start()))
        line_start = found + 1 if found >= 0 else low
        for code in ministry_codes(flat[line_start : m.end()]):
            if code not in codes:
                codes.append(code)
    return codes
