"""The role of each euro figure: from the nearest role word, its clause and the document's kind.

A figure takes the role of the role word nearest it (the last one before it in its sentence,
else the first after it; ``data/money.toml``); a bullet takes the words of the clause or heading
that introduced its list; a grant stated in the clause turns support into a grant, support
applied for stays support; the guessed kind then says what a call's or results' figures are.
A figure with no role word near it is left ``undecided`` and not given: a wrong amount costs
more than a missing one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import limits
from .scan import alternatives, by_first_letter, fold_case, folded, literal_first
from .segments import bullet_heading
from .tables import granted_above
from .wordlists import alternation, table

if TYPE_CHECKING:
    from .money import Found

_WORDS = table("money.toml")

# (role, its words as one alternation), in the order of the data file
ROLE_WORDS = [(role, alternation(words)) for role, words in _WORDS["roles"].items()]
# All lower case, matched against case-folded windows: as re.IGNORECASE would, but faster.
_ROLE_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in ROLE_WORDS))
assert all(pattern == pattern.lower() for _, pattern in ROLE_WORDS)
# Speed: the same alternatives in the same order without groups, each starting with a plain
# character where it can. It matches where _ROLE_RE matches, with the same extent (the first
# alternative that matches wins in both); _ROLE_RE is then run only at the match that counts,
# for its group name. Named groups around every alternative make the engine enter each one
# at every character; without them it rejects most positions on their first letter.
_ROLE_ANY = re.compile(
    by_first_letter(
        [literal_first(alt) for _, pattern in ROLE_WORDS for alt in alternatives(pattern)]
    )
)
_PART_MARK = re.compile(
    r"osahank\w*|hankeosuu\w*|osatoteutu\w*|delprojekt\w*|[Tt]oteuttajakohtai\w*|"
    r"(?<!tuen )\bosuu(?:s|den|teen)\b|"
    r"\b[A-ZÅÄÖ]\w+n\s+(?:kaupungin\s+)?(?:hankkeen|hankkeelle)\b|"
    r"\w+(?:toimialan|kaupungin|yksikön|kunnan)\s+hanke\w*"
)
# on the folded text: as re.IGNORECASE on the text, but the engine skips to the first letters
_GRANTING = re.compile(by_first_letter([literal_first(w) for w in _WORDS["granting"]]))
_APPLIED = re.compile(by_first_letter([literal_first(w) for w in _WORDS["applying"]]))
_GROUP_SIGNAL = re.compile(by_first_letter(list(_WORDS["group_project"])))
# _PART_MARK's alternatives that need more than a word (only whether one occurs counts)
_PART_OSUU = re.compile(r"(?<!tuen )\bosuu(?:s|den|teen)\b")
_PART_CITY = re.compile(r"\b[A-ZÅÄÖ]\w+n\s+(?:kaupungin\s+)?(?:hankkeen|hankkeelle)\b")
# "\w+X\s+hanke" occurs exactly where "\wX\s+hanke" does; this form does not backtrack
_PART_UNIT = re.compile(r"\w(?:toimialan|kaupungin|yksikön|kunnan)\s+hanke")

UNDECIDED = "undecided"  # no role word near a figure: not given (a wrong amount costs more)


def role_of(window_before: str, window_after: str) -> str | None:
    """The role word nearest the figure: the last one before it, else the first after it."""
    before = fold_case(window_before)
    return _role_in(before, before, (0, len(before)), (0, 0)) or (
        _first_role(fold_case(window_after), 0, len(window_after)) if window_after else None
    )


def _first_role(low: str, start: int, end: int) -> str | None:
    m = _ROLE_ANY.search(low, start, end)
    return _ROLE_RE.match(low, m.start(), end).lastgroup if m else None


def _mid_word(low: str, pos: int, end: int) -> bool:
    """Whether a window ``low[pos:end]`` starts inside a word."""
    if pos <= 0 or pos >= end:
        return False
    before, first = low[pos - 1], low[pos]
    return (before.isalnum() or before == "_") and (first.isalnum() or first == "_")


def _role_in(flat: str, low: str, before: tuple[int, int], after: tuple[int, int]) -> str | None:
    """``role_of(flat[slice before], flat[slice after])`` without copying the windows.

    Runs on the document's folded text with ``pos``/``endpos``: the same matches as
    on a folded slice, except that ``\\b`` (and a look-behind one character back) at
    ``pos`` sees the character before it. That only matters for a role word starting
    at ``pos`` right after a letter, so only a window starting inside a word is sliced.
    """
    b0, b1 = before
    a0, a1 = after
    if _mid_word(low, b0, b1) or _mid_word(low, a0, a1):
        return role_of(flat[b0:b1], flat[a0:a1])
    last = None
    for last in _ROLE_ANY.finditer(low, b0, b1):  # noqa: B007 - the last one counts
        pass
    if last is not None:
        return _ROLE_RE.match(low, last.start(), b1).lastgroup
    return _first_role(low, a0, a1) if a1 > a0 else None


def _table_role(flat: str, low: str, table: tuple[int | None, int]) -> str | None:
    """The role of a table's figures: the role word of the line that introduces the table,
    else a grant where granting is spoken of just above it ("Kaupunki myöntää avustuksia …")."""
    intro, _heading = table
    role = None if intro is None else _role_in(flat, low, (intro, flat.find("\n", intro)), (0, 0))
    if role is None and granted_above(low, table):
        return "granted"
    return role


def _indent(flat: str, start: int) -> int:
    """How many line breaks open the sentence at ``start`` (a bullet's line starts after them)."""
    return len(flat[start : start + 4]) - len(flat[start : start + 4].lstrip("\n"))


def _part_mark(clause: str) -> bool:
    """``bool(_PART_MARK.search(clause))``, one cheap word test per alternative first."""
    return (
        "osahank" in clause
        or "hankeosuu" in clause
        or "osatoteutu" in clause
        or "delprojekt" in clause
        or "toteuttajakohtai" in clause
        or "Toteuttajakohtai" in clause
        or "osuu" in clause
        and _PART_OSUU.search(clause) is not None
        or "hankkee" in clause
        and _PART_CITY.search(clause) is not None
        or "hanke" in clause
        and _PART_UNIT.search(clause) is not None
    )


def assign_roles(flat: str, figures: list[Found], segments, callish: bool, kind: str = "") -> None:
    """Role per figure; ``kind`` is the guessed document kind.

    In a call notice a project's cost or support is a condition of the call
    ("kokonaiskustannusten tulee olla vähintään 200 000 euroa"), not a fact of a
    project; in call results a project's support is what it was granted.
    """
    low = folded(flat)
    group_project = bool(_GROUP_SIGNAL.search(low))
    paragraph_scope: dict[int, str] = {}
    previous: Found | None = None
    previous_base = "other"
    previous_sentence = -1
    for i, fig in enumerate(figures):
        s_start, s_end = segments.sentence(fig.start)
        sentence_no = segments.sentence_index(fig.start)
        same_sentence = previous is not None and previous_sentence == sentence_no
        before_from = max(s_start, previous.end) if same_sentence else s_start
        nxt = figures[i + 1].start if i + 1 < len(figures) else len(flat)
        after_end = min(s_end, nxt)
        if fig.table is None:
            role = _role_in(flat, low, (before_from, fig.start), (fig.end, after_end))
        else:  # a table's row: the sentence over the table says what its figures are
            role = _table_role(flat, low, fig.table)
        if role == "call" and not callish:
            before = re.sub(r"ha(?:ku|un|ussa)\w*", "", flat[before_from : fig.start])
            role = role_of(before, flat[fig.end : after_end])
            role = None if role == "call" else role
        reach = fig.start - limits.CLAUSE_REACH  # (bounded work in a sentence without end)
        clause_start = max(s_start, reach)
        if role is None and flat[s_start : s_start + 4].lstrip()[:1] in ("-", "•", "*"):
            # a bullet list continues the clause that introduced it ("myöntää tukea seuraaville:")
            clause_start = max(segments.paragraph_start(fig.start), reach)
            role = _role_in(flat, low, (clause_start, s_start), (0, 0))
            heading = None if role else bullet_heading(flat, s_start + _indent(flat, s_start))
            if heading is not None:  # (bullets with blank lines between: the list's heading)
                heading_end = flat.find("\n", heading)
                clause_start = heading
                role = _role_in(flat, low, (heading, heading_end), (0, 0))
        if fig.table is not None:
            clause_start = fig.table[0] if fig.table[0] is not None else fig.table[1]
        if role == "support" and _GRANTING.search(low, clause_start, fig.start):
            role = "granted"
        if role is None and same_sentence:
            role = previous_base
        elif role is None:  # (call results report without a word what was granted)
            role = "granted" if kind == "call_results" else "call_budget" if callish else UNDECIDED
        if role == "reserved":  # (a grant scheme's pool, a sum set aside for one, or no role)
            around = max(0, segments.paragraph_start(fig.start) - limits.CLAUSE_REACH)
            if _ALLATIVE_NAME.search(flat, s_start, s_end):
                role = "granted"  # "… on varattu Koivulan kyläseura ry:lle 5 000 euroa"
            elif callish or _grant_pool(low, around, s_end):
                role = "pool"
            else:
                role = UNDECIDED
        elif role == "stated_grant":  # (in a call's document, the size a grant may have)
            role = UNDECIDED if callish else "granted"
        base = role
        applied = kind == "call_results" and role == "support"
        if not (applied and _APPLIED.search(low, clause_start, fig.start)):
            # (a call's own sentence: "Tämän haun määrärahaa on enintään …" is its budget)
            in_call = role in _OUTSIDE_CALLS and (
                bool(_CALL_WORD.search(low, s_start, s_end))
                or role == "appropriation"
                and _grant_pool(low, s_start, s_end)
            )
            role = _kind_role(role, kind, callish or in_call)  # (support applied for stays)
        paragraph = segments.paragraph_index(fig.start)
        if role in ("total", "support"):
            clause = flat[max(s_start, reach) : fig.start]
            if role == "total":
                scope = "part" if group_project and _part_mark(clause) else "project"
                paragraph_scope[paragraph] = scope
            else:
                scope = paragraph_scope.get(paragraph)
                if scope is None:
                    scope = "part" if group_project and _part_mark(clause) else "project"
            role = f"{scope}_{role}"
        fig.role = role
        previous, previous_base, previous_sentence = fig, base, sentence_no


# a call's money in a call's document; elsewhere the budget the city pays from, or a grant
_CALL_WORD = re.compile(dict(ROLE_WORDS)["call"])
_OUTSIDE_CALLS = {"appropriation": "own_financing", "distributed": "granted"}
_BY_KIND = {("call_notice", "total"): "other", ("call_notice", "support"): "other",
            ("call_results", "support"): "granted"}  # fmt: skip


_GRANT_POOL = re.compile(by_first_letter([re.escape(stem) for stem in _WORDS["grant_pool_stems"]]))
_PROJECT = re.compile(by_first_letter([re.escape(stem) for stem in _WORDS["project_stems"]]))


# an organisation given to, in the allative ("Koivulan kyläseura ry:lle", "Ylämaan liitolle")
_ALLATIVE_NAME = re.compile(
    r"(?:\w:lle|" + alternation(table("roles.toml")["recipient_cases"]) + r")\b"
)


def _grant_pool(low: str, start: int, end: int) -> bool:
    """Whether a text speaks of grants and of no project (its appropriation is a pool): the
    sentence of the figure with the paragraph before it."""
    return bool(_GRANT_POOL.search(low, start, end)) and not _PROJECT.search(low, start, end)


def _kind_role(role: str, kind: str, callish: bool) -> str:
    if role in ("call", "pool") or callish and role in _OUTSIDE_CALLS:
        return "call_budget"
    return _OUTSIDE_CALLS.get(role) or _BY_KIND.get((kind, role), role)
