"""A project's place in its funding programme: the programme, its priority (toimintalinja),
specific objective (erityistavoite) and the cost model of its budget.

Each is a label or a name stated somewhere in the text; the first one stated counts. The
labels are searched as lower-case patterns in the folded text (``scan.folded``): as
re.IGNORECASE on the text, but faster, and only spans and digits are read from the matches.
"""

from __future__ import annotations

import re

from .scan import by_first_letter, fold_case, folded, gated, literal_first
from .wordlists import table

_DATA = table("fields.toml")

_PROGRAMMES = [(entry["name"], gated(entry["pattern"], re.I)) for entry in _DATA["programme"]]


def _folded_labels(name: str) -> str:
    """The labels ``name`` of fields.toml as words (``\\b`` before), lower case, for the folded
    text: each starts with a plain letter that the engine skips to (a gated pattern tried at
    every "et" or "tl" was slower)."""
    raw = _DATA[name]
    # Folding would turn \S into \s: the labels may use only lower-case escapes.
    assert not any(re.search(r"\\[A-Z]", label) for label in raw), name
    labels = [fold_case(label) for label in raw]
    return by_first_letter([literal_first(r"\b" + label) for label in labels])


_PRIORITY = re.compile(
    r"(?:" + _folded_labels("priority_labels") + r")\s*:?\s*(?P<v>\d{1,2})\b(?!\.\d)"
)
_OBJECTIVE = re.compile(
    r"(?:" + _folded_labels("objective_labels") + r")\s*:?\s*(?P<v>\d{1,2}\.\d{1,2})"
)
# "flat rate 15 %" and "15 %:n flat rate" as two patterns, each starting with a plain
# character ("\d\d?" is "\d{1,2}" written so): one alternation of both is tried at every
# character. FLAT_RATE_PLAIN is the pattern they replace (tests/reader compares them).
FLAT_RATE_PLAIN = (
    r"flat\s*rate\s*(?:-?mall\w*\s*)?(?P<pct>\d{1,2})\s*%|(?P<pct2>\d{1,2})\s*%:?n?\s*flat\s*rate"
)
_FLAT_RATE = re.compile(r"flat\s*rate\s*(?:-?mall\w*\s*)?(?P<pct>\d{1,2})\s*%")
_RATE_FLAT = re.compile(r"(?P<pct>\d\d?)\s*%:?n?\s*flat\s*rate")
# the "%" of such a statement: what follows it decides alone (the text has few of these signs
# but many digits, at each of which _RATE_FLAT would be tried)
_RATE_FLAT_SIGN = re.compile(r"%(?=:?n?\s*flat\s*rate)")
_COST_MODELS = [(gated(entry["pattern"]), entry["name"]) for entry in _DATA["cost_model"]]
assert not any(re.search("[A-ZÅÄÖ]", p.pattern) for p, _ in _COST_MODELS)  # (all lower case)


def programme(flat: str):
    """The programme named first (start, end, name)."""
    best = None
    for name, pattern in _PROGRAMMES:
        m = pattern.search(flat)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), name)
    return best


def priority(flat: str):
    return _first_value(_PRIORITY, flat)


def specific_objective(flat: str):
    return _first_value(_OBJECTIVE, flat)


def _first_value(pattern: re.Pattern, flat: str):
    """The first match of a lower-case ``pattern`` in the folded text, with its value ``v``."""
    m = pattern.search(folded(flat))
    return (m.start(), m.end(), m.group("v")) if m else None


def flat_rate(low: str) -> re.Match | None:
    """The first statement of a flat rate in the folded text; its percentage is ``pct``."""
    if "flat" not in low:
        return None
    found = [m for m in (_FLAT_RATE.search(low), _rate_flat(low)) if m]
    return min(found, key=lambda m: m.start()) if found else None


def _rate_flat(low: str) -> re.Match | None:
    """``_RATE_FLAT.search(low)``, matched only before each "%" of a flat rate: a match is
    one or two digits, any spaces and that sign, so it starts at the first of the two places
    before the spaces where it matches (an earlier sign's match starts before a later's)."""
    for sign in _RATE_FLAT_SIGN.finditer(low):
        spaces = sign.start()
        while spaces > 0 and low[spaces - 1].isspace():  # (the same spaces as "\s")
            spaces -= 1
        for start in (spaces - 2, spaces - 1):
            m = _RATE_FLAT.match(low, start) if start >= 0 else None
            if m:
                return m
    return None


def cost_model(flat: str):
    """The cost model: a flat rate with its percentage, else the first model of
    ``cost_model`` in fields.toml that the text names."""
    low = folded(flat)
    m = flat_rate(low)
    if m:
        return m.start(), m.end(), f"flat rate {m.group('pct')} %"
    for pattern, name in _COST_MODELS:
        m = pattern.search(low)
        if m:
            return m.start(), m.end(), name
    return None
