"""Scratch databases of the engine the tests run on, for restores and for subprocesses.

On SQLite a scratch database is a file in the test's folder; on PostgreSQL (DATABASE_URL) a
database created beside the test database and dropped afterwards. `migrated_database` is a
scratch database holding the freshly migrated test database (schema and reference data),
put there by this app's own backup and restore, which is much faster than migrating again.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connections

from hankesalkku.operations.backup import backup, engine_of, pg_params, restore

SRC = Path(__file__).resolve().parents[2] / "src"


def database_url(database: dict) -> str:
    if engine_of(database) == "sqlite":
        return f"sqlite:///{database['NAME']}"
    credentials = quote(database.get("USER") or "", safe="")
    if database.get("PASSWORD"):
        credentials += ":" + quote(str(database["PASSWORD"]), safe="")
    host = database.get("HOST") or "localhost"
    port = f":{database['PORT']}" if database.get("PORT") else ""
    at = "@" if credentials else ""
    return f"postgres://{credentials}{at}{host}{port}/{database['NAME']}"


def subprocess_environment(database: dict, data_dir: Path, **extra) -> dict:
    """The environment of a `hankesalkku` child working on `database` (pytest-env's settings,
    HANKESALKKU_DEMO and the test key, are inherited)."""
    return {
        **os.environ,
        "DATABASE_URL": database_url(database),
        "HANKESALKKU_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "hankesalkku.settings",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def _maintenance(base: dict):
    import psycopg

    return psycopg.connect(**pg_params({**base, "NAME": "postgres"}), autocommit=True)


@pytest.fixture
def scratch_database(tmp_path):
    """An empty database of the test run's engine: {ENGINE, NAME, …} like a DATABASES entry."""
    base = {
        key: value
        for key, value in connections["default"].settings_dict.items()
        if key in ("ENGINE", "USER", "PASSWORD", "HOST", "PORT", "OPTIONS")
    }
    if engine_of(base) == "sqlite":
        yield {**base, "NAME": str(tmp_path / "scratch.sqlite3")}
        return
    name = f"hankesalkku_scratch_{secrets.token_hex(4)}"
    with _maintenance(base) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**base, "NAME": name}
    finally:
        with _maintenance(base) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def migrated_archive(django_db_setup, django_db_blocker, tmp_path_factory) -> Path:
    """A backup of the test database as migrate left it (taken once per run). A test using it
    is marked `django_db`, so that pytest-django creates the test database at all."""
    path = tmp_path_factory.mktemp("migrated") / "migrated.tar.gz"
    with django_db_blocker.unblock():
        # An in-memory SQLite test database lives as long as Django's connection to it.
        connections["default"].ensure_connection()
        name = str(connections["default"].settings_dict["NAME"])
        assert "memorydb" in name or "test" in name, f"not a test database: {name}"
        backup(path, media_root=tmp_path_factory.mktemp("no-media"))
    return path


@pytest.fixture
def migrated_database(scratch_database, migrated_archive, tmp_path) -> dict:
    restore(migrated_archive, database=scratch_database, media_root=tmp_path / "media")
    return scratch_database
