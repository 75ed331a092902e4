"""Reporting's shared fixtures: the call's officer signed in on a framework call."""

import pytest

from hankesalkku.accounts.models import Role
from hankesalkku.accounts.services import totp_enrol
from hankesalkku.reporting import services
from tests.assessment.factories import grant
from tests.factories import TEST_TOTP_SECRET, OrganisationFactory, UserFactory, service_actor

from .factories import framework_call


@pytest.fixture
def officer_call(client):
    """A framework call run by its funding authority's officer, signed in, with one outcome
    and one indicator of its own."""
    call = framework_call(funding_authority=OrganisationFactory(name="Hämeen ELY-keskus"))
    officer = UserFactory()
    grant(officer, Role.AUTHORITY_OFFICER, organisation=call.funding_authority)
    totp_enrol(actor=service_actor(), user=officer, secret=TEST_TOTP_SECRET)  # officers need it
    level = call.impact_framework.levels.order_by("order").first()
    outcome = services.outcome_create(actor=officer, level=level, name="Osallisuus kasvaa")
    indicator = services.indicator_create(
        actor=officer,
        name="Tavoitetut asukkaat",
        unit="henkilöä",
        call=call,
        level=level,
        outcome=outcome,
    )
    client.force_login(officer)
    return call, officer, outcome, indicator
