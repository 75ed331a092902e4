"""A process killed in the middle of a service write leaves nothing partial, and a rerun ends it.

`hankesalkku ingest --save` over a batch of decisions, in a child process on a database of its
own (an SQLite file, or a PostgreSQL database beside the test database): the child stops
inside the transaction of its ninth new document, after every row of it is written, and tells
the parent through a pipe; the parent kills it with SIGKILL. No sleeping: the parent waits on
the pipe, with a time limit.
"""

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hankesalkku.documents.models import ExtractedValue, Extraction
from hankesalkku.operations.backup import connect
from hankesalkku.sources.models import SourceDocument

from ..documents.conftest import DECISION
from .conftest import subprocess_environment

CHILD = Path(__file__).with_name("killable_ingest.py")
FILES = 24
HOLD_AT = 9
WAIT = 90  # seconds at most for the child to reach the held transaction

# The test database is only the source of the child's migrated database; the child writes to
# its own.
pytestmark = pytest.mark.django_db


def write_decisions(folder: Path) -> None:
    folder.mkdir()
    for number in range(1, FILES + 1):
        text = DECISION.replace(b"HEL 2024-000777", f"HEL 2024-{number:06d}".encode())
        text = text.replace(b"200 000 euroa", f"{200 + number} 000 euroa".encode())
        (folder / f"paatos-{number:02d}.txt").write_bytes(text)


def state(database: dict) -> dict:
    """What the database holds, counted with plain SQL from outside the child."""
    documents = SourceDocument._meta.db_table
    extractions = Extraction._meta.db_table
    values = ExtractedValue._meta.db_table
    queries = {
        "documents": f"SELECT COUNT(*) FROM {documents}",
        "without_original": f"SELECT COUNT(*) FROM {documents} WHERE original IS NULL",
        "without_extraction": f"SELECT COUNT(*) FROM {documents} d WHERE NOT EXISTS "
        f"(SELECT 1 FROM {extractions} e WHERE e.document_id = d.id)",
        "extractions": f"SELECT COUNT(*) FROM {extractions}",
        "without_values": f"SELECT COUNT(*) FROM {extractions} e WHERE NOT EXISTS "
        f"(SELECT 1 FROM {values} v WHERE v.extraction_id = e.id)",
        "orphan_values": f"SELECT COUNT(*) FROM {values} v WHERE NOT EXISTS "
        f"(SELECT 1 FROM {extractions} e WHERE e.id = v.extraction_id)",
        # Every audit row of a document or an extraction names one that exists, and each
        # of them was created exactly once.
        "orphan_trail": "SELECT COUNT(*) FROM core_activity a JOIN django_content_type c "
        "ON c.id = a.content_type_id WHERE (c.app_label = 'sources' AND c.model = "
        f"'sourcedocument' AND a.object_id NOT IN (SELECT id FROM {documents})) OR "
        "(c.app_label = 'documents' AND c.model = 'extraction' AND a.object_id NOT IN "
        f"(SELECT id FROM {extractions}))",
        "documents_created": "SELECT COUNT(*) FROM core_activity a JOIN django_content_type "
        "c ON c.id = a.content_type_id WHERE c.app_label = 'sources' AND "
        "c.model = 'sourcedocument' AND a.verb = 'created'",
    }
    conn = connect(database)
    try:
        cursor = conn.cursor()
        found = {}
        for name, query in queries.items():
            cursor.execute(query)
            found[name] = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT COUNT(v.id) FROM {extractions} e JOIN {values} v "
            "ON v.extraction_id = e.id GROUP BY e.id"
        )
        found["values_per_document"] = sorted({row[0] for row in cursor.fetchall()})
    finally:
        conn.close()
    return found


def complete(found: dict, documents: int) -> bool:
    """Every document whole: its original, its extraction, its values, its trail."""
    return (
        found["documents"] == found["extractions"] == found["documents_created"] == documents
        and found["without_original"] == found["without_extraction"] == 0
        and found["without_values"] == found["orphan_values"] == found["orphan_trail"] == 0
        and len(found["values_per_document"]) == 1
        and found["values_per_document"][0] > 0
    )


def run_until_held(environment: dict, folder: Path, log: Path) -> tuple[str, str]:
    """Start the child, wait until it holds the transaction open, kill it: (held id, stdout)."""
    ready_read, ready_write = os.pipe()
    hold_read, hold_write = os.pipe()
    with log.open("wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(folder)],
            env={
                **environment,
                "HOLD_AT": str(HOLD_AT),
                "READY_FD": str(ready_write),
                "HOLD_FD": str(hold_read),
            },
            pass_fds=(ready_write, hold_read),
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
    os.close(ready_write)
    os.close(hold_read)
    try:
        readable, _, _ = select.select([ready_read], [], [], WAIT)
        held = os.read(ready_read, 100).decode().strip() if readable else ""
        assert held, f"the child never reached the held write: {log.read_text()[-3000:]}"
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate(timeout=WAIT)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(ready_read)
        os.close(hold_write)
    assert child.returncode == -signal.SIGKILL
    return held, output.decode()


def test_ingest_killed_inside_a_write_leaves_whole_documents_and_a_rerun_completes(
    migrated_database, tmp_path
):
    folder = tmp_path / "saapuneet"
    write_decisions(folder)
    environment = subprocess_environment(migrated_database, tmp_path / "data")

    held, output = run_until_held(environment, folder, tmp_path / "child.log")

    committed = HOLD_AT - 1
    assert output.count(": uusi,") == committed, output
    found = state(migrated_database)
    assert complete(found, committed), found
    conn = connect(migrated_database)
    try:
        cursor = conn.cursor()
        cursor.execute(
            f"SELECT COUNT(*) FROM {SourceDocument._meta.db_table} WHERE id = {int(held)}"
        )
        assert cursor.fetchone()[0] == 0, "the held document was committed"
    finally:
        conn.close()

    rerun = subprocess.run(
        [sys.executable, str(CHILD), str(folder)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=WAIT,
    )

    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert rerun.stdout.count("jo tallennettu") == committed, rerun.stdout
    assert rerun.stdout.count(": uusi,") == FILES - committed, rerun.stdout
    found = state(migrated_database)
    assert complete(found, FILES), found
