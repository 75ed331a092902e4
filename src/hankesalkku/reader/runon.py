"""Prints whose labels and values run on in one line of text.

A EURA print saved as text loses its table: "Projektin nimi <name> Ohjelma <programme>
Hakijaorganisaation nimi <applicant> Organisaatiotyyppi …". A value is what stands between its label and the next label of
the print (``data/forms.toml``, ``run_on``). Only a text with at least two such labels,
each followed by its stop, is read this way; in running prose a value is never taken.
"""

from __future__ import annotations

import re

from . import dates
from .scan import folded, gated
from .wordlists import alternation, table

_DATA = table("forms.toml")
_KINDS = {f"k{i}": entry["kind"] for i, entry in enumerate(_DATA["run_on"])}
_LABEL = gated(
    "|".join(f"(?P<k{i}>\\b{entry['label']})" for i, entry in enumerate(_DATA["run_on"])), re.I
)
_STOP = gated(r"\s(?:" + alternation(_DATA["run_on_stops"]["stops"]) + ")", re.I)
_MAX_VALUE = 160
# words every label holds one of (lower case): a text with fewer than two is not such a print
_NEEDLES = tuple(_DATA["run_on_stops"]["needles"])
# "Alkamispäivämäärä Päättymispäivämäärä 1.9.2016 31.12.2018": two labels, then two dates
_PERIOD_PAIR = re.compile(
    r"(?:alkamis|aloitus)päivämäärä\s+päättymispäivämäärä\s+(?P<a>\d{1,2}\.\d{1,2}\.\d{4})\s+(?P<b>\d{1,2}\.\d{1,2}\.\d{4})",
    re.I,
)
# an organisation's unit after its name: "<office>, työvoimaosasto" (not the comma
# of "elinkeino-, liikenne- ja ympäristökeskus")
_UNIT = re.compile(r"(?<!-),\s")


def read_run_on(flat: str) -> dict[str, list[tuple[int, int, str]]]:
    """``{kind: [(start, end, value)]}`` of a run-on print; empty for any other text."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    low = folded(flat)
    if sum(1 for needle in _NEEDLES if needle in low) < 2:
        return found  # speed: fewer than two of the labels' words, so not a run-on print
    for m in _LABEL.finditer(flat):
        stop = _STOP.search(flat, m.end(), m.end() + _MAX_VALUE)
        if not stop:
            continue
        raw = flat[m.end() : stop.start()]
        value = raw.strip(" :\t")
        kind = _KINDS[m.lastgroup]
        if "\n" in value or not 3 <= len(value) <= 150:
            continue
        if not value[:1].isupper() and kind != "name":  # a project may be "eetu, …"
            continue
        if kind in ("authority", "implementer", "applicant"):
            value = _UNIT.split(value, maxsplit=1)[0]
        start = m.end() + raw.index(value)
        found.setdefault(kind, []).append((start, start + len(value), value))
    if sum(len(v) for v in found.values()) < 2:
        return {}
    m = _PERIOD_PAIR.search(flat)
    if m:
        first, last = dates.find_dates(m["a"]), dates.find_dates(m["b"])
        if first and last:
            found["period_pair"] = [(m.start("a"), m.end("b"), f"{first[0][2]}|{last[0][2]}")]
    return found
