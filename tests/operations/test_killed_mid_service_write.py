"""A process killed inside a service's transaction leaves nothing of that write; a rerun ends it.

A signatory's submit, the city's co-financing payment and applying a read decision's values
each write several rows (the status and the frozen version; the payment and the commitment's
spent amount; the organisations and the project the decision names, with their sources) and
an audit row for each. In a child process on a database of its own (an SQLite file, or a
PostgreSQL database beside the test database), the write kills itself with SIGKILL the moment
one of its rows is saved, before it commits. The database is then counted from outside, table
by table: every table holds what it held before the write began. The same write run again
goes through, once.
"""

import json
import signal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from hankesalkku.operations.backup import connect, engine_of, inventory

from .conftest import subprocess_environment

CHILD = Path(__file__).with_name("killable_service.py")
WAIT = 120  # seconds at most for one child

pytestmark = pytest.mark.django_db


def child(environment: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHILD), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=WAIT,
    )


def counts(database: dict) -> dict[str, int]:
    conn = connect(database)
    try:
        return inventory(conn, engine_of(database))["tables"]
    finally:
        conn.close()


def one(database: dict, query: str):
    conn = connect(database)
    try:
        cursor = conn.cursor()
        cursor.execute(query)
        return cursor.fetchall()
    finally:
        conn.close()


def changed(before: dict, after: dict) -> dict:
    return {t: (before.get(t), n) for t, n in after.items() if before.get(t) != n}


def kill_then_rerun(database: dict, tmp_path: Path, scenario: str, kill_after: str):
    """Prepare, run until killed, run again: (table counts before, after the kill, after)."""
    environment = subprocess_environment(database, tmp_path / "data")
    prepared = child(environment, "prepare", scenario)
    assert prepared.returncode == 0, prepared.stderr[-3000:]
    ids = prepared.stdout.strip().splitlines()[-1]
    before = counts(database)

    killed = child(environment, "run", scenario, ids, kill_after)

    assert killed.returncode == -signal.SIGKILL, killed.stderr[-3000:]
    assert killed.stdout.startswith(f"held {kill_after} "), killed.stdout
    after_kill = counts(database)
    rerun = child(environment, "run", scenario, ids)
    assert rerun.returncode == 0 and "done" in rerun.stdout, rerun.stderr[-3000:]
    return json.loads(ids), before, after_kill, counts(database)


def test_a_submit_killed_after_its_frozen_version_is_written_leaves_the_draft_as_it_was(
    migrated_database, tmp_path
):
    ids, before, after_kill, after = kill_then_rerun(
        migrated_database, tmp_path, "submit", "applying.SubmittedVersion"
    )

    assert changed(before, after_kill) == {}
    grown = changed(before, after)
    assert grown["applying_submittedversion"] == (0, 1)
    assert "core_activity" in grown
    [(status,)] = one(
        migrated_database,
        f"SELECT status FROM projects_application WHERE id = {ids['application']}",
    )
    assert status == "submitted"


def test_a_co_financing_payment_killed_before_the_spent_amount_is_raised_leaves_no_payment(
    migrated_database, tmp_path
):
    ids, before, after_kill, after = kill_then_rerun(
        migrated_database, tmp_path, "payment", "payments.CommitmentPayment"
    )

    assert changed(before, after_kill) == {}
    assert changed(before, after)["payments_commitmentpayment"] == (0, 1)
    [(spent,)] = one(
        migrated_database,
        f"SELECT spent FROM decisions_commitment WHERE id = {ids['commitment']}",
    )
    assert Decimal(str(spent)) == Decimal("15500.00")


def test_applying_read_values_killed_after_the_first_record_is_written_leaves_no_record(
    migrated_database, tmp_path
):
    ids, before, after_kill, after = kill_then_rerun(
        migrated_database, tmp_path, "apply", "organisations.Organisation"
    )

    assert changed(before, after_kill) == {}
    grown = changed(before, after)
    assert grown["organisations_organisation"][1] > grown["organisations_organisation"][0]
    assert grown["sources_sourcereference"][1] > 0
    [(applied,)] = one(
        migrated_database,
        f"SELECT applied FROM documents_extraction WHERE id = {ids['extraction']}",
    )
    assert applied is not None
