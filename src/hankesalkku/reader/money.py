"""Euro amounts, their qualifier, their role and whose money they are.

A figure's role is read from the nearest role word in its own clause: first
looking back to the previous figure or the start of the sentence, then forward
to the next figure or the end of the sentence. A figure with no role word of its
own continues the role of the figure before it in the same sentence
("62 500 euroa … siten, että 50 000 euroa … ja 12 500 euroa …").
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import limits
from .segments import bullet_heading
from .scan import alternatives, by_first_letter, fold_case, folded, gated, literal_first
from .tables import euro_columns as _euro_columns
from .wordlists import alternation, table

logger = logging.getLogger(__name__)
_WORDS = table("money.toml")

# "(?<![\d,.])\d…" written as "\d(?<![\d,.]\d)…": the same matches, but a pattern that
# starts with a digit lets the regex engine skip straight to the next digit (3x faster).
_NUMBER = r"(?P<num>\d(?<![\d,.]\d)(?:\d{0,2}(?:[ .]\d{3})+|\d*))(?:,(?P<dec>\d{1,3})|,-)?(?![\d])"
_SCALE = r"(?:\s?(?P<scale>miljoon(?:aa|an|alla|aksi|asta|assa)|miljoona|miljon(?:er)?|milj\.?|M(?=\s?(?:€|eur|EUR|e\b))|t(?=\s?€)|tuhatta|tuhannen|tuhannella|k(?=€)))?"
# "kolmekymmentäkuusituhatta (36 000) euroa": the figure in brackets after it in words
_CURRENCY = (
    r"\)?\s?(?P<cur>euro(?:a|n|lla|ksi|on|sta|t|ssa|lle|lta)?\b|EUR\b|eur\b|€|e\b(?![-.]\w))"
)
AMOUNT = gated(_NUMBER + _SCALE + _CURRENCY)
MEUR = gated(_NUMBER + r"\s?(?P<scale>Meur|MEUR|M€)")

# qualifier words as plain text, "max." before "max": the alternation "max\.|max" is "max\.?"
_QUALIFIER_WORDS = alternation(re.escape(word) for word in _WORDS["qualifiers"])
_QUALIFIER = re.compile(r"\b(?P<q>" + _QUALIFIER_WORDS + r")\s+(?:\w+\s+)?$", re.I)
# The same on the folded text without re.I, each word starting with its first letter: the
# engine skips to those letters instead of trying every character case-insensitively.
_QUALIFIER_LOW = re.compile(
    r"(?P<q>"
    + by_first_letter([literal_first(r"\b" + word) for word in alternatives(_QUALIFIER_WORDS)])
    + r")\s+(?:\w+\s+)?$"
)
# every match of MEUR holds one of these (speed: most texts hold none)
_MEUR_WORDS = ("Meur", "MEUR", "M€")
_QUALIFIERS: dict[str, str] = dict(_WORDS["qualifiers"])

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
_GROUP_SIGNAL = re.compile(by_first_letter(list(_WORDS["group_project"])))
# _PART_MARK's alternatives that need more than a word (only whether one occurs counts)
_PART_OSUU = re.compile(r"(?<!tuen )\bosuu(?:s|den|teen)\b")
_PART_CITY = re.compile(r"\b[A-ZÅÄÖ]\w+n\s+(?:kaupungin\s+)?(?:hankkeen|hankkeelle)\b")
# "\w+X\s+hanke" occurs exactly where "\wX\s+hanke" does; this form does not backtrack
_PART_UNIT = re.compile(r"\w(?:toimialan|kaupungin|yksikön|kunnan)\s+hanke")
BUDGET_ITEM = re.compile(
    "(?:"
    + alternation(_WORDS["budget_item_labels"])
    + r")\s+(?P<code>\d{1,2}(?:\s\d{2}){1,3}(?!\d)|\d{1,2}(?:\.\d{2}){1,3})"
)


@dataclass
class Found:
    start: int
    end: int
    eur: Decimal
    qualifier: str
    role: str = "other"
    party: str | None = None
    budget_item: str | None = None


def to_decimal(number: str, decimals: str | None, scale: str | None) -> Decimal | None:
    """The euros of a written figure, or None for no number or one above ``limits.MAX_EUR``."""
    return _euros(number, decimals, scale, limits.MAX_EUR)


@functools.lru_cache(maxsize=4096)
def _euros(number: str, decimals: str | None, scale: str | None, limit: Decimal) -> Decimal | None:
    """:func:`to_decimal` under ``limit``, remembered: figures recur; a Decimal is immutable."""
    digits = number.replace(" ", "").replace(".", "")
    # more whole digits than the limit's is above it at any scale (and fits no 2-place Decimal)
    if len(digits.lstrip("0")) > len(str(int(limit))):
        logger.debug("a figure of %d digits is not an amount", len(digits))
        return None
    try:
        value = Decimal(digits + ("." + decimals if decimals else ""))
    except InvalidOperation:
        logger.debug("not a number: %r", digits)
        return None
    scale = (scale or "").lower()
    if scale.startswith(("milj", "m")):
        value *= 1_000_000
    elif scale.startswith(("t", "k")):
        value *= 1_000
    if value > limit:
        logger.debug("%s euros is beyond any funding amount", value)
        return None
    return value.quantize(Decimal("0.01"))


# "enintään kuusikymmentätuhatta (60 000) euroa": the qualifier stands before the words
_IN_WORDS_BEFORE = re.compile(r"[a-zåäö]+(?:tuhatta|sataa|miljoonaa) ?\($")


def qualifier_before(flat: str, start: int) -> str:
    if start and flat[start - 1] == "(":
        words = _IN_WORDS_BEFORE.search(folded(flat), max(0, start - 80), start)
        start = words.start() if words else start
    match = _QUALIFIER_LOW.search(folded(flat), max(0, start - 32), start)
    if match is None:
        return "exact"
    return _QUALIFIERS.get(flat[match.start("q") : match.end("q")].lower(), "exact")


_NUMBER_CHARS = frozenset(" .,")


def _meur_matches(flat: str):
    """Exactly ``MEUR.finditer(flat)``, tried only in the run of digits before each "M€".

    A match is a number, at most one space and the scale word, so it starts within the
    digits, spaces, dots and commas right before its scale word.
    """
    pos = 0
    nxt = [flat.find(word) for word in _MEUR_WORDS]  # the next place of each scale word
    while True:
        for i, word in enumerate(_MEUR_WORDS):  # (looked for again only once passed: linear)
            if 0 <= nxt[i] < pos:
                nxt[i] = flat.find(word, pos)
        scales = [at for at in nxt if at >= 0]
        if not scales:
            return
        scale = min(scales)
        start = scale
        while start > pos and (flat[start - 1] in _NUMBER_CHARS or flat[start - 1].isspace()
                               or flat[start - 1].isdecimal()):  # fmt: skip
            start -= 1
        found = None
        for candidate in range(start, scale):
            found = MEUR.match(flat, candidate)
            if found is not None:
                break
        if found is None:
            pos = scale + 1
            continue
        yield found
        pos = found.end()


_CHAINS: dict[int, re.Pattern] = {}  # groups -> the pattern of a run of that many
# Speed: a quick test on the UTF-8 bytes first. Every ASCII run holds " 000" once per group
# after the first when digits read as "0" and dots as spaces. Every other digit (Arabic,
# Devanagari, full-width …) starts with one of these bytes, or with EF BC (full-width forms);
# a text that has one is searched in full (tests/reader/test_limits.py checks all digits).
_DIGITS_AS_ZERO = bytes.maketrans(b"0123456789.", b"0000000000 ")
_DIGIT_LEADS = b"\xd9\xdb\xdf\xe0\xe1\xea\xf0"
_NOT_DIGIT_LEADS = bytes(b for b in range(256) if b not in _DIGIT_LEADS)


def _may_hold_number_chain(flat: str) -> bool:
    data = flat.encode("utf-8", "surrogatepass")
    if data.translate(None, _NOT_DIGIT_LEADS) or b"\xef\xbc" in data:
        return True  # a script with digits of its own: the pattern decides
    return b" 000" * (limits.NUMBER_CHAIN_GROUPS - 1) in data.translate(_DIGITS_AS_ZERO)


def without_number_chains(flat: str) -> str:
    """``flat`` with each run of ``limits.NUMBER_CHAIN_GROUPS`` or more digit groups
    ("123 456 789 …", a table of numbers) replaced by as many "x", or ``flat`` itself.

    Every start of a run would make the figure pattern read the run to its end again (a line
    of 50 kB of numbers took 24 s); such a run is no amount anyway (above ``MAX_EUR``). The
    letter "x" keeps word boundaries next to the run as they were and is no currency.
    """
    if not _may_hold_number_chain(flat):
        return flat
    chain = _CHAINS.get(limits.NUMBER_CHAIN_GROUPS)
    if chain is None:
        more = limits.NUMBER_CHAIN_GROUPS - 1
        chain = _CHAINS[limits.NUMBER_CHAIN_GROUPS] = re.compile(
            r"\d(?<!\d\d)\d{0,2}(?:[ .]\d{3}){" + str(more) + ",}+"
        )
    parts, position = [], 0
    for m in chain.finditer(flat):
        parts += [flat[position : m.start()], "x" * (m.end() - m.start())]
        position = m.end()
    if not parts:
        return flat
    logger.debug("%d runs of digit groups are not read as figures", len(parts) // 2)
    return "".join([*parts, flat[position:]])


def find_figures(flat: str) -> list[Found]:
    """Every euro figure, with or without a currency word where the context says euros."""
    found: dict[int, Found] = {}
    scanned = without_number_chains(flat)  # (the same offsets)
    for matches in (AMOUNT.finditer(scanned), _meur_matches(scanned), _euro_columns(scanned)):
        for m in matches:
            start = m.start()
            if start not in found:  # (the first figure read at a place stands)
                value = to_decimal(m.group("num"), m.group("dec"), m.groupdict().get("scale"))
                if value is not None and value > 0:
                    found[start] = Found(start, m.end(), value, qualifier_before(flat, start))
    return [found[k] for k in sorted(found)]


# "2 € / tunti", "12 euroa vuorokaudelta", "tuntimaksu 2,00 euroa": a price, not money of a project
_PER_UNIT_AFTER = re.compile(r"\s*(?:/|per\b|" + alternation(_WORDS["per_unit"]) + ")")
_PRICE_BEFORE = re.compile("(?:" + alternation(_WORDS["price"]) + r")\w*\s+(?:on\s+)?(?:\w+\s+)?$")


_SMALLEST_FUNDING = Decimal(100)


UNDECIDED = "undecided"  # no role word near a figure: not given (a wrong amount costs more)


def drop_unit_prices(flat: str, figures: list[Found]) -> list[Found]:
    """Figures that are prices per unit (fees, tariffs), which no funding record holds.

    A sum under a hundred euros is a price or a fee whatever words stand near it
    ("Liput 12 € / 6 €", "Pöytävaraukset 5 €"): no project, call or share is that small.
    """
    kept = []
    for fig in figures:
        if fig.eur < _SMALLEST_FUNDING:
            continue
        if fig.role in ("other", UNDECIDED) and (
            _PER_UNIT_AFTER.match(flat, fig.end, fig.end + 20)
            or _PRICE_BEFORE.search(fold_case(flat[max(0, fig.start - 40) : fig.start]))
        ):
            continue
        kept.append(fig)
    return kept


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
        role = _role_in(flat, low, (before_from, fig.start), (fig.end, after_end))
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
        if role == "support" and _GRANTING.search(low, clause_start, fig.start):
            role = "granted"
        if role is None and same_sentence:
            role = previous_base
        elif role is None:  # (call results report without a word what was granted)
            role = "granted" if kind == "call_results" else "call_budget" if callish else UNDECIDED
        base = role
        role = _kind_role(role, kind, callish)
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
_OUTSIDE_CALLS = {"appropriation": "own_financing", "distributed": "granted"}
_BY_KIND = {("call_notice", "total"): "other", ("call_notice", "support"): "other",
            ("call_results", "support"): "granted"}  # fmt: skip


def _kind_role(role: str, kind: str, callish: bool) -> str:
    if role in ("call", "pool") or callish and role in _OUTSIDE_CALLS:
        return "call_budget"
    return _OUTSIDE_CALLS.get(role) or _BY_KIND.get((kind, role), role)


def attach_budget_items(flat: str, figures: list[Found], segments) -> None:
    """The budget item (talousarviokohta) of the figure's sentence, looked for once a sentence."""
    item_of: dict[tuple[int, int], str | None] = {}
    for fig in figures:
        if fig.role not in ("own_financing", "municipal_financing", "granted", "other"):
            continue
        sentence = segments.sentence(fig.start)
        if sentence not in item_of:
            m = BUDGET_ITEM.search(flat, *sentence)
            item_of[sentence] = re.sub(r"\s+", " ", m.group("code")) if m else None
        if item_of[sentence]:
            fig.budget_item = item_of[sentence]
