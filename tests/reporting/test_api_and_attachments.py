"""The REST API reaches the same services and permission functions as the pages: indicators
and frameworks are public; a report is created, filled, sent, returned and accepted through it,
and its refusals are the services' messages. Attachments are checked by their content."""

import datetime
import io

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from hankesalkku.accounts.models import Role
from hankesalkku.projects.models import ApplicationStatus
from hankesalkku.reporting import services
from hankesalkku.reporting.models import ReportStatus
from tests.assessment.factories import grant
from tests.factories import ApplicationFactory, ProjectEntityFactory, UserFactory, service_actor

from .factories import framework_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    call = framework_call()
    entity = ProjectEntityFactory.in_status_funded(call=call, theme=call.theme)
    part = ApplicationFactory.in_status(
        ApplicationStatus.FUNDED,
        entity=entity,
        starts=datetime.date(2025, 1, 1),
        ends=datetime.date(2027, 12, 31),
    )
    [period] = services.report_periods_create_yearly(
        actor=service_actor(), call=call, first_year=2025, last_year=2025
    )
    indicator = services.indicator_create(
        actor=service_actor(),
        name="Asukkaat",
        unit="henkilöä",
        call=call,
        level=call.impact_framework.levels.first(),
    )
    signatory = UserFactory()
    grant(signatory, Role.SIGNATORY, organisation=part.organisation)
    return {
        "call": call,
        "part": part,
        "period": period,
        "indicator": indicator,
        "signatory": signatory,
    }


def test_indicators_and_frameworks_are_public():
    api = APIClient()
    codes = [row["code"] for row in api.get("/api/v1/indicators/").json()["results"]]
    assert "EECO01" in codes
    call = framework_call()
    frameworks = api.get("/api/v1/impact-frameworks/").json()["results"]
    assert [level["name"] for level in frameworks[0]["levels"]] == [
        level.name for level in call.impact_framework.levels.all()
    ]


def test_a_report_through_the_api(world):
    api = APIClient()
    api.force_authenticate(world["signatory"])
    created = api.post(
        "/api/v1/reports/", {"application": world["part"].pk, "period": world["period"].pk}
    )
    assert created.status_code == 201
    report = created.json()
    url = f"/api/v1/reports/{report['id']}/"
    bad = api.post(
        url + "values/",
        {"version": report["version"], "values": {str(world["indicator"].pk): "paljon"}},
        format="json",
    )
    assert bad.status_code == 400 and "”paljon” ei ole luku" in bad.json()["detail"]
    filled = api.post(
        url + "values/",
        {"version": report["version"], "values": {str(world["indicator"].pk): "12"}},
        format="json",
    ).json()
    sent = api.post(url + "submit/", {"version": filled["version"]}).json()
    assert sent["status"] == ReportStatus.SUBMITTED
    assert api.post(url + "accept/", {"version": sent["version"]}).status_code == 403

    officer = UserFactory.staff()
    api.force_authenticate(officer)
    returned = api.post(url + "return/", {"version": sent["version"], "note": ""})
    assert returned.status_code == 400 and returned.json()["errors"]["officer_note"]
    accepted = api.post(url + "accept/", {"version": sent["version"]}).json()
    assert accepted["status"] == ReportStatus.ACCEPTED
    results = APIClient().get(f"/api/v1/impact-aggregates/{world['call'].slug}/").json()
    assert results["levels"][0]["indicators"][0]["total"] == "12.00"


def test_a_stranger_cannot_see_or_fill_a_report(world):
    report = services.report_create(
        actor=service_actor(), application=world["part"], period=world["period"]
    )
    api = APIClient()
    api.force_authenticate(UserFactory())
    assert api.get(f"/api/v1/reports/{report.pk}/").status_code == 404
    refused = api.post(
        "/api/v1/reports/", {"application": world["part"].pk, "period": world["period"].pk}
    )
    assert refused.status_code == 403


def test_attachments_are_checked_by_content(world, client):
    report = services.report_create(
        actor=service_actor(), application=world["part"], period=world["period"]
    )
    client.force_login(world["signatory"])
    url = reverse("reporting:report_attachments", args=[report.pk])
    fake = io.BytesIO(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64)
    fake.name = "tuloksia.pdf"
    answer = client.post(url, {"file": fake}, HTTP_HX_REQUEST="true")
    assert answer.status_code == 400 and "Liitettä tuloksia.pdf ei voi ottaa vastaan" in (
        answer.content.decode()
    )
    good = io.BytesIO(b"%PDF-1.4\n% raportti\n")
    good.name = "kuvat.pdf"
    assert client.post(url, {"file": good}, HTTP_HX_REQUEST="true").status_code == 200
    attachment = report.attachments.get()
    download = client.get(reverse("reporting:attachment", args=[attachment.pk]))
    assert download.content == b"%PDF-1.4\n% raportti\n"
    client.force_login(UserFactory())
    assert client.get(reverse("reporting:attachment", args=[attachment.pk])).status_code == 404
