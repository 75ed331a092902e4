"""Call windows: a date range with its budget and the ministries behind it.

A call is a date range in a document about calls ("haku") whose sentence or
bullet is not about carrying out a project; its budget is the figure stated
with it, or in the next sentence of the same paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from . import dates, limits
from .money import Found
from .organisations import MINISTRIES, ministry_codes
from .result import CallMention
from .scan import gated
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

    for span in spans:
        s_start, s_end = sentence = segments.sentence(span.start)
        if sentence not in words:
            text = flat[s_start:s_end]
            words[sentence] = (bool(_PROJECT_WORD.search(text)), bool(_CALL_WORD.search(text)))
        project_word, call_word = words[sentence]
        if project_word and not call_word:
            continue
        budget = first_figure(s_start, s_end)
        parts = [sentence]  # the sentences the call is read from
        neighbours = []
        if s_end < len(flat):
            neighbours.append(segments.sentence(s_end))
        if s_start > 0:
            neighbours.append(segments.sentence(s_start - 1))
        for neighbour in neighbours:
            if budget is not None:
                break
            n_start, n_end = neighbour
            same_paragraph = segments.paragraph_index(n_start) == segments.paragraph_index(s_start)
            if same_paragraph:
                if neighbour not in budget_words:
                    budget_words[neighbour] = bool(_BUDGET_WORD.search(flat[n_start:n_end]))
                if budget_words[neighbour]:
                    budget = first_figure(n_start, n_end)
                    if budget is not None:
                        parts.append(neighbour)
        if budget is None and not call_word:
            continue
        if budget is None and len(spans) == 1 and len({f.eur for f in pooled}) == 1:
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
        end = max(span.end, budget.end if budget else span.end)
        mention = CallMention(
            opens=span.first,
            closes=span.last,
            budget_eur=budget.eur if budget else None,
            ministries=ministries,
            evidence=view.evidence(span.start, end),
        )
        if budget is not None:
            budgets.append(budget)
        calls.append((mention, (span.start, span.end)))
    for budget in budgets:
        budget.role = "call_budget"
    return calls


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
