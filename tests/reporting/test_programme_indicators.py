"""The programme's coordination sets the programme's own indicators once; every call of the
programme then follows them: they show, marked as the programme's, on each call's framework
page, in the report form, in the aggregation and in the API. Another programme's calls do not
see them, an officer running a single call cannot change them, and one reported on stays."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from hankesalkku.accounts.models import Role
from hankesalkku.accounts.services import totp_enrol
from hankesalkku.core.models import Activity, ActivityVerb
from hankesalkku.projects.models import ApplicationStatus
from hankesalkku.reporting import services
from hankesalkku.reporting.aggregation import aggregate
from hankesalkku.reporting.impact_study import impact_study_xlsx
from hankesalkku.reporting.models import Indicator
from tests.assessment.factories import grant
from tests.factories import (
    TEST_TOTP_SECRET,
    ApplicationFactory,
    OrganisationFactory,
    ProjectEntityFactory,
    UserFactory,
    service_actor,
)

from .factories import framework_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme_world(client):
    """Two framework calls of one programme, a call of another, and the coordinator of the
    programme's theme signed in."""
    first = framework_call(funding_authority=OrganisationFactory(name="Hämeen ELY-keskus"))
    second = framework_call(programme=first.programme, theme=first.theme)
    elsewhere = framework_call()
    coordinator = UserFactory()
    grant(coordinator, Role.COORDINATOR, theme=first.theme)
    totp_enrol(actor=service_actor(), user=coordinator, secret=TEST_TOTP_SECRET)
    client.force_login(coordinator)
    return first, second, elsewhere, coordinator


def add_indicator(client, programme, **fields):
    return client.post(
        reverse("reporting:programme_indicator_new", args=[programme.slug]),
        {
            "name": "Kehittämiseen osallistuneet perheet",
            "kind": "quantitative",
            "unit": "perhettä",
            "direction": "increase",
            **fields,
        },
    )


def reported_part(call, indicator, value="12"):
    """A funded part of the call with an accepted 2025 report giving `value` for `indicator`."""
    entity = ProjectEntityFactory.in_status_funded(call=call, theme=call.theme)
    part = ApplicationFactory.in_status(
        ApplicationStatus.FUNDED, entity=entity, starts=datetime.date(2025, 1, 1)
    )
    actor = service_actor()
    period = services.report_periods_create_yearly(
        actor=actor, call=call, first_year=2025, last_year=2025
    )[0]
    report = services.report_create(actor=actor, application=part, period=period)
    services.report_update(actor=actor, report=report, values={indicator.pk: value})
    services.report_submit(actor=actor, report=report)
    services.report_accept(actor=actor, report=report)
    return part, report


def test_the_coordinator_adds_an_indicator_that_every_call_of_the_programme_follows(
    client, programme_world
):
    first, second, elsewhere, coordinator = programme_world
    answer = add_indicator(client, first.programme, target="300")
    assert answer.status_code == 302
    indicator = Indicator.objects.get(name="Kehittämiseen osallistuneet perheet")
    assert (indicator.programme, indicator.call, indicator.scope) == (
        first.programme,
        None,
        "programme",
    )
    listing = client.get(reverse("reporting:programme_indicators", args=[first.programme.slug]))
    assert "Kehittämiseen osallistuneet perheet" in listing.content.decode()

    for call in (first, second):
        assert Indicator.objects.for_call(call).filter(pk=indicator.pk).exists()
        assert Indicator.objects.of_call(call).filter(pk=indicator.pk).exists()
    assert not Indicator.objects.for_call(elsewhere).filter(pk=indicator.pk).exists()

    officer = UserFactory()
    grant(officer, Role.AUTHORITY_OFFICER, organisation=first.funding_authority)
    totp_enrol(actor=service_actor(), user=officer, secret=TEST_TOTP_SECRET)
    client.force_login(officer)
    page = client.get(reverse("reporting:framework", args=[first.slug])).content.decode()
    assert "Kehittämiseen osallistuneet perheet" in page and "ohjelman indikaattori" in page

    part, report = reported_part(first, indicator, "40")
    assert indicator in services.reportable_indicators(report)
    [result] = [
        r for level in aggregate(first) for r in level.indicators if r.indicator == indicator
    ]
    assert result.total == 40
    study = load_workbook(io.BytesIO(impact_study_xlsx(first))).worksheets[0]
    [row] = [r for r in study.iter_rows(values_only=True) if r[2] == indicator.name]
    assert (row[6], row[-1]) == (40, "ohjelman indikaattori")

    api = APIClient().get("/api/v1/indicators/", {"call": second.slug}).json()["results"]
    [row] = [r for r in api if r["id"] == indicator.pk]
    assert (row["scope"], row["programme"], row["call"]) == ("programme", first.programme.pk, None)
    assert indicator.pk not in [
        r["id"]
        for r in APIClient().get("/api/v1/indicators/", {"call": elsewhere.slug}).json()["results"]
    ]


