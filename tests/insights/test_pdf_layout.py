"""The coordinator prints the overview: headings whole, "–" where nothing was reported, and the
documents the figures come from."""

import io

import pytest
from pypdf import PdfReader

from hankesalkku.insights.exports import export_overview
from hankesalkku.insights.selection import Selection

pytestmark = pytest.mark.django_db


@pytest.fixture
def pdf_text(demo):
    selection = Selection.from_params({"theme": "lasten-nuorten-ja-perheiden-palvelut"})
    reader = PdfReader(io.BytesIO(export_overview(selection, "pdf").content))
    return "\n".join(page.extract_text() for page in reader.pages)


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
