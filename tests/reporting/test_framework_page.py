"""The call's officer edits the impact framework on its page: a stale form is refused with
who changed what, an indicator already reported on keeps its kind and unit (the page says
why), bad numbers are named by field, and nobody but the call's officers may edit."""

import datetime

import pytest
from django.urls import reverse

from hankesalkku.projects.models import ApplicationStatus
from hankesalkku.reporting import services
from tests.factories import (
    ApplicationFactory,
    ProjectEntityFactory,
    UserFactory,
    service_actor,
)

from .factories import framework_call

pytestmark = pytest.mark.django_db


def edit(call, kind, pk):
    return reverse("reporting:framework_edit", args=[call.slug, kind, pk])


def indicator_form(indicator, **changes):
    return {
        "version": indicator.version,
        "name": indicator.name,
        "outcome": indicator.outcome_id,
        "kind": indicator.kind,
        "unit": indicator.unit,
        "direction": indicator.direction,
        **changes,
    }


def test_a_stale_framework_form_is_refused(client, officer_call):
    call, officer, outcome, _indicator = officer_call
    old = outcome.version
    services.outcome_update(actor=officer, outcome=outcome, name="Osallisuus vahvistuu")
    answer = client.post(
        edit(call, "muutos", outcome.pk),
        {"version": old, "level": outcome.level_id, "name": "Osallisuus kasvaa nopeasti"},
    )
    assert answer.status_code == 400
    assert "Tietuetta on muutettu sillä välin" in answer.content.decode()
    outcome.refresh_from_db()
    assert outcome.name == "Osallisuus vahvistuu"


def test_text_in_a_number_is_named_by_its_field(client, officer_call):
    call, _officer, _outcome, indicator = officer_call
    answer = client.post(
        edit(call, "indikaattori", indicator.pk), indicator_form(indicator, target="paljon")
    )
    assert answer.status_code == 400 and "Haun tavoite: Syötä luku." in answer.content.decode()
    scale = client.post(
        reverse("reporting:framework_new", args=[call.slug, "indikaattori"]),
        indicator_form(indicator, name="Arvio", kind="scale", unit=""),
    )
    assert "Asteikon alin: Asteikolle tarvitaan alin ja ylin arvo." in scale.content.decode()


def test_a_reported_indicator_keeps_its_kind_and_unit(client, officer_call):
    call, officer, _outcome, indicator = officer_call
    entity = ProjectEntityFactory.in_status_funded(call=call, theme=call.theme)
    part = ApplicationFactory.in_status(
        ApplicationStatus.FUNDED, entity=entity, starts=datetime.date(2025, 1, 1)
    )
    [period] = services.report_periods_create_yearly(
        actor=service_actor(), call=call, first_year=2025, last_year=2025
    )
    report = services.report_create(actor=officer, application=part, period=period)
    services.report_update(actor=officer, report=report, values={indicator.pk: "12"})

    page = client.get(edit(call, "indikaattori", indicator.pk)).content.decode()
    assert "lajia ja yksikköä ei voi muuttaa" in page
    renamed = client.post(
        edit(call, "indikaattori", indicator.pk),
        indicator_form(indicator, name="Tavoitetut kuntalaiset", unit="€", kind="narrative"),
    )
    assert renamed.status_code == 302  # the disabled fields keep their stored values
    indicator.refresh_from_db()
    assert (indicator.name, indicator.kind, indicator.unit) == (
        "Tavoitetut kuntalaiset",
        "quantitative",
        "henkilöä",
    )
    with pytest.raises(Exception, match="lajia ja yksikköä ei voi muuttaa"):
        services.indicator_update(actor=officer, indicator=indicator, unit="€")


def test_an_outcome_of_another_level_and_a_level_of_another_framework_are_refused(officer_call):
    call, officer, outcome, indicator = officer_call
    other = framework_call().impact_framework.levels.first()
    with pytest.raises(Exception, match="Taso ei kuulu haun vaikuttavuuskehykseen"):
        services.call_level_update(actor=officer, call=call, level=other, name="Vieras")
    second = call.impact_framework.levels.order_by("order")[1]
    with pytest.raises(Exception, match="Tavoiteltu muutos kuuluu toiselle tasolle"):
        services.call_indicator_update(
            actor=officer, call=call, indicator=indicator, level=second, outcome=outcome
        )


def test_only_the_calls_officer_edits_the_framework(client, officer_call):
    call, _officer, _outcome, _indicator = officer_call
    client.force_login(UserFactory())
    assert client.get(reverse("reporting:framework", args=[call.slug])).status_code == 403
    new_level = reverse("reporting:framework_new", args=[call.slug, "taso"])
    assert client.post(new_level, {"name": "Vieras", "order": 4}).status_code == 403
    assert call.impact_framework.levels.count() == 3


def test_a_call_without_a_framework_gets_one_from_the_page(client, officer_call):
    call, _officer, _outcome, _indicator = officer_call
    call.impact_framework = None
    call.save()
    page = reverse("reporting:framework", args=[call.slug])
    assert "Luo haulle vaikuttavuuskehys" in client.get(page).content.decode()
    assert client.post(page, {"name": " "}).status_code == 400
    assert client.post(page, {"name": "Uusi kehys"}).status_code == 302
    call.refresh_from_db()
    assert call.impact_framework.name == "Uusi kehys"
