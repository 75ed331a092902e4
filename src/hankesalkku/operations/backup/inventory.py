"""What a database holds: each table's row count, the migrations applied, every stored
original's SHA-256.

Why apart: the manifest is written from it at backup, and restore compares the restored
database with the manifest through it; the tests count tables through it from outside.
"""

from __future__ import annotations

import hashlib

from django.apps import apps

from .databases import MIGRATIONS_TABLE, BackupError

# --- What a database holds: the manifest's counts and hashes.


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def model_tables() -> dict[str, str]:
    """{table: primary key column} of every model (Django's own, allauth's, ours, the m2m
    tables) and Django's record of applied migrations."""
    tables = {MIGRATIONS_TABLE: "id"}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and not meta.swapped:
            tables.setdefault(meta.db_table, meta.pk.column)
    return dict(sorted(tables.items()))


def binary_columns() -> list[dict]:
    """Every BinaryField's table, column and primary key: where the stored originals are."""
    found = {}
    for model in apps.get_models():
        meta = model._meta
        if not meta.managed or meta.proxy or meta.swapped:
            continue
        for field in meta.concrete_fields:
            if field.get_internal_type() == "BinaryField":
                key = f"{meta.db_table}.{field.column}"
                found[key] = {"table": meta.db_table, "column": field.column, "pk": meta.pk.column}
    return [found[key] for key in sorted(found)]


def existing_tables(conn, engine: str) -> set[str]:
    cursor = conn.cursor()
    if engine == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return {row[0] for row in cursor.fetchall()}


def inventory(conn, engine: str, *, tables=None, binaries=None) -> dict:
    """Row counts, applied migrations and the SHA-256 of every stored binary, read through
    `conn` (inside one snapshot when the caller holds one open)."""
    tables = model_tables() if tables is None else tables
    binaries = binary_columns() if binaries is None else binaries
    present = existing_tables(conn, engine)
    cursor = conn.cursor()
    counts = {}
    for table in tables:
        if table in present:
            cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")
            counts[table] = cursor.fetchone()[0]
    migrations: dict[str, list[str]] = {}
    if MIGRATIONS_TABLE in present:
        cursor.execute(f"SELECT app, name FROM {MIGRATIONS_TABLE} ORDER BY app, name")
        for app, name in cursor.fetchall():
            migrations.setdefault(app, []).append(name)
    originals = []
    for column in binaries:
        hashes: dict[str, str] = {}
        if column["table"] in present:
            table, pk, value = (_quote(column[k]) for k in ("table", "pk", "column"))
            query = f"SELECT {pk}, {value} FROM {table} WHERE {value} IS NOT NULL ORDER BY {pk}"
            # A server-side cursor on PostgreSQL, so a large archive is never all in memory.
            rows = conn.cursor(name="hankesalkku_originals") if engine != "sqlite" else cursor
            rows.execute(query)
            while batch := rows.fetchmany(50):
                for key, data in batch:
                    hashes[str(key)] = hashlib.sha256(bytes(data)).hexdigest()
            if rows is not cursor:
                rows.close()
        originals.append({**column, "sha256": hashes})
    return {"tables": counts, "migrations": migrations, "originals": originals}


def _refuse_unmigrated(facts: dict, database: dict) -> None:
    if not facts["migrations"]:
        raise BackupError(
            f"Tietokannassa {database.get('NAME')} ei ole Hankesalkun tauluja; aja ensin: "
            "hankesalkku migrate"
        )


def differences(expected: dict, found: dict) -> list[str]:
    """What differs between a manifest and a database's inventory, in Finnish."""
    problems = []
    for table, count in expected["tables"].items():
        have = found["tables"].get(table)
        if have is None:
            problems.append(f"taulu {table} puuttuu")
        elif have != count:
            problems.append(f"taulussa {table} on {have} riviä, varmuuskopiossa {count}")
    if expected["migrations"] != found["migrations"]:
        problems.append("sovellettujen migraatioiden luettelo ei täsmää")
    found_originals = {(o["table"], o["column"]): o["sha256"] for o in found["originals"]}
    for column in expected["originals"]:
        have = found_originals.get((column["table"], column["column"]), {})
        wrong = sorted(
            k for k in set(have) | set(column["sha256"]) if have.get(k) != column["sha256"].get(k)
        )
        if wrong:
            problems.append(
                f"{len(wrong)} tallennetun alkuperäisen tiedoston tarkiste ei täsmää "
                f"({column['table']}.{column['column']}, esim. rivi {wrong[0]})"
            )
    return problems
