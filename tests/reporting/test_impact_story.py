"""The story of issue 11: a Helsingin malli call follows its projects on three levels, the
implementer reports a year, the officer accepts it, and the results add up per district and
level on the impact page and in the impact study."""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from hankesalkku.projects.models import ApplicationStatus
from hankesalkku.reporting import services
from hankesalkku.reporting.aggregation import aggregate, district_comparison
from hankesalkku.reporting.impact_study import impact_study_pdf
from hankesalkku.reporting.models import Indicator, ReportStatus
from hankesalkku.reporting.services.district_import import district_values_import
from tests.factories import ApplicationFactory, ProjectEntityFactory, service_actor

from .factories import DistrictFactory, framework_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    actor = service_actor()
    malmi = DistrictFactory(slug="malmi-t", name="Malmi T")
    kontula = DistrictFactory(slug="kontula-t", name="Kontula T")
    DistrictFactory(slug="kallio-t", name="Kallio T")
    call = framework_call()
    call.target_districts.set([malmi, kontula])
    levels = list(call.impact_framework.levels.all())
    residents = services.indicator_create(
        actor=actor, name="Tavoitetut asukkaat", unit="henkilöä", call=call, level=levels[0]
    )
    actors = services.indicator_create(
        actor=actor,
        name="Yhteistyön laatu",
        kind="scale",
        scale_min=Decimal(1),
        scale_max=Decimal(5),
        unit="1–5",
        call=call,
        level=levels[1],
    )
    institutions = services.indicator_create(
        actor=actor, name="Mitä laitos oppi", kind="narrative", call=call, level=levels[2]
    )
    entity = ProjectEntityFactory.in_status_funded(call=call, theme=call.theme)
    part = ApplicationFactory.in_status(
        ApplicationStatus.FUNDED,
        entity=entity,
        starts=datetime.date(2025, 1, 1),
        ends=datetime.date(2027, 12, 31),
    )
    services.part_district_add(actor=actor, application=part, district=malmi)
    services.target_create(actor=actor, application=part, indicator=residents, target=400)
    periods = services.report_periods_create_yearly(
        actor=actor, call=call, first_year=2025, last_year=2027
    )
    return locals()


def test_yearly_report_at_three_levels_is_accepted_and_aggregated(story):
    actor, part = story["actor"], story["part"]
    report = services.report_create(actor=actor, application=part, period=story["periods"][0])
    services.report_update(
        actor=actor,
        report=report,
        values={
            story["residents"].pk: "120",
            story["actors"].pk: "4",
            story["institutions"].pk: "Opimme kuuntelemaan asukkaita.",
        },
    )
    services.report_submit(actor=actor, report=report)
    services.report_accept(actor=actor, report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED

    levels = aggregate(story["call"])
    assert [level.name for level in levels] == [
        "Asukkaat",
        "Paikalliset toimijat",
        "Taidelaitokset",
    ]
    residents = levels[0].indicators[0]
    assert residents.total == Decimal(120) and residents.target == Decimal(400)
    assert residents.progress == Decimal("0.30")
    assert residents.by_district == {"Malmi T": Decimal(120)}
    assert levels[1].indicators[0].distribution == {Decimal(4): 1}
    assert levels[2].indicators[0].narratives[0][2] == "Opimme kuuntelemaan asukkaita."
    assert aggregate(story["call"], district=story["kontula"])[0].indicators[0].total is None

    pdf = impact_study_pdf(story["call"])
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 1000


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_pdf_names_the_levels(story):
    text = pdf_text(impact_study_pdf(story["call"]))
    for name in ("Asukkaat", "Paikalliset toimijat", "Taidelaitokset"):
        assert name in text


def test_values_are_validated_and_named(story):
    actor = story["actor"]
    report = services.report_create(
        actor=actor, application=story["part"], period=story["periods"][0]
    )
    with pytest.raises(ValidationError) as error:
        services.report_update(
            actor=actor,
            report=report,
            values={story["actors"].pk: "7", story["residents"].pk: "paljon"},
        )
    text = " ".join(error.value.messages)
    assert "Yhteistyön laatu" in text and "1.00–5.00" in text
    assert "”paljon” ei ole luku" in text
    with pytest.raises(ValidationError):
        services.report_submit(actor=actor, report=report)  # nothing saved, nothing to send


def test_returned_report_goes_back_to_the_implementer(story):
    actor = story["actor"]
    report = services.report_create(
        actor=actor, application=story["part"], period=story["periods"][0]
    )
    services.report_update(actor=actor, report=report, values={story["residents"].pk: "5"})
    services.report_submit(actor=actor, report=report)
    with pytest.raises(ValidationError):
        services.report_return(actor=actor, report=report, note=" ")
    services.report_return(actor=actor, report=report, note="Kaupunginosa puuttuu")
    assert report.status == ReportStatus.RETURNED
    services.report_update(actor=actor, report=report, values={story["residents"].pk: "6"})
    services.report_submit(actor=actor, report=report)
    with pytest.raises(ValidationError):
        services.report_submit(actor=actor, report=report)


def test_only_funded_parts_report_within_their_time(story):
    actor = story["actor"]
    draft = ApplicationFactory(entity=story["entity"])
    with pytest.raises(ValidationError):
        services.report_create(actor=actor, application=draft, period=story["periods"][0])
    part = story["part"]
    part.ends = datetime.date(2025, 6, 30)
    part.save()
    with pytest.raises(ValidationError, match="toteutusaikaan"):
        services.report_create(actor=actor, application=part, period=story["periods"][1])


def test_esf_common_indicators_are_reference_data():
    assert Indicator.objects.get(code="EECO01", call=None).name == "Osallistujien kokonaismäärä"
    assert Indicator.objects.filter(code__startswith="EECR").count() >= 4


def test_district_import_is_all_or_nothing_and_compared_to_median(story):
    actor = story["actor"]
    bad = (
        "kaupunginosa;mittari;yksikkö;vuosi;arvo;lähde;havainnollistava\n"
        "malmi-t;Työttömyysaste;%;2024;12,5;Esimerkki;kyllä\n"
        "Atlantis;Työttömyysaste;%;2024;x;Esimerkki;kyllä\n"
    )
    with pytest.raises(ValidationError) as error:
        district_values_import(actor=actor, text=bad)
    messages = error.value.messages
    assert "Rivi 3, sarake kaupunginosa: tuntematon kaupunginosa ”Atlantis”." in messages
    assert any(m.startswith("Rivi 3, sarake arvo") for m in messages)
    assert district_comparison(story["call"]) == []  # nothing was saved
    good = (
        "kaupunginosa;mittari;yksikkö;vuosi;arvo;lähde;havainnollistava\n"
        "malmi-t;Työttömyysaste;%;2024;12,5;Esimerkki;kyllä\n"
        "kontula-t;Työttömyysaste;%;2024;14;Esimerkki;kyllä\n"
        "kallio-t;Työttömyysaste;%;2024;7;Esimerkki;kyllä\n"
    )
    assert district_values_import(actor=actor, text=good) == 3
    [comparison] = district_comparison(story["call"])
    assert comparison.median == Decimal("12.5")
    assert {row[0] for row in comparison.rows} == {"Malmi T", "Kontula T"}
