"""A downloaded list opens in a spreadsheet as the data it is: text as text, counts and euros as
numbers with the euro format, dates as dates; whatever a project's name holds (`&`, `<`,
control characters pasted from another program) the file stays readable; and a 100 000-row
list is written in one pass, read back whole."""

import io
import zipfile
from datetime import date
from decimal import Decimal
from xml.etree import ElementTree

import openpyxl
import pytest

from hankesalkku.insights.exports import sheetml
from hankesalkku.insights.exports.tables import EUR, INTEGER, TEXT, TableColumn, write_xlsx

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
COLUMNS = [
    TableColumn("name", "Hanke", TEXT, 40),
    TableColumn("implementers", "Toteuttajia", INTEGER, 12),
    TableColumn("support", "Tuki", EUR, 18),
]


def _read(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def _xlsx(rows, columns=COLUMNS, **kwargs) -> bytes:
    buffer = io.BytesIO()
    write_xlsx(buffer, columns, rows, title="Hankkeet", **kwargs)
    return buffer.getvalue()


def test_values_keep_their_types_and_euros_their_format():
    data = _xlsx([("Kulttuuripolku", 3, Decimal("187500.50")), ("Ilman tukea", 0, None)])
    sheet = _read(data).active
    assert sheet.title == "Hankkeet"
    assert [c.value for c in sheet[1]] == ["Hanke", "Toteuttajia", "Tuki"]
    assert all(c.font.b for c in sheet[1])
    name, count, support = sheet[2]
    assert name.value == "Kulttuuripolku" and count.value == 3 and isinstance(count.value, int)
    assert support.value == pytest.approx(187500.50) and support.number_format == "#,##0.00 €"
    assert sheet["C3"].value is None  # unknown is an empty cell, not zero
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == 40


def test_markup_and_control_characters_in_text_are_escaped_or_dropped():
    hostile = "A & B <script>alert(1)</script> > \x00\x01\x0b\x1f end\ttab\nline"
    sheet = _read(_xlsx([(hostile, 1, Decimal(1)), ("  space kept  ", 2, Decimal(2))])).active
    assert sheet["A2"].value == "A & B <script>alert(1)</script> >  end\ttab\nline"
    assert sheet["A3"].value == "  space kept  "


def test_a_text_longer_than_a_cell_may_hold_is_cut_at_the_limit():
    sheet = _read(_xlsx([("x" * 40_000, 1, Decimal(1))])).active
    assert len(sheet["A2"].value) == sheetml.MAX_CELL_CHARS


def test_dates_booleans_and_floats_are_written_as_the_format_stores_them():
    buffer = io.BytesIO()
    with sheetml.Workbook(buffer) as book:
        sheet = book.sheet("Päivät", styles=[None, None, sheetml.PERCENT])
        sheet.append([date(2026, 12, 1), True, 0.755, float("nan"), Decimal("NaN")])
    sheet = _read(buffer.getvalue()).active
    assert sheet.max_column == 3  # no cell for a number that is none
    day, flag, rate = sheet[1]
    assert day.value.date() == date(2026, 12, 1) and day.number_format == "d.m.yyyy"
    assert flag.value is True
    assert rate.value == pytest.approx(0.755) and rate.number_format == "0.0 %"


def test_sheets_get_valid_unique_titles():
    buffer = io.BytesIO()
    with sheetml.Workbook(buffer) as book:
        for title in ("Alueet: kaikki [2026]", "Alueet: kaikki [2026]", "Q&A " + "x" * 40):
            book.sheet(title).append([title])
    names = _read(buffer.getvalue()).sheetnames
    assert names[0] == "Alueet  kaikki  2026" and names[1] == "Alueet  kaikki  2026 (2)"
    assert names[2].startswith("Q&A ") and len(names[2]) == 31


def test_a_hundred_thousand_rows_are_written_and_read_back_whole():
    rows = ((f"Hanke {i}", i % 5, Decimal(i) + Decimal("0.25")) for i in range(100_000))
    reports = []
    data = _xlsx(rows, progress=reports.append, every=25_000)
    assert reports == [25_000, 50_000, 75_000, 100_000]
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    # The sheet's XML parsed as a whole (openpyxl would take half a minute for 300 000 cells;
    # the small tests above read the same writer's files with it).
    count, last = 0, None
    with archive.open("xl/worksheets/sheet1.xml") as sheet:
        for _event, row in ElementTree.iterparse(sheet):
            if row.tag == f"{MAIN}row":
                count += 1
                last = [row.get("r")] + [
                    c.findtext(f".//{MAIN}t") or c.findtext(f"{MAIN}v") for c in row
                ]
                row.clear()
    assert count == 100_001
    assert last == ["100001", "Hanke 99999", "4", "99999.25"]


def test_column_letters_go_past_z():
    assert [sheetml.column_letter(i) for i in (0, 25, 26, 51, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "ZZ",
        "AAA",
    ]
