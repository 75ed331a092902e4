"""Call windows: a date range with its budget and the ministries behind it.

A call is a date range in a document about calls ("haku") whose sentence or
bullet is not about carrying out a project; its budget is the figure stated
with it, or in the next sentence of the same paragraph.
"""

from __future__ import annotations

import re

from . import dates
from .money import Found
from .organisations import ministry_codes
from .result import CallMention
from .scan import gated
from .textview import TextView

_CALL_DOCUMENT = gated(r"haku|hakuaika|haettavana|ansökningstid|haettavissa", re.I)
_CALL_WORD = gated(
    r"haku\w*|hakuaika|haettavana|haettavissa|\bhaussa\b|\bhaun\b|ansökningstid", re.I
)
_BUDGET_WORD = gated(
    _CALL_WORD.pattern + r"|jaetaan|jaettava\w*|myöntövaltuu\w*|avustuksi\w*|budjet\w*", re.I
)
_PROJECT_WORD = gated(
    r"\btoteute\w*|\btoteutu\w*|hankeaika|toteutusaika|alka\w*\s+\d|\bhanke\s+toteutetaan", re.I
)


def find_calls(
    view: TextView, segments, figures: list[Found]
) -> list[tuple[CallMention, tuple[int, int]]]:
    flat = view.flat
    if not _CALL_DOCUMENT.search(flat):
        return []
    calls = []
    spans = dates.find_date_ranges(flat)
    # A call notice states its money under its own heading ("Käytettävissä oleva rahoitus"):
    # with one call window, the document's only call budget belongs to it.
    pooled = [f for f in figures if f.role == "call_budget"]
    for span in spans:
        s_start, s_end = segments.sentence(span.start)
        sentence = flat[s_start:s_end]
        if _PROJECT_WORD.search(sentence) and not _CALL_WORD.search(sentence):
            continue
        budget = next((f for f in figures if s_start <= f.start < s_end), None)
        neighbours = []
        if s_end < len(flat):
            neighbours.append(segments.sentence(s_end))
        if s_start > 0:
            neighbours.append(segments.sentence(s_start - 1))
        for n_start, n_end in neighbours:
            if budget is not None:
                break
            same_paragraph = segments.paragraph_index(n_start) == segments.paragraph_index(s_start)
            if same_paragraph and _BUDGET_WORD.search(flat[n_start:n_end]):
                budget = next((f for f in figures if n_start <= f.start < n_end), None)
                if budget is not None:
                    sentence = sentence + " " + flat[n_start:n_end]
        if budget is None and not _CALL_WORD.search(sentence):
            continue
        if budget is None and len(spans) == 1 and len({f.eur for f in pooled}) == 1:
            budget = pooled[0]
            b_start, b_end = segments.sentence(budget.start)
            sentence = sentence + " " + flat[b_start:b_end]
        ministries = ministry_codes(sentence) or _granting_ministries(flat)
        end = max(span.end, budget.end if budget else span.end)
        mention = CallMention(
            opens=span.first,
            closes=span.last,
            budget_eur=budget.eur if budget else None,
            ministries=ministries,
            evidence=view.evidence(span.start, end),
        )
        if budget is not None:
            budget.role = "call_budget"
        calls.append((mention, (span.start, span.end)))
    return calls


_MINISTRY_GRANT = gated(r"(?:ministeriön|OKM:n|STM:n|TEM:n)\s+(?:myöntövaltuu|myöntämä|rahoittama)")


def _granting_ministries(flat: str) -> list[str]:
    """Ministries whose grant authority the document names ("STM:n myöntövaltuudesta")."""
    codes: list[str] = []
    if "myöntövaltuu" not in flat and "myöntämä" not in flat and "rahoittama" not in flat:
        return codes
    for m in _MINISTRY_GRANT.finditer(flat):
        line_start = max(flat.rfind("\n", 0, m.start()), flat.rfind(". ", 0, m.start())) + 1
        for code in ministry_codes(flat[line_start : m.end()]):
            if code not in codes:
                codes.append(code)
    return codes
