"""The overview's exports carry the reporting figures of the same selection: the ESR+ theme's
ESF+ common indicators, achieved against target, in the XLSX, the PPTX and the PDF."""

import io
import json

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pypdf import PdfReader

from hankesalkku.insights.exports import export_overview
from hankesalkku.insights.selection import Selection
from hankesalkku.reporting.aggregation import aggregate
from hankesalkku.reporting.selection import ImpactSelection

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme(demo):
    return Selection.from_params({"theme": "lasten-nuorten-ja-perheiden-palvelut"})


def test_the_theme_exports_show_the_common_indicators_as_the_impact_page_does(theme):
    page = {
        r.indicator.code: r
        for level in aggregate(entities=ImpactSelection(theme=theme.theme).entities())
        for r in level.indicators
    }
    participants = page["EECO01"]

    wb = load_workbook(io.BytesIO(export_overview(theme, "xlsx").content))
    rows = {row[1]: row for row in wb["Tulokset"].iter_rows(values_only=True)}
    assert rows["EECO01"][4] == float(participants.target)
    assert rows["EECO01"][5] == float(participants.total)

    prs = Presentation(io.BytesIO(export_overview(theme, "pptx").content))
    titles = [s.shapes.title.text if s.shapes.title else "" for s in prs.slides]
    texts = [
        shape.text_frame.text for s in prs.slides for shape in s.shapes if shape.has_text_frame
    ]
    assert "Tulokset: toteutunut ja tavoite" in titles + texts
    charts = [sh.chart for s in prs.slides for sh in s.shapes if sh.has_chart]
    assert any(
        [series.name for series in chart.plots[0].series] == ["Toteutunut", "Tavoite"]
        for chart in charts
    )

    pdf = PdfReader(io.BytesIO(export_overview(theme, "pdf").content))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Tulokset hyväksytyistä raporteista" in text and "EECO01" in text

    document = json.loads(export_overview(theme, "json").content)
    assert any(row["code"] == "EECO01" for row in document["results"])
