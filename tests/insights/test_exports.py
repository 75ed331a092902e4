"""Each export of the theme opens with its own library and holds the seed 002 figures."""

import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pypdf import PdfReader

from hankesalkku.insights.exports import export_overview
from hankesalkku.insights.selection import Selection

pytestmark = pytest.mark.django_db

JSON_KEYS = {
    "entities",
    "entities_single",
    "entities_group",
    "implementers",
    "partners",
    "by_ministry",
    "by_sector",
    "by_organisation_type",
    "by_region",
    "financing",
}


@pytest.fixture
def theme(demo):
    return Selection.from_params({"theme": "lasten-nuorten-ja-perheiden-palvelut"})


def test_json_has_the_agreed_keys_and_finnish_names(theme):
    exported = export_overview(theme, "json")
    data = json.loads(exported.content)
    assert set(data) >= JSON_KEYS
    assert data["by_ministry"] == {"OKM": 7, "STM": 3, "OKM+STM": 2}
    assert {
        "branch": "Kasvatus ja koulutus",
        "branch_slug": "kasvatus-ja-koulutus",
        "sector": "Perusopetus",
        "sector_slug": "perusopetus",
        "entities": 5,
    } in data["by_sector"]
    assert set(data["by_region"][0]) >= {"region", "implementers", "partners"}
    assert set(data["financing"]) >= {
        "total_cost",
        "support",
        "own_financing",
        "municipal_financing",
        "support_rate",
    }
    assert data["financing"]["support_rate"] == 0.75
    assert exported.filename.endswith(".json")


def test_json_names_follow_the_requested_language(theme):
    data = json.loads(export_overview(theme, "json", language="sv").content)
    assert data["by_sector"][0]["sector"] == "Småbarnspedagogik och förskoleundervisning"
    assert data["by_region"][0]["region"] == "Egentliga Finlands välfärdsområde"


def test_the_slide_deck_is_16_9_and_shows_the_key_numbers_sectors_and_map(theme):
    prs = Presentation(io.BytesIO(export_overview(theme, "pptx").content))
    assert prs.slide_width * 9 == prs.slide_height * 16
    texts = [
        "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        for slide in prs.slides
    ]
    assert "Yleiskuva hankkeista" in texts[0]
    assert {"12", "6+6", "30", "7 / 3 / 2"} <= set(texts[1].split("\n"))
    charts = [s.chart for s in prs.slides[2].shapes if s.has_chart]
    values = {
        c: v
        for chart in charts
        for c, v in zip(chart.plots[0].categories, chart.plots[0].series[0].values, strict=True)
    }
    assert values["Varhaiskasvatus ja esiopetus"] == 5
    assert values["Seurakunnat"] == 2
    map_slide = next(t for t in texts if "kartalla" in t)
    assert "Kanta-Hämettä ja Ahvenanmaata lukuun ottamatta" in map_slide
    assert "Kanta-\nHäme\n0" in map_slide


def test_the_workbook_stores_numbers_as_numbers_with_euro_formats(theme):
    wb = load_workbook(io.BytesIO(export_overview(theme, "xlsx").content))
    assert {
        "Yhteenveto",
        "Myöntövaltuus",
        "Toimialat",
        "Organisaatiotyypit",
        "Alueet",
        "Rahoitus",
        "Hankkeet",
    } <= set(wb.sheetnames)
    ministries = {
        row[0]: row[1] for row in wb["Myöntövaltuus"].iter_rows(min_row=2, values_only=True)
    }
    assert ministries == {"OKM": 7, "STM": 3, "OKM+STM yhteisesti": 2}
    financing = wb["Rahoitus"]
    assert financing["B2"].value == pytest.approx(7360000)
    assert financing["B2"].number_format == "#,##0.00 €"
    assert isinstance(financing["B2"].value, int | float | Decimal)
    projects = wb["Hankkeet"]
    assert projects.max_row == 13  # header + 12 entities
    assert sum(row[7] for row in projects.iter_rows(min_row=2, values_only=True)) == 30


def test_the_pdf_holds_the_figures_and_the_coverage_sentence(theme):
    reader = PdfReader(io.BytesIO(export_overview(theme, "pdf").content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Yleiskuva hankkeista" in text
    assert "Hanketoteuttajia on yhteensä 30" in text
    assert "Myöntövaltuus: OKM 7; STM 3; OKM+STM yhteisesti 2." in text
    assert "Kanta-Hämettä ja Ahvenanmaata lukuun ottamatta" in " ".join(text.split())
    assert "Varhaiskasvatus ja esiopetus" in text


def test_an_empty_selection_still_exports_every_format(db):
    empty = Selection.from_params({"region": "ahvenanmaa"})
    for fmt in ("json", "xlsx", "pptx", "pdf"):
        assert export_overview(empty, fmt).content
