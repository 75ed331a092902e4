"""A streaming XLSX writer: the SpreadsheetML parts written straight into the zip, row by row.

Why not a library: the lists' downloads are large and plain (one sheet, text, integers, euros);
xlsxwriter's constant-memory mode spent about 0.4 ms a row in per-cell Python (100 000 rows in
39–79 s), openpyxl's write-only mode more. This module writes only what such a file needs, so
a row is one string join: text as inline strings (no shared-string table to keep in memory),
numbers as numbers (a `Decimal` is written as its exact decimal text, which the file format
reads as a double), dates as date serials, and a handful of styles shared by every export
(bold headings, `#,##0.00 €`, `d.m.yyyy`, `0.0 %`). Memory does not grow with the rows: each
batch of rows goes through the zip's deflate stream as it is made.

    with Workbook(target) as book:
        sheet = book.sheet("Hankkeet", widths=[50, 18], styles=[None, EUR])
        sheet.header(["Nimi", "Tuki"])
        sheet.rows(rows)

Text is escaped for XML (`& < >`); characters XML 1.0 cannot hold (control characters other
than tab and line breaks, lone surrogates) are dropped, and a text longer than a cell may hold
(32 767 characters) is cut there.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal

# Style indexes of `_STYLES` below (cellXfs order).
BOLD, EUR, DATE, PERCENT = 1, 2, 3, 4
EURO_FORMAT = "#,##0.00 €"
MAX_CELL_CHARS = 32_767
BATCH = 500
_EPOCH = date(1899, 12, 30).toordinal()

_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
_ESCAPES.update({c: None for c in range(32) if c not in (9, 10, 13)})
_ESCAPES.update({c: None for c in (0xFFFE, 0xFFFF, *range(0xD800, 0xE000))})


# Most texts need nothing: one regular-expression search finds out (translate is per character).
_NEEDS_ESCAPE = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    """Text as XML character data, without the characters XML cannot carry."""
    if len(text) > MAX_CELL_CHARS:
        text = text[:MAX_CELL_CHARS]
    return text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Sheet:
    """One worksheet being written; rows go out in order (the format's own order)."""

    def __init__(self, stream, styles: list[int | None]):
        self._stream = stream
        self._styles = styles
        self._letters = [column_letter(i) for i in range(max(len(styles), 1) + 50)]
        self.written = 0

    def header(self, labels: Iterable[str]) -> None:
        self._write([self._row(list(labels), bold=True)])

    def rows(
        self,
        rows: Iterable[Iterable],
        *,
        progress: Callable[[int], None] | None = None,
        every: int = 5000,
    ) -> int:
        """Write `rows`; `progress(n)` every `every` rows; returns how many were written."""
        batch, n = [], 0
        make = self._row
        for n, row in enumerate(rows, start=1):
            batch.append(make(row))
            if len(batch) == BATCH:
                self._write(batch)
                batch = []
            if progress and n % every == 0:
                progress(n)
        self._write(batch)
        return n

    def append(self, row: Iterable) -> None:
        self._write([self._row(row)])

    def _write(self, batch: list[str]) -> None:
        if batch:
            self._stream.write("".join(batch).encode("utf-8"))

    def _row(self, values, bold: bool = False) -> str:
        self.written += 1
        n = self.written
        styles, letters = self._styles, self._letters
        cells = []
        for index, value in enumerate(values):
            if value is None or value == "":
                continue
            ref = f"{letters[index]}{n}"
            style = BOLD if bold else (styles[index] if index < len(styles) else None)
            s = f' s="{style}"' if style else ""
            if isinstance(value, str):
                cells.append(
                    f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">'
                    f"{escape(value)}</t></is></c>"
                )
            elif isinstance(value, bool):
                cells.append(f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int | float | Decimal):
                number = _number(value)
                if number is not None:
                    cells.append(f'<c r="{ref}"{s}><v>{number}</v></c>')
            elif isinstance(value, date):
                s = s or f' s="{DATE}"'
                cells.append(f'<c r="{ref}"{s}><v>{_serial(value)}</v></c>')
            else:
                cells.append(
                    f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">'
                    f"{escape(str(value))}</t></is></c>"
                )
        return f'<row r="{n}">{"".join(cells)}</row>'


def _number(value) -> str | None:
    """The number's text, exact for a Decimal; None for NaN and infinities (no cell)."""
    if isinstance(value, Decimal):
        return str(value) if value.is_finite() else None
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    return str(value)


def _serial(value: date) -> str:
    serial = value.toordinal() - _EPOCH
    if isinstance(value, datetime):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return repr(serial + seconds / 86400)
    return str(serial)


class Workbook:
    """An XLSX file written to `target` (a path or a binary file) as its sheets are written."""

    def __init__(self, target):
        # Level 1: the sheet XML is very repetitive, so the fastest deflate still shrinks it
        # about tenfold; level 6 took three times as long for a fifth smaller file.
        self._zip = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self._titles: list[str] = []
        self._stream = None

    def sheet(
        self,
        title: str,
        *,
        widths: list[int] | None = None,
        styles: list[int | None] | None = None,
        freeze_header: bool = True,
    ) -> Sheet:
        """Start the next sheet (the one before it is finished); column `styles` apply to the
        numbers written in that column."""
        self._end_sheet()
        title = _sheet_title(title, self._titles)
        self._titles.append(title)
        name = f"xl/worksheets/sheet{len(self._titles)}.xml"
        self._stream = self._zip.open(name, "w", force_zip64=True)
        head = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        ]
        if freeze_header:
            head.append(
                '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
            )
        if widths:
            head.append("<cols>")
            for index, width in enumerate(widths, start=1):
                head.append(f'<col min="{index}" max="{index}" width="{width}" customWidth="1"/>')
            head.append("</cols>")
        head.append("<sheetData>")
        self._stream.write("".join(head).encode("utf-8"))
        return Sheet(self._stream, list(styles or []))

    def _end_sheet(self) -> None:
        if self._stream is not None:
            self._stream.write(b"</sheetData></worksheet>")
            self._stream.close()
            self._stream = None

    def close(self) -> None:
        self._end_sheet()
        if not self._titles:
            self.sheet("Sheet1", freeze_header=False)
            self._end_sheet()
        for name, text in _package_parts(self._titles).items():
            self._zip.writestr(name, text)
        self._zip.close()

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        if kind is None:
            self.close()
        else:
            self._zip.close()


