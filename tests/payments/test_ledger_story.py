"""Decision → claim → check with a reduced line → payment → Helsinki's ledger for 1 50 04.

Like seeds 000 and 001: Helsinki commits at most 123 750 € for its own part of the Oulu-led
project and at most 73 250 € for Forum Virium Helsinki's part of HOT, both from 1 50 04.
"""

import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hankesalkku.accounts.models import Role
from hankesalkku.decisions.models import Commitment
from hankesalkku.payments.exports import ledger_xlsx
from hankesalkku.payments.ledger import ledger_for
from hankesalkku.payments.services import (
    commitment_payment_record,
    commitment_plan_set,
    payment_claim_check,
    payment_claim_create,
    payment_claim_pay,
    payment_claim_submit,
)
from hankesalkku.projects.models import CostCategory
from tests.factories import (
    BudgetItemFactory,
)

from .factories import funded_part, people_of, person

pytestmark = pytest.mark.django_db


def test_from_claim_to_the_citys_ledger(helsinki, client):
    part = funded_part(
        organisation=helsinki["fvh"], authority=helsinki["ely"], entity=helsinki["hot"]
    )
    people = people_of(part)
    claim = payment_claim_create(
        actor=people["preparer"],
        application=part,
        period_starts=date(2025, 1, 1),
        period_ends=date(2025, 6, 30),
        lines=[(CostCategory.STAFF, "40000.00"), (CostCategory.PURCHASED_SERVICES, "8000.00")],
    )
    claim = payment_claim_submit(actor=people["signatory"], claim=claim)
    claim = payment_claim_check(
        actor=people["officer"],
        claim=claim,
        accepted={CostCategory.PURCHASED_SERVICES: ("6000.00", "Yksi lasku kauden ulkopuolelta")},
    )
    claim = payment_claim_pay(actor=people["officer"], claim=claim, paid_on=date(2025, 9, 30))
    assert claim.paid_amount == Decimal("46500.00")  # (40 000 + 16 000 + 6 000) × 75 %

    # the city pays Forum Virium's municipal share of the accepted costs, and its own part
    finance = helsinki["finance"]
    commitment_plan_set(actor=finance, commitment=helsinki["for_fvh"], year=2025, amount="24000.00")
    commitment_plan_set(actor=finance, commitment=helsinki["for_fvh"], year=2026, amount="25000.00")
    commitment_payment_record(
        actor=finance,
        commitment=helsinki["for_fvh"],
        claim=claim,
        paid_on=date(2025, 10, 15),
        amount="15500.00",
    )
    commitment_payment_record(
        actor=finance, commitment=helsinki["own"], paid_on=date(2024, 12, 20), amount="20000.00"
    )
    with pytest.raises(ValidationError, match="ylittäisi sitoumuksen"):
        commitment_payment_record(
            actor=finance,
            commitment=helsinki["for_fvh"],
            paid_on=date(2025, 12, 1),
            amount="57750.01",
        )
    assert Commitment.objects.get(pk=helsinki["for_fvh"].pk).spent == Decimal("15500.00")

    ledger = ledger_for(finance, helsinki["city"], today=date(2025, 11, 1))
    rows = {row.commitment.entity.name: row for row in ledger.rows}
    assert (rows["HOT"].committed, rows["HOT"].paid, rows["HOT"].open) == (
        Decimal("73250.00"),
        Decimal("15500.00"),
        Decimal("57750.00"),
    )
    assert rows["HOT"].forecast == Decimal("33500.00")  # 2025: 24 000 − 15 500, 2026: 25 000
    assert [(y.year, y.planned, y.paid) for y in rows["HOT"].years] == [
        (2025, Decimal("24000.00"), Decimal("15500.00")),
        (2026, Decimal("25000.00"), Decimal("0.00")),
    ]
    assert rows["Lasten ja nuorten palvelut"].forecast == Decimal("103750.00")  # no plan
    assert ledger.totals["committed"] == Decimal("197000.00")
    assert ledger.totals["paid"] == Decimal("35500.00")
    assert ledger.totals["open"] == Decimal("161500.00")

    # the page and its export, each figure linking its decision
    client.force_login(finance)
    page = client.get(reverse("payments:ledger", args=["helsinki"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "161\u00a0500\u00a0€" in html and helsinki["for_fvh"].decision.get_absolute_url() in html
    export = client.get(reverse("payments:ledger_xlsx", args=["helsinki"]))
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][7:11] == ["sitoumus", "maksettu", "avoinna", "ennuste"]
    totals = values[-1]
    assert totals[0] == "Yhteensä" and totals[7:10] == [197000, 35500, 161500]
    assert isinstance(values[1][7], int | float) and "€" in sheet.cell(2, 8).number_format


def test_the_ledger_hides_spending_from_those_who_may_not_see_it(helsinki, client):
    signatory = person(Role.SIGNATORY, helsinki["city"])
    ledger = ledger_for(signatory, helsinki["city"])
    assert ledger.totals["committed"] == Decimal("197000.00")
    assert ledger.totals["paid"] is None and ledger.totals["open"] is None
    sheet = openpyxl.load_workbook(io.BytesIO(ledger_xlsx(ledger))).active
    assert [sheet.cell(2, col).value for col in (9, 10, 11)] == [None, None, None]
    client.force_login(signatory)
    assert client.get(reverse("payments:ledger", args=["helsinki"])).status_code == 403


def test_the_ledger_filters_by_budget_item_programme_project_and_year(helsinki):
    finance = helsinki["finance"]
    only_hot = ledger_for(finance, helsinki["city"], filters={"entity": helsinki["hot"].pk})
    assert [row.commitment for row in only_hot.rows] == [helsinki["for_fvh"]]
    in_2024 = ledger_for(finance, helsinki["city"], filters={"year": "2024"})
    assert [row.commitment for row in in_2024.rows] == [helsinki["own"]]
    other_item = BudgetItemFactory(organisation=helsinki["city"], code="1 40 01")
    assert ledger_for(finance, helsinki["city"], filters={"budget_item": other_item.pk}).rows == []
