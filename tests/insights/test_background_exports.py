"""A download too big to wait for is written in the background: the visitor gets a page with
its progress, then the file; nobody else can follow or fetch it.

The tests lower the threshold to a few rows; `HANKESALKKU_TASKS_IMMEDIATE=1` (pytest's
environment) runs the task at once, so the job page already shows the finished file.
"""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from hankesalkku.insights import jobs
from hankesalkku.insights.models import ExportJob
from tests.factories import ApplicationFactory, ProjectEntityFactory, UserFactory
from tests.pages import html

pytestmark = pytest.mark.django_db

DOWNLOAD = "projects:download"


@pytest.fixture
def register(settings, tmp_path, monkeypatch):
    """Twelve public projects, one draft, and a background threshold of five rows."""
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(jobs, "BACKGROUND_ABOVE", 5)
    for i in range(12):
        ApplicationFactory(
            entity=ProjectEntityFactory.in_status_funded(name=f"Hanke {i:02d}"),
            total_cost=Decimal("1000.50") + i,
            support=Decimal(750 + i),
            own_financing=Decimal("250.50"),
        )
    ApplicationFactory(entity=ProjectEntityFactory(name="Salainen luonnos"))


def _start(client, fmt="xlsx", **params):
    response = client.get(reverse(DOWNLOAD, args=[fmt]), params)
    assert response.status_code == 302, response.status_code
    job = ExportJob.objects.get()
    assert response["Location"] == reverse("insights:export_job", args=[job.pk])
    return job


def test_a_visitor_asks_for_a_big_xlsx_follows_it_and_downloads_it(register, client):
    job = _start(client, sort="-support")
    page = html(client.get(reverse("insights:export_job", args=[job.pk])))
    assert "valmis" in page and "12 / 12 riviä kirjoitettu" in page
    download = reverse("insights:export_job_download", args=[job.pk])
    assert download in page

    response = client.get(download)
    assert response.status_code == 200 and job.filename in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 13 and rows[1][0] == "Hanke 11"  # the list's order, support descending
    support, cost = rows[0].index("Tuki"), rows[0].index("Kokonaiskustannukset")
    assert rows[1][support] == 761 and rows[1][cost] == pytest.approx(1011.50)
    assert "€" in sheet.cell(row=2, column=support + 1).number_format
    assert not any("Salainen" in str(r[0]) for r in rows)


def test_while_the_file_is_written_the_page_polls_its_progress(register, client):
    job = _start(client)
    job.status, job.done = ExportJob.Status.RUNNING, 6
    job.save()  # as the task leaves it halfway
    partial = html(
        client.get(reverse("insights:export_job", args=[job.pk]), HTTP_HX_REQUEST="true")
    )
    assert 'hx-trigger="every 2s"' in partial and "6 / 12" in partial
    assert "Lataa" not in partial
    assert client.get(reverse("insights:export_job_download", args=[job.pk])).status_code == 404


def test_a_big_csv_is_a_job_too_with_the_finnish_decimal_comma(register, client):
    job = _start(client, fmt="csv")
    response = client.get(reverse("insights:export_job_download", args=[job.pk]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert len(text.splitlines()) == 13 and "1000,50" in text


def test_only_the_requester_follows_or_downloads_the_file(register, client):
    job = _start(client)
    stranger = Client()
    for name in ("insights:export_job", "insights:export_job_download"):
        assert stranger.get(reverse(name, args=[job.pk])).status_code == 404

    alice, bob = UserFactory(), UserFactory()
    client.force_login(alice)
    ExportJob.objects.all().delete()
    job = _start(client)
    assert job.requested_by == alice and job.session_key == ""
    other = Client()
    other.force_login(bob)
    assert other.get(reverse("insights:export_job_download", args=[job.pk])).status_code == 404
    assert client.get(reverse("insights:export_job_download", args=[job.pk])).status_code == 200


def test_a_small_selection_is_written_while_the_request_waits(register, client):
    response = client.get(reverse(DOWNLOAD, args=["xlsx"]), {"status": "closed"})
    assert response.status_code == 200 and not ExportJob.objects.exists()


def test_a_bad_format_is_not_found_and_a_bad_filter_is_ignored(register, client):
    assert client.get(reverse(DOWNLOAD, args=["exe"])).status_code == 404
    job = _start(client, sort="salasana", status="kaikkea-muuta")
    assert ExportJob.objects.get().status == ExportJob.Status.FINISHED
    assert job.total == 12


def test_a_file_that_cannot_be_written_says_so_on_the_page(register, client, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(jobs, "write_xlsx", broken)
    job = _start(client)
    page = html(client.get(reverse("insights:export_job", args=[job.pk])))
    assert "epäonnistui" in page and "OSError" in page and "Lataa" not in page


def test_the_overviews_workbook_of_a_big_selection_is_a_job(register, client):
    response = client.get(reverse("insights:export", args=["xlsx"]))
    job = ExportJob.objects.get(kind=ExportJob.Kind.OVERVIEW)
    assert response.status_code == 302 and job.status == ExportJob.Status.FINISHED
    response = client.get(reverse("insights:export_job_download", args=[job.pk]))
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book["Hankkeet"].max_row == 13
