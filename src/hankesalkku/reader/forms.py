"""Printed forms whose labels and values come apart in the text layer.

A PDF form often extracts as a stack of labels followed by a stack of values
("Hakija / Y-tunnus / Hankkeen nimi / Raahen kaupunki / 0000000-0 / …"), or as
a row of labels over a row of values, and the values are not always in the
order of the labels. So each value is paired with a label by what it looks
like (a Y-tunnus, "4.1", a date range, a euro figure, an organisation), and
the order only breaks ties. Three euro figures under support / total / own
financing are placed by their sum, as a form's total is the other two added up.
"""

from __future__ import annotations

import re
from collections import deque
from decimal import Decimal
from itertools import islice

from . import dates
from .amount_roles import role_of
from .inflection import head_nominative
from .money import Found, to_decimal
from .organisations import nominative
from .result import Field
from .scan import by_first_letter, folded
from .wordlists import alternation, table

_DATA = table("forms.toml")

_LABELS: dict[str, str] = dict(_DATA["labels"])  # label -> kind of value
_PARTNER_LABELS = tuple(_DATA["partner_labels"])
# (longest first, grouped by first letter: the engine tests each letter once per line)
_LABEL_LINE = re.compile(
    r"\n(?:\d{1,2}\.?\s+)?(?:"
    + by_first_letter(
        [re.escape(k) for k in sorted([*_LABELS, *_PARTNER_LABELS], key=len, reverse=True)]
    )
    + r"):?[ ]*(?=[\t\n])"
)
_MONEY = re.compile(
    r"(?P<num>\d{1,3}(?:[ .]\d{3})+|\d{3,9})(?:,(?P<dec>\d{2}))?(?:\s?(?:€|e|eur|EUR|euroa))?"
)
_TYPES = {
    "business_id": re.compile(r"\d{7}-\d"),
    "objective": re.compile(r"\d{1,2}\.\d{1,2}"),
    "priority": re.compile(r"\d{1,2}"),
    "rate": re.compile(r"\d{1,3}(?:,\d+)?\s?%?"),
    "acronym": re.compile(r"[A-ZÅÄÖ][A-ZÅÄÖ0-9+&-]{1,11}"),
    "authority": re.compile(".*(?:" + alternation(_DATA["authority_words"]) + ").*"),
    "cost_model": re.compile(r"(?i)flat\s*rate.*|.*kertakorvau.*|.*yksikkökustannu.*|tosiasial.*"),
    "money": _MONEY,
}
_HEADING = re.compile(r"\d{1,2}\.?\s+\S")
_FURNITURE = re.compile(r"(?i)sivu\s+\d+\s*/\s*\d+|tuloste")
_ORG_END = re.compile(r"\b(?:Oy|Oyj|ry|sr|Ab)$")
# the order in which labels pick their values: strict shapes first, free text last
_PICK_ORDER = tuple(_DATA["pick_order"])


def _cells(flat: str, start: int, end: int):
    """(start, end, text) of each tab-separated cell of the lines in a block."""
    position = start
    for line in flat[start:end].split("\n"):
        cell_start = position
        for cell in line.split("\t"):
            stripped = cell.strip()
            if stripped:
                offset = cell_start + cell.index(stripped)
                yield offset, offset + len(stripped), stripped
            cell_start += len(cell) + 1
        position += len(line) + 1


def _fits(kind: str, value: str) -> bool:
    if kind in ("support", "total", "own"):
        kind = "money"
    if kind == "period":
        spans = dates.find_date_ranges(value)
        return bool(spans) and spans[0].start == 0
    if kind == "date":
        found = dates.find_dates(value)
        return bool(found) and found[0][0] == 0 and found[0][1] == len(value)
    if kind == "applicant":
        return bool(_ORG_END.search(value) or head_nominative(value))
    if kind == "name":
        return len(value.split()) >= 2 and not re.search(r"\d{4}|€", value)
    pattern = _TYPES.get(kind)
    return bool(pattern and pattern.fullmatch(value))


