"""The reporting pages: reports due on the start page, a call's impact, the import form."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from hankesalkku.accounts.models import Role, RoleAssignment
from hankesalkku.projects.models import ApplicationStatus
from hankesalkku.reporting import services
from tests.factories import ApplicationFactory, ProjectEntityFactory, UserFactory, service_actor

from .factories import DistrictFactory, framework_call

pytestmark = pytest.mark.django_db


def _member(organisation, role):
    user = UserFactory()
    RoleAssignment.objects.create(user=user, role=role, organisation=organisation)
    return user


def test_implementer_sees_the_due_report(client):
    call = framework_call()
    entity = ProjectEntityFactory.in_status_funded(call=call, theme=call.theme)
    part = ApplicationFactory.in_status(ApplicationStatus.FUNDED, entity=entity)
    services.report_periods_create_yearly(
        actor=service_actor(), call=call, first_year=2025, last_year=2025
    )
    client.force_login(_member(part.organisation, Role.PREPARER))
    page = client.get(reverse("reporting:reports_due")).content.decode()
    assert "31.1.2026" in page and entity.name in page
    start = client.get(reverse("site:start")).content.decode()
    assert 'hx-get="/raportit/erapaivat/"' in start


def test_impact_page_and_pdf_are_public(client):
    call = framework_call()
    services.indicator_create(
        actor=service_actor(),
        name="Asukkaita",
        call=call,
        level=call.impact_framework.levels.first(),
    )
    page = client.get(reverse("reporting:call_impact", args=[call.slug]))
    assert page.status_code == 200 and "Asukkaat" in page.content.decode()
    pdf = client.get(reverse("reporting:impact_pdf", args=[call.slug]))
    assert pdf.content.startswith(b"%PDF")


def test_import_form_names_the_bad_row_and_saves_nothing(client):
    DistrictFactory(slug="malmi", name="Malmi")
    client.force_login(UserFactory.staff())
    url = reverse("reporting:district_import")
    text = "kaupunginosa;mittari;yksikkö;vuosi;arvo;lähde\nmalmi;Työttömyysaste;%;20x4;9;Tilasto\n"
    response = client.post(url, {"text": text})
    assert response.status_code == 400
    assert "Rivi 2, sarake vuosi" in response.content.decode()
    response = client.post(url, {"text": text.replace("20x4", "2024")})
    assert response.status_code == 302


def test_import_is_refused_to_a_plain_user(client):
    client.force_login(UserFactory())
    assert client.get(reverse("reporting:district_import")).status_code == 403


def test_command_reports_bad_rows(tmp_path):
    path = tmp_path / "arvot.csv"
    path.write_text("kaupunginosa;mittari;yksikkö;vuosi;arvo;lähde\nEi;M;%;2024;1;L\n")
    with pytest.raises(CommandError, match="Rivi 2, sarake kaupunginosa"):
        call_command("import_district_values", str(path))


def test_report_period_must_be_in_order():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="eräpäivän"):
        services.report_period_create(
            actor=service_actor(),
            call=framework_call(),
            starts=datetime.date(2025, 1, 1),
            ends=datetime.date(2025, 12, 31),
            due=datetime.date(2025, 6, 1),
        )


def test_the_last_period_offers_the_final_report_beside_the_progress_report(client):
    call = framework_call()
    entity = ProjectEntityFactory.in_status_funded(call=call, theme=call.theme)
    part = ApplicationFactory.in_status(
        ApplicationStatus.FUNDED,
        entity=entity,
        starts=datetime.date(2025, 1, 1),
        ends=datetime.date(2026, 12, 31),
    )
    periods = services.report_periods_create_yearly(
        actor=service_actor(), call=call, first_year=2025, last_year=2026
    )
    client.force_login(_member(part.organisation, Role.PREPARER))
    url = reverse("reporting:part_reports", args=[part.pk])
    assert client.get(url).content.decode().count("Aloita loppuraportti") == 1
    client.post(url, {"period": periods[1].pk})
    client.post(url, {"period": periods[1].pk, "kind": "final"})
    assert sorted(part.reports.values_list("kind", flat=True)) == ["final", "progress"]
    page = client.get(url).content.decode()
    assert "Loppuraportti: luonnos" in page and "Väliraportti: luonnos" in page
