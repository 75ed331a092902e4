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
from .amount_roles import UNDECIDED
from .scan import alternatives, by_first_letter, fold_case, folded, gated, literal_first
from .tables import euro_columns as _euro_columns
from .tables import stacked_columns as _stacked_columns
from .wordlists import alternation, table

logger = logging.getLogger(__name__)
_WORDS = table("money.toml")

# "(?<![\d,.])\d…" written as "\d(?<![\d,.]\d)…": the same matches, but a pattern that
# starts with a digit lets the regex engine skip straight to the next digit (3x faster).
_NUMBER = r"(?P<num>\d(?<![\d,.]\d)(?:\d{0,2}(?:[ .]\d{3})+|\d*))(?:,(?P<dec>\d{1,3})|,[-\u2013])?(?![\d])"
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
    # a table's figure: (where the line that introduces the table starts, or None; its heading)
    table: tuple[int | None, int] | None = None


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
    tables = (_euro_columns(scanned), _stacked_columns(flat))  # (stacked: as the roles read it)
    for matches in (AMOUNT.finditer(scanned), _meur_matches(scanned), *tables):
        for m in matches:
            start = m.start()
            if start not in found:  # (the first figure read at a place stands)
                value = to_decimal(m.group("num"), m.group("dec"), m.groupdict().get("scale"))
                if value is not None and value > 0:
                    qualifier = qualifier_before(flat, start)
                    table = getattr(m, "table", None)
                    found[start] = Found(start, m.end(), value, qualifier, table=table)
    return [found[k] for k in sorted(found)]


# "2 € / tunti", "12 euroa vuorokaudelta", "tuntimaksu 2,00 euroa": a price, not money of a project
_PER_UNIT_AFTER = re.compile(r"\s*(?:/|per\b|" + alternation(_WORDS["per_unit"]) + ")")
_PRICE_BEFORE = re.compile("(?:" + alternation(_WORDS["price"]) + r")\w*\s+(?:on\s+)?(?:\w+\s+)?$")


_SMALLEST_FUNDING = Decimal(100)


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
