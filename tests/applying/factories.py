"""Applying's situations: an open call with its rules, and people of an organisation by role."""

from datetime import date, timedelta
from decimal import Decimal

from hankesalkku.accounts.services import role_assignment_grant, totp_enrol
from hankesalkku.applying.services import call_rules_set
from hankesalkku.organisations.models import OrganisationType
from tests.factories import (
    TEST_TOTP_SECRET,
    CallFactory,
    OrganisationFactory,
    UserFactory,
    service_actor,
)


def open_call(**rules):
    """A call open today (period 2025–2027, at most 75 %), with its rules for applicants."""
    today = date.today()
    authority = OrganisationFactory(
        name="Hämeen ELY-keskus", organisation_type=OrganisationType.STATE_AGENCY
    )
    call = CallFactory(
        opens=today - timedelta(days=10),
        closes=today + timedelta(days=20),
        starts_year=2025,
        ends_year=2027,
        funding_authority=authority,
    )
    rules.setdefault(
        "eligible_organisation_types", [OrganisationType.MUNICIPALITY, OrganisationType.COMPANY]
    )
    call_rules_set(actor=service_actor(), call=call, **rules)
    return call


def person(organisation, *roles, email=""):
    """A person with roles in `organisation`, enrolled with TOTP (officials need a second
    factor before any page; a preparer may have one too)."""
    user = UserFactory(**({"email": email} if email else {}))
    for role in roles:
        role_assignment_grant(
            actor=service_actor(), user=user, role=role, organisation=organisation
        )
    totp_enrol(actor=service_actor(), user=user, secret=TEST_TOTP_SECRET)
    return user


HELSINKI = {"name": "Helsingin kaupunki", "organisation_type": OrganisationType.MUNICIPALITY}
FORUM_VIRIUM = {"name": "Forum Virium Helsinki Oy", "organisation_type": OrganisationType.COMPANY}
STAFF_2025 = Decimal("120000.00")

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
"""Enough of a PDF for its kind to be read from the content."""
PROGRAM_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 8
"""A Windows program's first bytes: refused whatever the file is called."""
