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
    for heading in _EURO_HEADING.finditer(flat) if "\t" in flat else ():
        position = heading.end()
        while (row := _EURO_ROW.match(flat, position)) is not None:
            yield _Cell(row)
            position = flat.find("\n", row.end()) if "\n" in flat[row.end() :] else len(flat)
