"""`hankesalkku backup` and `restore`: back up, restore into a fresh database, find it identical.

Runs on the engine of the test run (SQLite by default, PostgreSQL with DATABASE_URL; CI runs
both): SQLite's online backup API, or pg_dump/pg_restore into a database the test creates.
"""

import hashlib
import io
import json
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from hankesalkku.core.services import system_actor
from hankesalkku.documents.services import document_ingest
from hankesalkku.operations.backup import (
    ENGINE_NAMES,
    RestoreRefused,
    backup,
    connect,
    data_in,
    default_database,
    existing_tables,
    model_tables,
    restore,
)
from hankesalkku.sources.models import SourceDocument

from ..documents.conftest import DECISION


def rows(conn, table: str, pk: str) -> list[tuple]:
    cursor = conn.cursor()
    cursor.execute(f'SELECT * FROM "{table}" ORDER BY "{pk}"')
    return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in cursor]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restores_every_row_and_every_original_into_a_fresh_database(
    demo, tmp_path, scratch_database
):
    document, extraction = document_ingest(
        actor=system_actor("hankesalkku-ingest"), data=DECISION, filename="12.txt"
    )
    assert extraction.is_new and extraction.value_count > 0
    archive = tmp_path / "varmuuskopio.tar.gz"

    manifest = backup(archive, media_root=tmp_path / "media")
    restored = restore(archive, database=scratch_database, media_root=tmp_path / "restored-media")

    assert restored == manifest and manifest["engine"] == connection.vendor
    assert manifest["migrations"]["documents"][0] == "0001_initial"
    [originals] = [o for o in manifest["originals"] if o["table"] == "sources_sourcedocument"]
    assert originals["sha256"][str(document.pk)] == hashlib.sha256(DECISION).hexdigest()
    tables = model_tables()
    source, target = connect(default_database()), connect(scratch_database)
    try:
        assert set(tables) <= existing_tables(target, connection.vendor)
        compared = 0
        for table, pk in tables.items():
            expected = rows(source, table, pk)
            assert rows(target, table, pk) == expected, table
            assert manifest["tables"][table] == len(expected), table
            compared += len(expected)
        cursor = target.cursor()
        cursor.execute(
            "SELECT id, sha256, original FROM sources_sourcedocument "
            "WHERE original IS NOT NULL ORDER BY id"
        )
        stored = {
            pk: (digest, hashlib.sha256(bytes(data)).hexdigest()) for pk, digest, data in cursor
        }
    finally:
        source.close()
        target.close()
    assert stored and all(kept == computed for kept, computed in stored.values())
    assert set(stored) == set(
        SourceDocument.objects.exclude(original=None).values_list("pk", flat=True)
    )
    assert compared == sum(manifest["tables"].values()) and compared > 500


def _rewritten(source, target, *, manifest=None, database=None):
    """A copy of a backup with its manifest changed or its database bytes replaced."""
    with tarfile.open(source, "r:gz") as original, tarfile.open(target, "w:gz") as copy:
        for member in original:
            data = original.extractfile(member).read()
            if member.name == "manifest.json" and manifest:
                data = json.dumps(manifest(json.loads(data))).encode()
            elif member.name != "manifest.json" and database:
                data = database(data)
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    return target


@pytest.mark.django_db
def test_restore_refuses_another_engines_backup_in_finnish(migrated_archive, tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    archive = _rewritten(
        migrated_archive, tmp_path / "toinen.tar.gz", manifest=lambda m: {**m, "engine": other}
    )

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive))

    assert str(refused.value).startswith(
        f"Varmuuskopio on tehty {ENGINE_NAMES[other]}-tietokannasta"
    )
    assert f"käyttää {ENGINE_NAMES[connection.vendor]}-tietokantaa" in str(refused.value)


@pytest.mark.django_db
def test_restore_refuses_a_damaged_file_or_a_newer_schema_and_writes_nothing(
    migrated_archive, tmp_path, scratch_database
):
    def flip(data: bytes) -> bytes:
        return data[:1000] + bytes([data[1000] ^ 0xFF]) + data[1001:]

    damaged = _rewritten(migrated_archive, tmp_path / "rikki.tar.gz", database=flip)
    newer = _rewritten(
        migrated_archive,
        tmp_path / "uusi.tar.gz",
        manifest=lambda m: {**m, "migrations": {**m["migrations"], "core": ["9999_tulevaisuus"]}},
    )
    cut = tmp_path / "vajaa.tar.gz"
    cut.write_bytes(migrated_archive.read_bytes()[:-2000])
    junk = tmp_path / "roska.tar.gz"
    junk.write_bytes(b"ei varmuuskopio")

    for archive, message in (
        (damaged, "tarkiste ei vastaa luetteloa"),
        (newer, "uudemmalla Hankesalkun versiolla"),
        (cut, "vajaa tai vioittunut"),
        (junk, "ei ole Hankesalkun varmuuskopio"),
    ):
        with pytest.raises(RestoreRefused, match=message):
            restore(archive, database=scratch_database, media_root=tmp_path / "media")
    conn = connect(scratch_database)
    try:
        assert not existing_tables(conn, connection.vendor)
    finally:
        conn.close()


@pytest.mark.django_db
def test_restore_keeps_a_database_that_has_data_unless_forced(
    migrated_archive, migrated_database, tmp_path
):
    conn = connect(migrated_database)
    try:
        conn.cursor().execute(
            "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, "
            "email, is_staff, is_active, date_joined) "
            "VALUES ('!', FALSE, 'paikallinen', '', '', '', FALSE, TRUE, CURRENT_TIMESTAMP)"
        )
        conn.commit()
    finally:
        conn.close()
    assert data_in(migrated_database, tmp_path / "media") == {"käyttäjää": 1}

    with pytest.raises(RestoreRefused, match=r"Tietokannassa on jo tietoja \(1 käyttäjää\)"):
        restore(migrated_archive, database=migrated_database, media_root=tmp_path / "media")
    assert data_in(migrated_database, tmp_path / "media") == {"käyttäjää": 1}

    restore(migrated_archive, database=migrated_database, force=True, media_root=tmp_path / "m")
    assert data_in(migrated_database, tmp_path / "media") == {}
