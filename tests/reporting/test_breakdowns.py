"""ESF+ participant indicators reported with their breakdowns (Annex I of Regulation (EU)
2021/1057): each category's figure a whole non-negative number, the categories of a breakdown
adding up to the total, every bad figure named with its indicator and breakdown, nothing saved
unless all are good; the accepted figures summed per category."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from hankesalkku.projects.models import ApplicationStatus
from hankesalkku.reporting import services
from hankesalkku.reporting.aggregation import aggregate
from hankesalkku.reporting.models import Breakdown, Indicator, ReportBreakdownValue
from tests.factories import ApplicationFactory, ProjectEntityFactory, UserFactory, service_actor

from .factories import framework_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    """A funded ESR+ part's draft 2025 report on EECO01, which takes all three breakdowns."""
    actor = service_actor()
    call = framework_call()
    entity = ProjectEntityFactory.in_status_funded(call=call, theme=call.theme)
    part = ApplicationFactory.in_status(
        ApplicationStatus.FUNDED,
        entity=entity,
        starts=datetime.date(2025, 1, 1),
        ends=datetime.date(2025, 12, 31),
    )
    participants = Indicator.objects.get(code="EECO01", call=None)
    services.target_create(actor=actor, application=part, indicator=participants, target=400)
    [period] = services.report_periods_create_yearly(
        actor=actor, call=call, first_year=2025, last_year=2025
    )
    report = services.report_create(actor=actor, application=part, period=period)
    report.participants = participants
    return report


def categories(slug):
    return list(Breakdown.objects.get(slug=slug).categories.all())


def split(report, **figures) -> dict:
    """Figures for every category of the three breakdowns, by default a correct split of 120."""
    found = {}
    for slug, numbers in {
        "gender": ("70", "48", "2"),
        "age": ("10", "40", "50", "20"),
        "education": ("30", "60", "30"),
        **figures,
    }.items():
        found.update({str(c.pk): n for c, n in zip(categories(slug), numbers, strict=True)})
    return {report.participants.pk: found}


def update(report, total="120", breakdowns=None):
    return services.report_update(
        actor=service_actor(),
        report=report,
        values={report.participants.pk: total},
        breakdowns=breakdowns if breakdowns is not None else split(report),
    )


def messages_of(call) -> list[str]:
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.messages


def test_the_breakdowns_of_the_annex_are_reference_data():
    assert [b.slug for b in Breakdown.objects.all()] == ["gender", "age", "education"]
    assert [c.name for c in categories("gender")] == ["Naiset", "Miehet", "Muunsukupuoliset"]
    takes = Indicator.objects.get(code="EECO01", call=None).breakdowns.all()
    assert {b.slug for b in takes} == {"gender", "age", "education"}
    assert list(Indicator.objects.get(code="EECO18", call=None).breakdowns.all()) == []


def test_a_breakdown_that_does_not_add_up_is_named_and_nothing_is_saved(report):
    found = messages_of(lambda: update(report, breakdowns=split(report, gender=("70", "40", "2"))))
    assert found == [
        "EECO01 Osallistujien kokonaismäärä, Sukupuoli: luokkien summa 112 ei ole sama kuin "
        "kokonaismäärä 120."
    ]
    assert not report.values.exists()


def test_text_a_fraction_or_a_negative_figure_in_a_category_is_refused(report):
    found = messages_of(
        lambda: update(
            report,
            breakdowns=split(report, gender=("paljon", "48,5", "-2"), age=("10", "40", "50", "")),
        )
    )
    assert "EECO01 Osallistujien kokonaismäärä, Naiset: ”paljon” ei ole kokonaisluku." in found
    assert "EECO01 Osallistujien kokonaismäärä, Miehet: ”48,5” ei ole kokonaisluku." in found
    assert (
        "EECO01 Osallistujien kokonaismäärä, Muunsukupuoliset: määrä ei voi olla negatiivinen."
        in found
    )
    assert (
        "EECO01 Osallistujien kokonaismäärä, Ikäryhmä: anna jokaisen luokan määrä "
        "(puuttuu: 55-vuotiaat ja sitä vanhemmat)." in found
    )
    assert not ReportBreakdownValue.objects.exists()


def test_an_unknown_category_or_a_breakdown_without_its_total_is_refused(report):
    unknown = split(report)
    unknown[report.participants.pk]["999999"] = "5"
    assert "EECO01 Osallistujien kokonaismäärä: tuntematon jaottelun luokka ”999999”." in (
        messages_of(lambda: update(report, breakdowns=unknown))
    )
    assert (
        "EECO01 Osallistujien kokonaismäärä: anna kokonaismäärä, kun annat sen jaottelun."
        in messages_of(lambda: update(report, total=""))
    )
    stray = {str(report.participants.pk + 100000): {"1": "3"}}
    assert messages_of(
        lambda: services.report_update(
            actor=service_actor(), report=report, values={}, breakdowns=stray
        )
    ) == [f"Indikaattori {report.participants.pk + 100000} ei kuulu tähän raporttiin."]
    missing = messages_of(lambda: update(report, breakdowns={}))
    assert len(missing) == 3 and all("anna jokaisen luokan määrä" in m for m in missing)


def test_accepted_breakdowns_add_up_per_category(report):
    actor = service_actor()
    update(report)
    update(
        report,
        total="121",
        breakdowns=split(
            report,
            gender=("71", "48", "2"),
            age=("10", "41", "50", "20"),
            education=("31", "60", "30"),
        ),
    )  # a second save replaces the figures rather than adding to them
    services.report_submit(actor=actor, report=report)
    services.report_accept(actor=actor, report=report)
    [participants] = [
        r
        for level in aggregate(report.application.entity.call)
        for r in level.indicators
        if r.indicator.code == "EECO01"
    ]
    assert participants.total == 121
    assert participants.breakdowns[0] == (
        "Sukupuoli",
        [("Naiset", 71), ("Miehet", 48), ("Muunsukupuoliset", 2)],
    )
    assert [name for name, _c in participants.breakdowns] == [
        "Sukupuoli",
        "Ikäryhmä",
        "Koulutustaso",
    ]


def test_the_api_takes_and_tells_the_breakdowns(report):
    api = APIClient()
    api.force_authenticate(UserFactory.staff())
    url = f"/api/v1/reports/{report.pk}/values/"
    values = {str(report.participants.pk): "120"}
    bad = api.post(
        url,
        {
            "version": report.version,
            "values": values,
            "breakdowns": split(report, gender=("70", "40", "2")),
        },
        format="json",
    )
    assert bad.status_code == 400 and "luokkien summa 112" in bad.json()["detail"]
    filled = api.post(
        url,
        {"version": report.version, "values": values, "breakdowns": split(report)},
        format="json",
    ).json()
    [value] = filled["values"]
    assert sorted(b["number"] for b in value["breakdowns"][:3]) == [2, 48, 70]
    sent = api.post(f"/api/v1/reports/{report.pk}/submit/", {"version": filled["version"]})
    api.post(f"/api/v1/reports/{report.pk}/accept/", {"version": sent.json()["version"]})
    call = report.application.entity.call
    results = APIClient().get(f"/api/v1/impact-aggregates/{call.slug}/").json()
    [participants] = [
        i
        for level in results["levels"]
        for i in level["indicators"]
        if i["name"].startswith("Osall")
    ]
    assert participants["breakdowns"]["Sukupuoli"] == {
        "Naiset": 70,
        "Miehet": 48,
        "Muunsukupuoliset": 2,
    }
