"""Figures in tables that print the currency once, in a column heading.

Decisions copy an application's financing plan as a table ("euroa  %" above
"Kokonaiskustannukset  480 000  100"); no row says "euroa", so the running-text figure
pattern misses them. The text view has turned each wide gap into a tab, so a row is a label,
a tab and its figure. A web page's table often comes out stacked instead, each cell on a line
of its own ("Hakija", "euroa", then a name's line over its figure's line), or with the cells
run together ("Hakijaeuroa", "Koivulan kyläseura ry.15 000"): :func:`stacked_columns` reads
those, and says where the sentence that introduced the table starts, as its rows have no
words of their own for the figure's role.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .rewrites import by_first_letter
from .wordlists import alternation, table

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


# a heading line that is the currency word, alone or run on after a column's label
_STACKED_HEADING = re.compile(
    r"[ \t]*(?:[^\W\d](?:[^\n\d]|(?:19|20)\d\d){0,30}?)?(?:euroa|€|EUR)[ \t]*"
)  # ("Avustus 2026, euroa": a year may stand in the label)
_NUMBER_LINE = re.compile(
    r"[ \t]*(?P<num>(?!0\d)\d{1,3}(?:[ .\u00a0]\d{3})*)(?:,(?P<dec>\d{1,2}))?[ \t]*"
)
# a row run together: a name with a letter or a full stop last, then its figure
_RUN_ON_ROW = re.compile(
    r"[ \t]*[^\W\d][^\n]{1,120}?[^\W\d.]?[.)]?(?<![\d ])(?P<num>\d{1,3}(?: \d{3})*)(?:,(?P<dec>\d{1,2}))?[ \t]*"
)
_INTRO_WORDS = 4  # a line of this many words or more, above the heading, introduces the table
_INTRO_REACH = 4  # lines above the heading looked at for it
_MIN_ROWS = 2
_ABOVE = 600  # characters above a table's introducing line where granting is looked for
_MONEY = table("money.toml")
# (on the folded text)
_GRANTING = re.compile(by_first_letter([re.escape(stem) for stem in _MONEY["table_granting"]]))
_TOTAL = re.compile(r"(?:" + alternation(_MONEY["table_totals"]) + r")\b", re.IGNORECASE)


class _StackedCell(_Cell):
    """A stacked table's figure, with ``table``: (where the line that introduces the table
    starts, or None; where its heading starts)."""

    def __init__(self, row: re.Match, table: tuple[int | None, int]) -> None:
        super().__init__(row)
        self.table = table


def stacked_columns(flat: str):
    """The figures of stacked or run-together tables under a heading of euros."""
    for intro, heading, rows in stacked_tables(flat):
        yield from (_StackedCell(cell, (intro, heading)) for _, cell in rows)


@lru_cache(maxsize=4)  # (the figures and the roles both ask, for the same text)
def stacked_tables(flat: str) -> tuple:
    """(intro, heading, rows) of each stacked or run-together table under a heading of
    euros: where the line introducing it starts (or None), where its heading starts, and
    per row the span of its name and its figure's match."""
    tables = []
    tried = -1
    for word in _CURRENCY_WORD.finditer(flat) if "\n" in flat else ():
        line_start = flat.rfind("\n", 0, word.start()) + 1
        if line_start <= tried:
            continue  # (this line was tried for an earlier word)
        tried = line_start
        line_end = _line_end(flat, word.end())
        if not _STACKED_HEADING.fullmatch(flat, line_start, line_end):
            continue
        rows = tuple(_rows(flat, line_end))
        if len(rows) >= _MIN_ROWS:
            tables.append((_intro(flat, line_start), line_start, rows))
    return tuple(tables)


def granted_above(low: str, table: tuple[int | None, int]) -> bool:
    """Whether granting is spoken of just above a table (from a little above the line that
    introduces it down to its heading): its rows are then grants and their names recipients.
    ``low`` is the folded text."""
    intro, heading = table
    start = max(0, (intro if intro is not None else heading) - _ABOVE)
    return bool(_GRANTING.search(low, start, heading))


def is_total(name: str) -> bool:
    """Whether a row's name is the table's total ("Yhteensä", "Totalt"), which names no one."""
    return bool(_TOTAL.match(name.strip()))


def _line_end(flat: str, position: int) -> int:
    end = flat.find("\n", position)
    return len(flat) if end < 0 else end


def _lines(flat: str, position: int):
    """(start, end) of each non-blank line after ``position`` (a line's end)."""
    while position < len(flat):
        start = position + 1
        end = _line_end(flat, start)
        if flat[start:end].strip():
            yield start, end
        position = end


def _rows(flat: str, heading_end: int):
    """((name start, name end), figure) of each row: a name's line over a figure's line,
    or both run together. One line of note may follow a row's figure ("Sisältää
    vuokra-avustuksen"): a name's line right after it makes it a note, not a name."""
    name = None
    after_figure = False  # the line before was a row's figure
    may_be_note = False  # ``name`` is the line right after a row's figure
    for start, end in _lines(flat, heading_end):
        number = _NUMBER_LINE.fullmatch(flat, start, end)
        if number and name:
            yield name, number
            name, after_figure = None, True
            continue
        if name and may_be_note and not number:
            name, may_be_note, after_figure = (start, end), False, False
            continue
        if number or name:
            return  # (two names or two figures running: the table has ended)
        run_on = _RUN_ON_ROW.fullmatch(flat, start, end)
        if run_on:
            yield (start, run_on.start("num")), run_on
            after_figure = True
        else:
            name, may_be_note, after_figure = (start, end), after_figure, False


def _intro(flat: str, heading_start: int) -> int | None:
    """Where the line that introduces the table starts ("… päätti jakaa avustuksia
    seuraavasti:"), looked for a few lines above its heading."""
    end = heading_start - 1
    for _ in range(_INTRO_REACH * 2):
        if end <= 0:
            return None
        start = flat.rfind("\n", 0, end) + 1
        if len(flat[start:end].split()) >= _INTRO_WORDS:
            return start
        end = start - 1
    return None