def _sheet_title(title: str, taken: list[str]) -> str:
    """At most 31 characters, none of `[]:*?/\\`, unique in the workbook (the format's rules)."""
    text = title.translate({c: v for c, v in _ESCAPES.items() if v is None})
    clean = "".join(" " if c in "[]:*?/\\" else c for c in text).strip() or "Sheet"
    clean = clean[:31]
    candidate, n = clean, 2
    while candidate.lower() in (t.lower() for t in taken):
        suffix = f" ({n})"
        candidate, n = clean[: 31 - len(suffix)] + suffix, n + 1
    return candidate


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{_MAIN}"><numFmts count="3"><numFmt numFmtId="164" formatCode="{EURO_FORMAT}"/>\
<numFmt numFmtId="165" formatCode="d.m.yyyy"/><numFmt numFmtId="166" formatCode="0.0 %"/></numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""


def _attribute(text: str) -> str:
    return escape(text).replace('"', "&quot;")


def _package_parts(titles: list[str]) -> dict[str, str]:
    """The parts around the sheets: content types, relationships, the workbook, the styles."""
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    numbers = range(1, len(titles) + 1)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_TYPE}"/>'
        for i in numbers
    )
    sheets = "".join(
        f'<sheet name="{_attribute(title)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, title in zip(numbers, titles, strict=True)
    )
    sheet_rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in numbers
    )
    styles_id = len(titles) + 1
    return {
        "[Content_Types].xml": f'{head}<Types xmlns="{_PKG}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{overrides}</Types>",
        "_rels/.rels": f'{head}<Relationships xmlns="{_PKG}/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": f'{head}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
        f"<sheets>{sheets}</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'{head}<Relationships xmlns="{_PKG}/relationships">'
        f'{sheet_rels}<Relationship Id="rId{styles_id}" Type="{_REL}/styles" '
        'Target="styles.xml"/></Relationships>',
        "xl/styles.xml": _STYLES,
    }
