"""A service write that kills its own process in the middle of its transaction.

The child of tests/operations/test_killed_mid_service_write.py, on a database of its own
(DATABASE_URL). Two commands:

    python tests/operations/killable_service.py prepare SCENARIO   # prints the ids as JSON
    python tests/operations/killable_service.py run SCENARIO IDS [KILL_AFTER]

`prepare` makes and commits what the write needs. `run` does the write; with KILL_AFTER
("app_label.Model"), the first time a row of that model is saved inside the service's
transaction the process prints `held <model> <pk>` and sends itself SIGKILL: no cleanup, no
rollback by Python, nothing but what the database itself keeps. Without it the write runs to
its end (the rerun) and prints `done`.

Scenarios: `submit` (a signatory submits an application part), `payment` (the city pays from
its co-financing commitment), `apply` (the values read from a decision are applied as records).
"""

import json
import os
import signal
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

STAFF = [{"category": "staff", "year": 2025, "amount": Decimal("120000.00")}]


def prepare_submit() -> dict:
    from hankesalkku.accounts.models import Role
    from hankesalkku.applying.services import application_budget_set, application_start
    from tests.applying.factories import HELSINKI, open_call, person
    from tests.factories import OrganisationFactory

    call = open_call()
    helsinki = OrganisationFactory(**HELSINKI)
    preparer, signatory = person(helsinki, Role.PREPARER), person(helsinki, Role.SIGNATORY)
    part = application_start(
        actor=preparer, call=call, organisation=helsinki, name="Osallisuuden polut"
    )
    application_budget_set(
        actor=preparer,
        application=part,
        lines=STAFF,
        use_flat_rate=True,
        support=Decimal("126000.00"),
        starts=date(2025, 1, 1),
        ends=date(2025, 12, 31),
    )
    return {"application": part.pk, "signatory": signatory.pk}


def run_submit(ids: dict) -> None:
    from django.contrib.auth import get_user_model

    from hankesalkku.applying.services import application_submit
    from hankesalkku.projects.models import Application

    application_submit(
        actor=get_user_model().objects.get(pk=ids["signatory"]),
        application=Application.objects.get(pk=ids["application"]),
    )


def prepare_payment() -> dict:
    from hankesalkku.accounts.models import Role
    from tests.factories import (
        BudgetItemFactory,
        CommitmentFactory,
        DecisionFactory,
        OrganisationFactory,
        ProjectEntityFactory,
    )
    from tests.payments.factories import person

    city = OrganisationFactory(name="Helsingin kaupunki", slug="helsinki")
    commitment = CommitmentFactory(
        decision=DecisionFactory(organisation=city, section="63"),
        budget_item=BudgetItemFactory(organisation=city, code="1 50 04"),
        entity=ProjectEntityFactory.in_status_funded(name="HOT"),
        amount=Decimal("73250.00"),
        starts_year=2025,
        ends_year=2027,
    )
    finance = person(Role.FINANCE_OFFICER, city)
    return {"commitment": commitment.pk, "finance": finance.pk}


def run_payment(ids: dict) -> None:
    from django.contrib.auth import get_user_model

    from hankesalkku.decisions.models import Commitment
    from hankesalkku.payments.services import commitment_payment_record

    commitment_payment_record(
        actor=get_user_model().objects.get(pk=ids["finance"]),
        commitment=Commitment.objects.get(pk=ids["commitment"]),
        paid_on=date(2025, 10, 15),
        amount="15500.00",
    )


def prepare_apply() -> dict:
    from hankesalkku.documents.services import document_ingest, extracted_value_confirm
    from tests.documents.conftest import DECISION
    from tests.factories import UserFactory

    officer = UserFactory.staff(username="virkailija")
    _document, extraction = document_ingest(actor=officer, data=DECISION, filename="12.txt")
    for value in extraction.values.all():
        extracted_value_confirm(actor=officer, value=value)
    return {"extraction": extraction.pk, "officer": officer.pk}


def run_apply(ids: dict) -> None:
    from django.contrib.auth import get_user_model

    from hankesalkku.documents.models import Extraction
    from hankesalkku.documents.services import extraction_apply

    extraction_apply(
        actor=get_user_model().objects.get(pk=ids["officer"]),
        extraction=Extraction.objects.get(pk=ids["extraction"]),
    )


def kill_after(label: str) -> None:
    """Die by SIGKILL right after the first row of `label` is saved inside a transaction."""
    from django.apps import apps
    from django.db import connection
    from django.db.models.signals import post_save

    model = apps.get_model(label)

    def die(sender, instance, **kwargs):
        if connection.in_atomic_block:
            print(f"held {label} {instance.pk}", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    post_save.connect(die, sender=model, weak=False)


def main(command: str, scenario: str, *rest: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hankesalkku.settings")
    import django

    django.setup()
    module = sys.modules[__name__]
    if command == "prepare":
        print(json.dumps(getattr(module, f"prepare_{scenario}")()), flush=True)
        return
    ids = json.loads(rest[0])
    if len(rest) > 1:
        kill_after(rest[1])
    getattr(module, f"run_{scenario}")(ids)
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