def read_form(flat: str) -> dict[str, list[tuple[int, int, str]]]:
    """Values of a printed form by kind: ``{"name": [(start, end, text)], …}``."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    # speed: a form has label cells standing alone; most documents have none or one
    if "\n\n" not in flat or len(list(islice(_LABEL_LINE.finditer(folded(flat)), 2))) < 2:
        return found
    blocks, position = [], 0
    for chunk in flat.split("\n\n"):
        blocks.append((position, position + len(chunk)))
        position += len(chunk) + 2
    partners_next = False
    for start, end in blocks:
        cells = [c for c in _cells(flat, start, end) if not _FURNITURE.fullmatch(c[2])]
        if not cells:
            continue
        if partners_next:
            partners_next = False
            _partners(flat, cells, found)
            continue
        heading = re.sub(r"^\d{1,2}\.?\s+", "", cells[0][2]).lower().rstrip(":")
        if len(cells) == 1 and heading in _PARTNER_LABELS:
            partners_next = True  # "3. Yhteistyökumppanit" over its own list
            continue
        labels = [(i, _LABELS[c[2].lower().rstrip(":")]) for i, c in enumerate(cells)
                  if c[2].lower().rstrip(":") in _LABELS]  # fmt: skip
        if cells[0][2].lower().rstrip(":") in _PARTNER_LABELS:
            _partners(flat, [c for c in cells[1:] if c[2].lower() not in _LABELS], found)
            continue
        if len(labels) < 2:
            continue
        label_at = {i for i, _ in labels}
        values = [c for i, c in enumerate(cells) if i not in label_at]
        _pair(labels, values, found)
    return found


def _pair(labels, values, found) -> None:
    taken: set[int] = set()
    kinds = [kind for _, kind in labels]
    money = [k for k in kinds if k in ("support", "total", "own")]
    if sorted(money) == ["own", "support", "total"]:
        figures = [(i, v) for i, v in enumerate(values) if _fits("money", v[2])]
        if len(figures) == 3:
            amounts = {i: _amount(v[2]) for i, v in figures}
            ordered = sorted(amounts, key=lambda i: amounts[i])
            own, support, total = ordered
            if amounts[own] + amounts[support] == amounts[total]:
                for kind, i in (("own", own), ("support", support), ("total", total)):
                    found.setdefault(kind, []).append(values[i])
                    taken.add(i)
                kinds = [k for k in kinds if k not in ("own", "support", "total")]
    order = {k: n for n, k in enumerate(_PICK_ORDER)}
    fitting: dict[str, tuple[list[int], set[int]]] = {}  # kind -> the values of its shape
    first_free: dict[str, int] = {}  # kind -> where its first value not yet taken may be
    for rank, kind in sorted(enumerate(kinds), key=lambda x: order.get(_group(x[1]), 99)):
        if kind == "other":
            continue
        if kind not in fitting:
            fit = [i for i in range(len(values)) if _fits(kind, values[i][2])]
            fitting[kind] = (fit, set(fit))
        fit, fit_set = fitting[kind]
        if rank in fit_set and rank not in taken:  # its own place in the order fits
            pick = rank
        else:  # the first value of its shape not taken yet (taken only grows)
            k = first_free.get(kind, 0)
            while k < len(fit) and fit[k] in taken:
                k += 1
            first_free[kind] = k
            if k == len(fit):
                continue
            pick = fit[k]
        taken.add(pick)
        found.setdefault(kind, []).append(values[pick])


def _group(kind: str) -> str:
    return "money" if kind in ("support", "total", "own") else kind


def _partners(flat: str, cells, found) -> None:
    """The first organisation-looking cell of each row of a partner list."""
    rows: dict[int, tuple[int, int, str]] = {}
    line, position = 0, cells[0][0] if cells else 0  # (lines counted from the first cell on)
    for cell in cells:
        line += flat.count("\n", position, cell[0])
        position = cell[0]
        rows.setdefault(line, cell)
    for start, _end, text in rows.values():
        name = re.split(r"\s*[(,;]|\s+[-–]\s", text, maxsplit=1)[0].strip()
        if _HEADING.match(name) and not _ORG_END.search(name):
            continue
        if _ORG_END.search(name) or head_nominative(name):
            found.setdefault("partner", []).append((start, start + len(name), name))


def _amount(text: str) -> Decimal:
    m = _MONEY.match(text)
    return to_decimal(m.group("num"), m.group("dec"), None) or Decimal(0)


def amount_of(text: str) -> Decimal | None:
    m = _MONEY.fullmatch(text)
    return to_decimal(m.group("num"), m.group("dec"), None) if m else None


_MONEY_LABEL = re.compile(
    r"^[-•*]?\s*(?P<label>(?:"
    + alternation(_DATA["money_label_prefixes"])
    + ")?(?:"
    + alternation(_DATA["money_labels"])
    + r")(?:\s*\((?:€|eur|euroa)\))?)\s*[:\t]?\s*(?P<rest>.*)$",
    re.I,
)
# every label of _MONEY_LABEL holds one of these (lower case, for the folded text)
# (grouped by first letter: the engine tests each letter once per place, not each word)
_MONEY_WORD = re.compile(by_first_letter([re.escape(word) for word in _DATA["money_label_words"]]))
_ONLY_NUMBER = re.compile(r"^(?P<num>\d{1,3}(?:[ .]\d{3})+|\d{3,9})(?:,(?P<dec>\d{2}))?$")


def form_figures(flat: str, known: list[Found]) -> list[tuple[Found, str]]:
    """Figures in printed forms where only the label says the number is euros.

    Labels and values are sometimes printed in separate blocks ("Tuki /
    Kokonaiskustannukset / 150 000 / 200 000"); they are paired in order.
    """
    taken = {f.start for f in known}
    # (a label needs one of its words in the line, a number a digit first: cheap tests)
    # the words' places in one pass; a word holds no line break, so each is within a line
    words = [m.start() for m in _MONEY_WORD.finditer(folded(flat))]
    result: list[tuple[Found, str]] = []
    pending_labels: deque[str] = deque()
    position, k, length = 0, 0, len(flat)
    while position <= length:  # line by line, as flat.split("\n") gives them
        while k < len(words) and words[k] < position:
            k += 1
        start = position
        if not pending_labels:  # a line without a label changes nothing: on to the next word's
            if k == len(words):
                break
            start = flat.rfind("\n", position, words[k]) + 1 or position
        end = flat.find("\n", start)
        end = length if end < 0 else end
        raw, position = flat[start:end], end + 1
        worded = k < len(words) and words[k] < end
        line = raw.strip()
        label = _MONEY_LABEL.match(line) if worded else None
        if label:
            rest = label.group("rest").strip()
            number = _ONLY_NUMBER.match(rest.rstrip(" €").rstrip())
            if number:
                offset = start + line.index(rest)
                _add_bare(result, taken, offset, number, label.group("label"))
                continue
            if not rest:
                pending_labels.append(label.group("label"))
                continue
        number = _ONLY_NUMBER.match(line.rstrip(" €").rstrip()) if line[:1].isdecimal() else None
        if number and pending_labels:
            _add_bare(result, taken, start, number, pending_labels.popleft())
            continue
        if line and not number:
            pending_labels = deque() if not label else pending_labels
    return _reorder_by_sum(result)


def _add_bare(result, taken, offset: int, number: re.Match, label: str) -> None:
    value = to_decimal(number.group("num"), number.group("dec"), None)
    if value is None or value < 100 or offset in taken:
        return
    result.append((Found(offset + number.start(), offset + number.end(), value, "exact"), label))


def _reorder_by_sum(pairs: list[tuple[Found, str]]) -> list[tuple[Found, str]]:
    """If total ≠ support + own financing in print order, use the order that adds up."""
    roles = [role_of(label, "") for _, label in pairs]
    if sorted(r for r in roles if r) != ["own_financing", "support", "total"] or len(pairs) != 3:
        return pairs
    values = [f.eur for f, _ in pairs]
    by_role = dict(zip(roles, values, strict=True))
    if by_role["total"] == by_role["support"] + by_role["own_financing"]:
        return pairs
    total = max(values)
    rest = sorted(v for v in values if v != total)
    if len(rest) != 2 or rest[0] + rest[1] != total:
        return pairs
    wanted = {"total": total, "support": rest[1], "own_financing": rest[0]}
    figures = {f.eur: f for f, _ in pairs}
    return [(figures[wanted[r]], label) for (_, label), r in zip(pairs, roles, strict=True)]


_FORM_FIELDS = {"name": "project_name", "acronym": "project_acronym", "priority": "priority",
                "objective": "specific_objective", "date": "decision_date",
                "authority_named": "funding_authority"}  # fmt: skip
_FORM_ROLES = {"support": "project_support", "total": "project_total", "own": "own_financing"}


def apply_form(
    view, form: dict, fields: dict[str, Field], figures: list[Found]
) -> tuple[list[Found], dict[str, Field]]:
    """A printed form's values: the figures with the form's roles (and its figures without a
    currency), and the fields the running text did not state (``fields`` is not changed)."""
    added: dict[str, Field] = {}
    for kind, name in _FORM_FIELDS.items():
        if kind in form and name not in fields:
            start, end, value = form[kind][0]
            if kind == "date":
                value = dates.find_dates(value)[0][2]
            added[name] = Field(value=value, evidence=view.evidence(start, end))
    if "period_pair" in form and "period_start" not in fields:  # a run-on print's two dates
        start, end, value = form["period_pair"][0]
        first, last = value.split("|")
        added["period_start"] = Field(first, view.evidence(start, end))
        added["period_end"] = Field(last, view.evidence(start, end))
    elif "period" in form and "period_start" not in fields:
        start, _end, value = form["period"][0]
        span = dates.find_date_ranges(value)[0]
        evidence = view.evidence(start + span.start, start + span.end)
        added["period_start"] = Field(span.first, evidence)
        added["period_end"] = Field(span.last, evidence)
    for kind, role in _FORM_ROLES.items():
        for start, end, value in form.get(kind, []):
            fig = next((f for f in figures if start <= f.start < end), None)
            if fig is None:
                eur = amount_of(value)
                if eur is None:
                    continue
                fig = Found(start, end, eur, "exact")
                figures.append(fig)
            fig.role = role
    return sorted(figures, key=lambda f: f.start), added


def form_organisations(form: dict) -> list[tuple[int, int, str, str]]:
    """The applicant and partners a form names: (start, end, name, role)."""
    found = []
    for kind, role in (
        ("applicant", "applicant"),
        ("partner", "partner"),
        ("authority_named", "funding_authority"),
        ("implementer", "implementer"),
    ):
        for start, end, value in form.get(kind, []):
            name = nominative(value)
            if name:
                found.append((start, end, name, role))
    return found
