"""The call's officer deletes levels, outcomes and indicators on the framework page: a
confirmation first (a page of its own, or in place with htmx), then the deletion with its
trail. What has been reported on stays, and the refusal says how many values hold it. A level's
name is versioned like the rest: a stale save is refused with what changed."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from hankesalkku.core.models import Activity, ActivityVerb
from hankesalkku.programmes.models import ImpactLevel
from hankesalkku.programmes.services import impact_level_update
from hankesalkku.projects.models import ApplicationStatus
from hankesalkku.reporting import services
from hankesalkku.reporting.models import Indicator, Outcome
from tests.factories import ApplicationFactory, ProjectEntityFactory, service_actor

pytestmark = pytest.mark.django_db


def delete_url(call, kind, pk):
    return reverse("reporting:framework_delete", args=[call.slug, kind, pk])


def report_on(call, officer, indicator, value="12"):
    entity = ProjectEntityFactory.in_status_funded(call=call, theme=call.theme)
    part = ApplicationFactory.in_status(
        ApplicationStatus.FUNDED, entity=entity, starts=datetime.date(2025, 1, 1)
    )
    [period] = services.report_periods_create_yearly(
        actor=service_actor(), call=call, first_year=2025, last_year=2025
    )
    report = services.report_create(actor=officer, application=part, period=period)
    services.report_update(actor=officer, report=report, values={indicator.pk: value})


def deleted(model, pk):
    return Activity.objects.filter(
        verb=ActivityVerb.DELETED,
        content_type=ContentType.objects.get_for_model(model),
        object_id=pk,
    ).first()


def test_an_outcome_is_deleted_after_confirmation_and_its_indicator_stays_on_the_level(
    client, officer_call
):
    call, officer, outcome, indicator = officer_call
    page = client.get(reverse("reporting:framework", args=[call.slug])).content.decode()
    assert delete_url(call, "muutos", outcome.pk) in page

    confirm = client.get(delete_url(call, "muutos", outcome.pk)).content.decode()
    assert "Poistetaanko ”Osallisuus kasvaa”? Poistoa ei voi perua." in confirm
    assert Outcome.objects.filter(pk=outcome.pk).exists()  # asking deletes nothing

    answer = client.post(delete_url(call, "muutos", outcome.pk), {"version": outcome.version})
    assert answer.status_code == 302
    assert not Outcome.objects.filter(pk=outcome.pk).exists()
    indicator.refresh_from_db()
    assert (indicator.outcome, indicator.level) == (None, outcome.level)
    assert deleted(Outcome, outcome.pk).actor == officer


def test_a_level_goes_with_its_outcomes_and_indicators_in_place_with_htmx(client, officer_call):
    call, officer, outcome, indicator = officer_call
    level = outcome.level
    confirm = client.get(delete_url(call, "taso", level.pk), headers={"HX-Request": "true"})
    body = confirm.content.decode()
    assert "<html" not in body and "Mukana poistuu 1 indikaattori." in body

    answer = client.post(
        delete_url(call, "taso", level.pk),
        {"version": level.version},
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 204 and answer["HX-Redirect"] == reverse(
        "reporting:framework", args=[call.slug]
    )
    assert not ImpactLevel.objects.filter(pk=level.pk).exists()
    assert not Outcome.objects.filter(pk=outcome.pk).exists()
    assert not Indicator.objects.filter(pk=indicator.pk).exists()
    assert deleted(ImpactLevel, level.pk).service == "call_level_delete"
    assert deleted(Indicator, indicator.pk).actor == officer
    assert call.impact_framework.levels.count() == 2


def test_what_has_been_reported_on_is_not_deleted(client, officer_call):
    call, officer, outcome, indicator = officer_call
    report_on(call, officer, indicator)
    for kind, pk in (
        ("indikaattori", indicator.pk),
        ("muutos", outcome.pk),
        ("taso", outcome.level_id),
    ):
        answer = client.post(delete_url(call, kind, pk))
        assert answer.status_code == 400, kind
        assert "ei poistettu: siitä on raportoitu 1 arvo" in answer.content.decode(), kind
    asked = client.get(delete_url(call, "taso", outcome.level_id)).content.decode()
    assert "siitä on raportoitu 1 arvo" in asked and 'class="danger"' not in asked
    assert Indicator.objects.filter(pk=indicator.pk).exists()
    assert Outcome.objects.filter(pk=outcome.pk).exists()
    assert ImpactLevel.objects.filter(pk=outcome.level_id).exists()
    page = client.get(reverse("reporting:framework", args=[call.slug])).content.decode()
    assert delete_url(call, "indikaattori", indicator.pk) not in page  # no link to a refusal


def test_an_indicator_with_an_applicants_target_is_not_deleted(officer_call):
    call, officer, _outcome, indicator = officer_call
    part = ApplicationFactory(entity=ProjectEntityFactory(call=call, theme=call.theme))
    services.target_create(actor=officer, application=part, indicator=indicator, target=10)
    with pytest.raises(Exception, match="hakija on asettanut sille 1 tavoitteen"):
        services.call_indicator_delete(actor=officer, call=call, indicator=indicator)


def test_another_calls_items_are_not_deleted_through_this_call(client, officer_call):
    from .factories import framework_call

    call, _officer, _outcome, _indicator = officer_call
    other = framework_call().impact_framework.levels.first()
    assert client.get(delete_url(call, "taso", other.pk)).status_code == 404
    assert client.post(delete_url(call, "taso", other.pk)).status_code == 404
    assert ImpactLevel.objects.filter(pk=other.pk).exists()


def test_a_stale_level_form_is_refused_with_what_changed(client, officer_call):
    call, officer, outcome, _indicator = officer_call
    level = outcome.level
    old = level.version
    impact_level_update(actor=officer, level=level, name="Kaupunkilaiset")
    answer = client.post(
        reverse("reporting:framework_edit", args=[call.slug, "taso", level.pk]),
        {"version": old, "name": "Asukkaat ja perheet", "order": level.order},
    )
    body = answer.content.decode()
    assert answer.status_code == 400
    assert "Tietuetta on muutettu sillä välin" in body and "kentät taso" in body
    level.refresh_from_db()
    assert (level.name, level.version) == ("Kaupunkilaiset", old + 1)

    current = client.post(
        reverse("reporting:framework_edit", args=[call.slug, "taso", level.pk]),
        {"version": level.version, "name": "Asukkaat ja perheet", "order": level.order},
    )
    assert current.status_code == 302
    level.refresh_from_db()
    assert level.name == "Asukkaat ja perheet"
