"""Figures in tables that print the currency once, in a column heading.

Decisions copy an application's financing plan as a table ("euroa  %" above
"Kokonaiskustannukset  480 000  100"); no row says "euroa", so the running-text figure
pattern misses them. The text view has turned each wide gap into a tab, so a row is a label,
a tab and its figure.
"""

from __future__ import annotations

import re

# A table whose column heading says euros ("euroa\t%" over "Kokonaiskustannukset\t480 000\t100"):
# the first figure of each row below it is euros, though no row says so.
_EURO_HEADING = re.compile(
    r"(?:^|\n)(?:[^\n\t]{0,40}\t)?(?:euroa|euro|eur|EUR|€)(?:\t[^\n\t]{0,12})*(?=\n)"
)
# Speed: a heading is a whole line (it starts at a line start and ends before a "\n"), so
# only the lines holding a currency word are tried, each as a whole (see _heading_ends).
_HEADING_LINE = re.compile(r"(?:[^\n\t]{0,40}\t)?(?:euroa|euro|eur|EUR|€)(?:\t[^\n\t]{0,12})*")
_CURRENCY_WORD = re.compile(r"eur|EUR|€")
_EURO_ROW = re.compile(
    r"\n[^\n\t\d][^\n\t]{1,80}\t(?P<num>\d{1,3}(?:[ .]\d{3})*)(?:,(?P<dec>\d{1,2}))?(?=\t|\n|$)"
)


class _Cell:
    """A table row's figure as a currency match: its span is the figure's, not the row's."""

    def __init__(self, row: re.Match) -> None:
        self._row = row

    def group(self, name: str):
        return self._row.group(name)

    def groupdict(self) -> dict:
        return self._row.groupdict()

    def start(self) -> int:
        return self._row.start("num")

    def end(self) -> int:
        return self._row.end("dec") if self._row.group("dec") else self._row.end("num")


def euro_columns(flat: str):
    """The first figure of each row under a column heading of euros, as currency matches."""
    for position in _heading_ends(flat) if "\t" in flat else ():
        while (row := _EURO_ROW.match(flat, position)) is not None:
            yield _Cell(row)
            position = flat.find("\n", row.end()) if "\n" in flat[row.end() :] else len(flat)


def _heading_ends(flat: str):
    """Exactly ``m.end()`` of each ``m`` in ``_EURO_HEADING.finditer(flat)``.

    A match runs from a line start to the end of that line (the "\n" after it), so the
    matches are the lines that ``_HEADING_LINE`` matches as a whole; every such line holds
    a currency word, so only those lines are tried (the full pattern tries every line
    start, up to 40 characters into each).
    """
    tried = -1
    for word in _CURRENCY_WORD.finditer(flat):
        line_start = flat.rfind("\n", 0, word.start()) + 1
        if line_start <= tried:
            continue  # (this line was tried for an earlier word)
        tried = line_start
        line_end = flat.find("\n", word.end())
        if line_end >= 0 and _HEADING_LINE.fullmatch(flat, line_start, line_end):
            yield line_end
