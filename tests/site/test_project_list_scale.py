"""The project list as a national register: a page at a time in any column's order, the totals
of the whole selection, and the selection as CSV or XLSX, drafts kept out as everywhere."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hankesalkku.projects.models import ProjectStatus
from tests.factories import ApplicationFactory, ProjectEntityFactory
from tests.pages import html

pytestmark = pytest.mark.django_db

URL = reverse("projects:list")


@pytest.fixture
def register(settings):
    """60 public projects with growing support, and one draft nobody outside may see."""
    for i in range(60):
        ApplicationFactory(
            entity=ProjectEntityFactory.in_status_funded(name=f"Hanke {i:02d}"),
            total_cost=Decimal(1000 + i),
            support=Decimal(500 + i),
            own_financing=Decimal(500),
        )
    ApplicationFactory(entity=ProjectEntityFactory(name="Salainen luonnos"))


def test_a_reader_pages_through_the_list_in_any_columns_order(register, client):
    first = html(client.get(URL, {"sort": "-support"}))
    assert "Hanke 59" in first and "Hanke 00" not in first
    assert 'aria-sort="descending"' in first and "Seuraava sivu" in first
    second = html(client.get(URL, {"sort": "-support", "page": "2"}))
    assert "Hanke 00" in second and "Hanke 59" not in second


def test_the_totals_cover_the_whole_selection_not_the_page(register, client):
    page = html(client.get(URL))
    support = sum(500 + i for i in range(60))
    assert f"{support:,}".replace(",", "\u00a0") in page
    assert "60 hankekokonaisuutta" in page and "Salainen luonnos" not in page


def test_a_page_costs_the_same_queries_however_long_the_list(register, client):
    with CaptureQueriesContext(connection) as small:
        client.get(URL, {"page": "1"})
    for i in range(40):
        ProjectEntityFactory.in_status_funded(name=f"Lisä {i}")
    with CaptureQueriesContext(connection) as large:
        client.get(URL, {"page": "1"})
    assert len(large) == len(small)


def test_the_csv_download_is_the_selection_in_the_lists_order_without_drafts(register, client):
    response = client.get(reverse("projects:download", args=["csv"]), {"sort": "-support"})
    text = response.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Hanke;") and len(lines) == 61
    assert lines[1].startswith("Hanke 59;") and "559,00" in lines[1]
    assert "Salainen luonnos" not in text


def test_the_xlsx_keeps_euros_as_numbers_with_a_euro_format(register, client):
    response = client.get(reverse("projects:download", args=["xlsx"]), {"status": "closed"})
    assert response.status_code == 200
    ProjectEntityFactory(status=ProjectStatus.CLOSED, name="Päättynyt")
    response = client.get(reverse("projects:download", args=["xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    support_column = rows[0].index("Tuki")
    assert rows[1][support_column] == 500 and isinstance(rows[1][support_column], int | float)
    assert "€" in sheet.cell(row=2, column=support_column + 1).number_format
    assert not any("Salainen" in str(r[0]) for r in rows)


def test_a_bad_sort_or_page_is_a_note_and_the_first_page(register, client):
    response = client.get(URL, {"sort": "salasana", "page": "-1"})
    assert response.status_code == 200
    assert html(response).count("ohitettiin") == 2
