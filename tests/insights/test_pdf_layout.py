"""The coordinator prints the overview: headings whole, "–" where nothing was reported, the
documents the figures come from, and euros and Finnish and Swedish letters as typed."""

import io

import pytest
from pypdf import PdfReader

from hankesalkku.insights.exports import export_overview
from hankesalkku.insights.selection import Selection

pytestmark = pytest.mark.django_db


THEME = "lasten-nuorten-ja-perheiden-palvelut"


def _text(language: str) -> str:
    selection = Selection.from_params({"theme": THEME})
    reader = PdfReader(io.BytesIO(export_overview(selection, "pdf", language).content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def pdf_text(demo):
    return _text("fi")


def test_no_column_heading_breaks_inside_a_word(pdf_text):
    lines = [line.strip() for line in pdf_text.splitlines()]
    heading = next(line for line in lines if line.startswith("Nimi"))
    assert "Myöntövaltuus" in heading, heading
    assert not any(line.endswith("Myöntövaltu") for line in lines)


def test_a_financing_part_nobody_reported_is_a_dash_not_zero(pdf_text):
    assert "Kuntarahoitus 0 €" not in " ".join(pdf_text.split())
    assert "ei ilmoitettu valituissa hankkeissa" in pdf_text


def test_the_printed_overview_names_its_sources(pdf_text):
    assert "Lähteet" in pdf_text
    assert "yleiskuva hankkeista" in pdf_text.lower()


def test_euros_and_letters_print_as_typed(pdf_text):
    flat = " ".join(pdf_text.split())
    assert "€" in pdf_text and "EUR" not in pdf_text
    assert "Kokonaiskustannukset 7 360 000 €" in flat.replace("\xa0", " ").replace("\u202f", " ")
    assert "Hämeen ELY-keskus" in pdf_text


def test_the_pdf_is_printed_in_the_language_it_was_asked_in(demo):
    text = _text("sv")
    assert "Översikt över projekten" in text
    assert "Yleiskuva hankkeista" not in text and "Tilanne" not in text
    assert "Läge " in text
    assert "€" in text


def test_the_project_list_is_capped_and_says_so(demo, monkeypatch):
    from hankesalkku.insights.exports import pdf
    from hankesalkku.insights.exports.project_rows import project_rows

    monkeypatch.setattr(pdf, "MAX_PROJECT_ROWS", 3)
    text = " ".join(_text("fi").split())
    assert "Luettelo on rajattu 3 ensimmäiseen; koko luettelo on XLSX-viennissä." in text
    names = [row["name"] for row in project_rows(Selection.from_params({"theme": THEME}), limit=4)]
    assert all(name in text for name in names[:3]), names
    assert names[3] not in text


def test_results_are_written_as_the_page_writes_them():
    from django.utils import translation

    from hankesalkku.insights.exports.results import pdf_rows

    row = {"code": "EECO01", "indicator": "Osallistujat", "distribution": ""}
    with translation.override("fi"):
        [table] = pdf_rows([{**row, "total": 2400.0, "target": 12.5, "progress": 0.5}])
    assert table[1:] == ["12,5", "2\xa0400", "50 %"]