def test_an_indicator_belongs_to_one_owner_and_only_reference_codes_are_unique(programme_world):
    first, _second, _elsewhere, coordinator = programme_world
    with pytest.raises(ValidationError, match="joko ohjelman, haun tai osahankkeen oma"):
        services.indicator_create(
            actor=coordinator, name="Kahden oma", programme=first.programme, call=first
        )
    same_code = services.programme_indicator_create(
        actor=coordinator, programme=first.programme, name="Oma osallistujamäärä", code="EECO01"
    )
    assert same_code.code == "EECO01"  # the reference EECO01 stays the only reference one
    with pytest.raises(ValidationError, match="ei kuulu minkään haun kehyksen tasoon"):
        services.programme_indicator_create(
            actor=coordinator,
            programme=first.programme,
            name="Tasolla",
            level=first.impact_framework.levels.first(),
        )


def test_only_the_programmes_coordination_manages_its_indicators(client, programme_world):
    first, _second, elsewhere, _coordinator = programme_world
    page = reverse("reporting:programme_indicators", args=[first.programme.slug])
    officer = UserFactory()
    grant(officer, Role.AUTHORITY_OFFICER, organisation=first.funding_authority)
    totp_enrol(actor=service_actor(), user=officer, secret=TEST_TOTP_SECRET)
    client.force_login(officer)  # runs one call of the programme, not the programme
    assert client.get(page).status_code == 403
    assert add_indicator(client, first.programme).status_code == 403
    assert not Indicator.objects.filter(programme=first.programme).exists()
    client.logout()
    assert client.get(page).status_code == 302  # to the sign-in page


def test_a_stale_programme_indicator_form_is_refused(client, programme_world):
    first, _second, _elsewhere, coordinator = programme_world
    indicator = services.programme_indicator_create(
        actor=coordinator, programme=first.programme, name="Perheet", unit="perhettä"
    )
    old = indicator.version
    services.programme_indicator_update(
        actor=coordinator, programme=first.programme, indicator=indicator, target=50
    )
    answer = client.post(
        reverse("reporting:programme_indicator_edit", args=[first.programme.slug, indicator.pk]),
        {
            "version": old,
            "name": "Perheet ja lapset",
            "kind": "quantitative",
            "unit": "perhettä",
            "direction": "increase",
        },
    )
    assert answer.status_code == 400
    assert "Tietuetta on muutettu sillä välin" in answer.content.decode()
    indicator.refresh_from_db()
    assert indicator.name == "Perheet"


def test_a_reported_programme_indicator_is_not_deleted_and_an_unused_one_is(
    client, programme_world
):
    first, _second, _elsewhere, coordinator = programme_world
    reported = services.programme_indicator_create(
        actor=coordinator, programme=first.programme, name="Raportoitu", unit="henkilöä"
    )
    unused = services.programme_indicator_create(
        actor=coordinator, programme=first.programme, name="Käyttämätön", unit="kpl"
    )
    reported_part(first, reported)
    slug = first.programme.slug

    refused = client.post(reverse("reporting:programme_indicator_delete", args=[slug, reported.pk]))
    assert refused.status_code == 400
    assert "siitä on raportoitu 1 arvo" in refused.content.decode()
    assert Indicator.objects.filter(pk=reported.pk).exists()

    delete = reverse("reporting:programme_indicator_delete", args=[slug, unused.pk])
    assert "Poistoa ei voi perua" in client.get(delete).content.decode()
    assert client.post(delete, {"version": unused.version}).status_code == 302
    assert not Indicator.objects.filter(pk=unused.pk).exists()
    trail = Activity.objects.get(verb=ActivityVerb.DELETED, object_id=unused.pk)
    assert (trail.actor, trail.service) == (coordinator, "programme_indicator_delete")
