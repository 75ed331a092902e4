"""The city of the seeds 000 and 001 as the payments tests need it: Helsinki with budget item
1 50 04, its own part of the Oulu-led project (at most 123 750 €) and Forum Virium Helsinki's
municipal share of HOT (at most 73 250 €), and its finance officer."""

from datetime import date
from decimal import Decimal

import pytest

from hankesalkku.accounts.models import Role
from tests.factories import (
    BudgetItemFactory,
    CommitmentFactory,
    DecisionFactory,
    OrganisationFactory,
    ProjectEntityFactory,
)

from .factories import person


@pytest.fixture
def helsinki():
    city = OrganisationFactory(name="Helsingin kaupunki", slug="helsinki")
    item = BudgetItemFactory(organisation=city, code="1 50 04")
    ely = OrganisationFactory(name="Hämeen ELY-keskus", slug="hame-ely")
    fvh = OrganisationFactory(name="Forum Virium Helsinki Oy", slug="fvh")
    oulu_led = ProjectEntityFactory.in_status_funded(
        name="Lasten ja nuorten palvelut", funding_authority=ely
    )
    hot = ProjectEntityFactory.in_status_funded(name="HOT", funding_authority=ely)
    own = CommitmentFactory(
        decision=DecisionFactory(organisation=city, section="54"),
        budget_item=item,
        entity=oulu_led,
        amount=Decimal("123750.00"),
        starts_year=2024,
        ends_year=2027,
    )
    for_fvh = CommitmentFactory(
        decision=DecisionFactory(organisation=city, section="63", date=date(2024, 10, 22)),
        budget_item=item,
        entity=hot,
        beneficiary=fvh,
        purpose="municipal_financing",
        amount=Decimal("73250.00"),
        starts_year=2025,
        ends_year=2027,
    )
    return {
        "city": city,
        "ely": ely,
        "fvh": fvh,
        "hot": hot,
        "oulu_led": oulu_led,
        "own": own,
        "for_fvh": for_fvh,
        "finance": person(Role.FINANCE_OFFICER, city, "talous"),
    }
