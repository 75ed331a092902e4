"""The funding authority checks that the municipal share promised for a project it funds is
being paid: its officer sees those commitments' spending in the city's ledger, and no other."""

from decimal import Decimal

import pytest
from django.urls import reverse

from hankesalkku.accounts.models import Role
from hankesalkku.decisions.models import Commitment
from hankesalkku.decisions.permissions import can_view_commitment_spending
from hankesalkku.payments.ledger import ledger_for
from hankesalkku.payments.permissions import can_view_ledger
from tests.factories import (
    CommitmentFactory,
    DecisionFactory,
    OrganisationFactory,
    ProjectEntityFactory,
)

from .factories import person

pytestmark = pytest.mark.django_db


@pytest.fixture
def elsewhere(helsinki):
    """A commitment of the same city to a project another authority funds."""
    other = OrganisationFactory(name="Uudenmaan ELY-keskus", slug="uusimaa-ely")
    return CommitmentFactory(
        decision=DecisionFactory(organisation=helsinki["city"], section="77"),
        budget_item=helsinki["own"].budget_item,
        entity=ProjectEntityFactory.in_status_funded(name="Muu hanke", funding_authority=other),
        amount=Decimal("10000.00"),
    )


def test_the_authoritys_officer_sees_the_ledger_narrowed_to_the_projects_it_funds(
    helsinki, elsewhere
):
    Commitment.objects.filter(pk=helsinki["own"].pk).update(spent=Decimal("4321.09"))
    officer = person(Role.AUTHORITY_OFFICER, helsinki["ely"], "ely")
    assert can_view_ledger(officer, helsinki["city"])[0]
    ledger = ledger_for(officer, helsinki["city"])
    shown = {row.commitment.pk for row in ledger.rows}
    assert shown == {helsinki["own"].pk, helsinki["for_fvh"].pk}
    assert ledger.shows_spending
    own = next(row for row in ledger.rows if row.commitment.pk == helsinki["own"].pk)
    assert own.paid == Decimal("4321.09") and own.open == Decimal("119428.91")


def test_the_other_commitment_keeps_its_spending_from_that_officer(helsinki, elsewhere):
    officer = person(Role.AUTHORITY_OFFICER, helsinki["ely"], "ely")
    assert not can_view_commitment_spending(officer, helsinki["city"], commitment=elsewhere)[0]
    assert can_view_commitment_spending(officer, helsinki["city"], commitment=helsinki["own"])[0]


def test_an_officer_of_an_authority_funding_nothing_of_the_city_is_refused(client, helsinki):
    stranger = person(Role.AUTHORITY_OFFICER, OrganisationFactory(slug="lappi-ely"), "lappi")
    assert not can_view_ledger(stranger, helsinki["city"])[0]
    client.force_login(stranger)
    assert client.get(reverse("payments:ledger", args=[helsinki["city"].slug])).status_code == 403


def test_the_spending_filter_says_what_the_spending_rule_says_for_every_person(helsinki, elsewhere):
    """The lists filter commitments in one query; the pages ask one commitment at a time. Both
    must give each person the same commitments."""
    from hankesalkku.decisions.permissions import commitment_spending_filter
    from tests.factories import UserFactory

    people = [
        helsinki["finance"],
        person(Role.AUTHORITY_OFFICER, helsinki["ely"], "ely"),
        person(Role.AUTHORITY_OFFICER, OrganisationFactory(slug="lappi-ely"), "lappi"),
        person(Role.PREPARER, helsinki["city"], "valmistelija"),
        person(Role.FINANCE_OFFICER, helsinki["fvh"], "fvh-talous"),
        UserFactory.staff(),
        UserFactory(),
    ]
    commitments = list(Commitment.objects.select_related("payer", "entity__call"))
    for user in people:
        by_rule = {
            c.pk
            for c in commitments
            if can_view_commitment_spending(user, c.payer, commitment=c)[0]
        }
        by_filter = set(
            Commitment.objects.filter(commitment_spending_filter(user)).values_list("pk", flat=True)
        )
        assert by_filter == by_rule, user.username


def test_the_authoritys_officer_reads_the_payments_of_its_projects_in_the_api(
    client, helsinki, elsewhere
):
    from datetime import date

    from hankesalkku.payments.services import commitment_payment_record

    for commitment in (helsinki["own"], elsewhere):
        commitment_payment_record(
            actor=helsinki["finance"],
            commitment=commitment,
            paid_on=date(2025, 3, 1),
            amount=Decimal("1000.00"),
        )
    officer = person(Role.AUTHORITY_OFFICER, helsinki["ely"], "ely")
    client.force_login(officer)
    listed = client.get("/api/v1/commitment-payments/").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert {row["commitment"] for row in rows} == {helsinki["own"].pk}
