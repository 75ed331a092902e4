"""Every bad input of issue 11 gets a clear message naming where it is, and nothing is saved:
a value in another unit or outside a scale, a period outside the project, a district file with
missing columns, unknown districts or text in number columns (CSV or XLSX)."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import Workbook

from hankesalkku.projects.models import ApplicationStatus
from hankesalkku.reporting import services
from hankesalkku.reporting.models import DistrictValue
from hankesalkku.reporting.services.district_import import district_values_import, xlsx_to_text
from tests.factories import ApplicationFactory, ProjectEntityFactory, UserFactory, service_actor

from .factories import DistrictFactory, framework_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    actor = service_actor()
    call = framework_call()
    entity = ProjectEntityFactory.in_status_funded(call=call, theme=call.theme)
    part = ApplicationFactory.in_status(
        ApplicationStatus.FUNDED,
        entity=entity,
        starts=datetime.date(2025, 1, 1),
        ends=datetime.date(2025, 12, 31),
    )
    periods = services.report_periods_create_yearly(
        actor=actor, call=call, first_year=2025, last_year=2026
    )
    report = services.report_create(actor=actor, application=part, period=periods[0])
    report.periods = periods
    return report


def _indicator(report, **fields):
    fields.setdefault("name", "Tavoitetut asukkaat")
    return services.indicator_create(
        actor=service_actor(), call=report.application.entity.call, **fields
    )


def test_a_value_in_another_unit_is_refused_by_name(report):
    persons = _indicator(report, unit="henkilöä")
    with pytest.raises(ValidationError) as error:
        services.report_update(actor=service_actor(), report=report, values={persons.pk: "120 €"})
    assert "Tavoitetut asukkaat: ”120 €” on eri yksikössä; anna luku yksikössä henkilöä." in (
        error.value.messages
    )
    services.report_update(
        actor=service_actor(), report=report, values={persons.pk: "120 henkilöä"}
    )
    assert report.values.get().number == 120  # its own unit written out is fine


def test_a_scale_value_outside_the_range_is_refused(report):
    scale = _indicator(
        report, name="Arvio", kind="scale", scale_min=Decimal(1), scale_max=Decimal(5)
    )
    with pytest.raises(ValidationError, match="Arvio: arvon on oltava välillä 1.00–5.00"):
        services.report_update(actor=service_actor(), report=report, values={scale.pk: "0"})
    assert not report.values.exists()


def test_a_negative_count_and_an_overlong_narrative_are_refused(report):
    count = _indicator(report)
    story = _indicator(report, name="Oppi", kind="narrative")
    with pytest.raises(ValidationError) as error:
        services.report_update(
            actor=service_actor(), report=report, values={count.pk: "-3", story.pk: "x" * 2001}
        )
    assert len(error.value.messages) == 2  # both named at once
    assert not report.values.exists()


def test_a_report_for_a_period_outside_the_project_is_refused(report):
    with pytest.raises(ValidationError, match="ei osu hankkeen toteutusaikaan"):
        services.report_create(
            actor=service_actor(), application=report.application, period=report.periods[1]
        )


def test_a_stale_report_form_is_refused_and_nothing_saved(report, client):
    count = _indicator(report)
    services.report_update(actor=service_actor(), report=report, values={count.pk: "1"})
    with pytest.raises(ValidationError):
        services.report_update(
            actor=service_actor(), report=report, values={count.pk: "2"}, expected_version=1
        )
    assert report.values.get().number == 1


HEADER = "kaupunginosa;mittari;yksikkö;vuosi;arvo;lähde;havainnollistava\n"


def test_a_district_file_with_missing_columns_is_refused():
    with pytest.raises(ValidationError) as error:
        district_values_import(actor=service_actor(), text="kaupunginosa;arvo\nmalmi;3\n")
    assert error.value.messages == [
        "Otsikkorivistä puuttuu sarake: mittari, yksikkö, vuosi, lähde."
    ]


def test_unknown_districts_and_text_in_numbers_name_row_and_column_and_save_nothing():
    DistrictFactory(slug="malmi", name="Malmi")
    text = (
        HEADER
        + "malmi;Työttömyysaste;%;2024;12,1;Esimerkki;kyllä\n"
        + "Atlantis;Työttömyysaste;%;2024;9;Esimerkki;kyllä\n"
        + "malmi;Vieraskielisten osuus;%;vuosi;paljon;Esimerkki;kyllä\n"
    )
    with pytest.raises(ValidationError) as error:
        district_values_import(actor=service_actor(), text=text)
    messages = error.value.messages
    assert "Rivi 3, sarake kaupunginosa: tuntematon kaupunginosa ”Atlantis”." in messages
    assert "Rivi 4, sarake vuosi: ”vuosi” ei ole vuosiluku." in messages
    assert "Rivi 4, sarake arvo: ”paljon” ei ole luku." in messages
    assert not DistrictValue.objects.exists()  # all or nothing: the good row 2 is not saved


def _xlsx(rows) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_an_xlsx_file_is_read_like_a_csv_and_its_bad_rows_named(client):
    DistrictFactory(slug="malmi", name="Malmi")
    columns = HEADER.strip().split(";")
    content = _xlsx([columns, ["Malmi", "Työttömyysaste", "%", 2024, "n/a", "Tilasto", "ei"]])
    assert "Malmi;Työttömyysaste" in xlsx_to_text(content)
    client.force_login(UserFactory.staff())
    upload = io.BytesIO(content)
    upload.name = "arvot.xlsx"
    answer = client.post(reverse("reporting:district_import"), {"file": upload})
    assert answer.status_code == 400 and "Rivi 2, sarake arvo" in answer.content.decode()
    good = io.BytesIO(_xlsx([columns, ["Malmi", "Työttömyysaste", "%", 2024, 12.1, "Tilasto", ""]]))
    good.name = "arvot.xlsx"
    assert client.post(reverse("reporting:district_import"), {"file": good}).status_code == 302
    assert DistrictValue.objects.get().value == Decimal("12.10")
