"""A funded part with its approved budget, and the people who claim, check and pay."""

from datetime import date
from decimal import Decimal

from hankesalkku.accounts.models import Role
from hankesalkku.accounts.services import role_assignment_grant, totp_enrol
from hankesalkku.projects.models import ApplicationStatus, CostCategory
from tests.factories import (
    TEST_TOTP_SECRET,
    ApplicationFactory,
    OrganisationFactory,
    ProjectEntityFactory,
    UserFactory,
    approved_budget,
    service_actor,
)

BUDGET_LINES = [
    (CostCategory.STAFF, None, Decimal("100000.00")),
    (CostCategory.FLAT_RATE, None, Decimal("40000.00")),
    (CostCategory.PURCHASED_SERVICES, None, Decimal("20000.00")),
]


def person(role, organisation, username=None):
    user = UserFactory(username=username) if username else UserFactory()
    role_assignment_grant(actor=service_actor(), user=user, role=role, organisation=organisation)
    totp_enrol(actor=service_actor(), user=user, secret=TEST_TOTP_SECRET)  # roles that need it
    return user


def funded_part(*, organisation=None, authority=None, lines=None, entity=None, **fields):
    """A funded part 1.9.2024–31.8.2027 under an authority, with its budget in force (75 %)."""
    authority = authority or OrganisationFactory(name="Hämeen ELY-keskus")
    organisation = organisation or OrganisationFactory()
    entity = entity or ProjectEntityFactory.in_status_funded(funding_authority=authority)
    part = ApplicationFactory.in_status(
        ApplicationStatus.FUNDED,
        entity=entity,
        organisation=organisation,
        starts=date(2024, 9, 1),
        ends=date(2027, 8, 31),
        total_cost=Decimal("160000.00"),
        support=Decimal("120000.00"),
        own_financing=Decimal("40000.00"),
        **fields,
    )
    approved_budget(
        part,
        lines=lines or BUDGET_LINES,
        support=Decimal("120000.00"),
        support_rate=Decimal("0.7500"),
    )
    return part


def people_of(part):
    """The implementer's preparer and signatory, and the funding authority's officer."""
    return {
        "preparer": person(Role.PREPARER, part.organisation),
        "signatory": person(Role.SIGNATORY, part.organisation),
        "officer": person(Role.AUTHORITY_OFFICER, part.entity.funding_authority),
    }
