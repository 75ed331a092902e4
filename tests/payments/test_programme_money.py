"""Per call and theme: support approved, claimed, accepted and paid, and what is left of the
call's budget; the same few queries for one call or many; shown to those who follow calls."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hankesalkku.payments.programme_money import programme_money
from hankesalkku.payments.services import (
    advance_pay,
    payment_claim_check,
    payment_claim_create,
    payment_claim_pay,
    payment_claim_submit,
)
from hankesalkku.payments.start import panels
from hankesalkku.projects.models import CostCategory
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    ProjectEntityFactory,
    ThemeFactory,
    UserFactory,
)

from .factories import funded_part, people_of

pytestmark = pytest.mark.django_db


def _funded_in(call):
    authority = call.funding_authority or OrganisationFactory(name="Hämeen ELY-keskus")
    entity = ProjectEntityFactory.in_status_funded(call=call, funding_authority=authority)
    return funded_part(entity=entity, authority=authority)


def _claim(part, people, starts, ends, staff, *, to="paid", reduce=None):
    claim = payment_claim_create(
        actor=people["preparer"],
        application=part,
        period_starts=starts,
        period_ends=ends,
        lines=[(CostCategory.STAFF, staff)],
    )
    if to == "draft":
        return claim
    claim = payment_claim_submit(actor=people["signatory"], claim=claim)
    if to == "submitted":
        return claim
    claim = payment_claim_check(actor=people["officer"], claim=claim, accepted=reduce)
    return payment_claim_pay(actor=people["officer"], claim=claim, paid_on=date(2025, 3, 1))


def test_approved_claimed_paid_and_left_per_call_and_theme(client):
    theme = ThemeFactory(reserved_budget=Decimal("1000000.00"))
    ely = OrganisationFactory(name="Hämeen ELY-keskus")
    call = CallFactory(theme=theme, budget=Decimal("500000.00"), funding_authority=ely)
    part = _funded_in(call)
    people = people_of(part)
    advance_pay(
        actor=people["officer"], application=part, amount="5000.00", paid_on=date(2024, 9, 15)
    )
    _claim(part, people, date(2024, 9, 1), date(2024, 12, 31), "10000.00")  # 14 000 € costs
    _claim(part, people, date(2025, 1, 1), date(2025, 6, 30), "20000.00", to="submitted")
    _claim(part, people, date(2025, 7, 1), date(2025, 12, 31), "1000.00", to="draft")
    money = programme_money()
    row = next(r for r in money.calls if r.call == call)
    assert row.approved == Decimal("120000.00")
    assert row.claimed == Decimal("31500.00")  # (14 000 + 28 000) × 75 %, the draft left out
    assert row.accepted == Decimal("10500.00")
    assert row.paid == Decimal("10500.00")  # 5 500 € on the claim + the 5 000 € advance
    assert row.remaining == Decimal("380000.00")
    themed = next(t for t in money.themes if t.name == theme.display_name)
    assert themed.remaining == Decimal("880000.00")

    officer = people["officer"]
    client.force_login(officer)
    page = client.get(reverse("payments:programme_money"))
    assert "380\xa0000\xa0€" in page.content.decode()
    client.force_login(UserFactory())
    assert client.get(reverse("payments:programme_money")).content == b""


def test_the_programme_money_takes_the_same_queries_for_one_call_or_many():
    first = CallFactory()
    _funded_in(first)
    with CaptureQueriesContext(connection) as one:
        programme_money()
    for _ in range(4):
        _funded_in(CallFactory(theme=ThemeFactory()))
    with CaptureQueriesContext(connection) as many:
        money = programme_money()
    assert len(money.calls) >= 5
    assert len(many.captured_queries) == len(one.captured_queries) == 6


def test_the_start_page_panels_say_who_waits_for_what():
    part = funded_part()
    people = people_of(part)
    officer = [p.url for p in panels(people["officer"])]
    assert officer == [reverse("payments:waiting")]
    preparer = [p.url for p in panels(people["preparer"])]
    assert preparer == [reverse("payments:my_claims")]
    assert panels(UserFactory()) == []
