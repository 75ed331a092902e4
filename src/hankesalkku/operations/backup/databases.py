"""Which database a backup is of, and how to reach it without Django's connection handler.

Why apart: backup, restore and the tests' scratch databases all open the database of a
settings entry directly (sqlite3, psycopg) and call the PostgreSQL tools of the server's own
version; the format's names live here too, so both halves of a backup agree on them.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections

FORMAT = "hankesalkku-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MEDIA_PREFIX = "media/"
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
MIGRATIONS_TABLE = "django_migrations"
# Tables whose rows only people and services make: a freshly migrated database has none.
CONTENT_MODELS = {
    "core.Activity": "muutoshistorian riviä",
    "sources.SourceDocument": "lähdeasiakirjaa",
}
_LIBPQ_OPTIONS = {
    "sslmode",
    "sslrootcert",
    "sslcert",
    "sslkey",
    "sslpassword",
    "service",
    "passfile",
    "connect_timeout",
    "options",
    "application_name",
    "target_session_attrs",
}
_LIBPQ_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
    "options": "PGOPTIONS",
}
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, in Finnish."""


class RestoreRefused(BackupError):
    """A restore refused before anything was written."""


# --- Which database, and how to reach it without Django's connection handler.


def default_database() -> dict:
    return connections["default"].settings_dict


def engine_of(database: dict) -> str:
    engine = database.get("ENGINE", "")
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(
        f"Tietokantamoottoria {engine} ei voi varmuuskopioida; tuetut ovat SQLite ja PostgreSQL."
    )


def _sqlite_name(database: dict) -> str:
    return str(database["NAME"])


def _sqlite_file(database: dict) -> Path | None:
    """The file of an SQLite database, or None for an in-memory or URI-named one."""
    name = _sqlite_name(database)
    return None if name.startswith("file:") or name == ":memory:" else Path(name)


def pg_params(database: dict) -> dict:
    """psycopg's connection arguments for a DATABASES entry."""
    params = {"dbname": database.get("NAME") or "postgres"}
    for key, name in (("USER", "user"), ("PASSWORD", "password"), ("HOST", "host")):
        if database.get(key):
            params[name] = str(database[key])
    if database.get("PORT"):
        params["port"] = str(database["PORT"])
    for key, value in (database.get("OPTIONS") or {}).items():
        if key in _LIBPQ_OPTIONS:
            params[key] = value
    return params


def pg_command_args(database: dict) -> list[str]:
    """--host/--port/--username/--dbname for pg_dump and pg_restore."""
    args = []
    for key, flag in (("HOST", "--host"), ("PORT", "--port"), ("USER", "--username")):
        if database.get(key):
            args += [flag, str(database[key])]
    return [*args, "--dbname", str(database.get("NAME") or "postgres")]


def pg_environment(database: dict) -> dict:
    """The environment for pg_dump/pg_restore: the password in PGPASSWORD, never on the command
    line (where any user of the machine could read it from the process list)."""
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    for key, variable in _LIBPQ_ENV.items():
        value = (database.get("OPTIONS") or {}).get(key)
        if value:
            env[variable] = str(value)
    return env


def connect(database: dict):
    """A plain DB-API connection (sqlite3 or psycopg) to the database a DATABASES entry names."""
    if engine_of(database) == "sqlite":
        return sqlite3.connect(_sqlite_name(database), uri=True)
    import psycopg

    try:
        return psycopg.connect(**pg_params(database))
    except psycopg.OperationalError as error:
        raise BackupError(
            f"PostgreSQL-tietokantaan {database.get('NAME')} ei saada yhteyttä: {error}"
        ) from error


def _version_key(text: str) -> tuple:
    return tuple(int(part) for part in re.findall(r"\d+", text)) or (0,)


def pg_binary(name: str, server_major: int | None = None) -> str:
    """pg_dump or pg_restore: HANKESALKKU_PG_BIN, then Debian's /usr/lib/postgresql/<major>/bin
    for the server's version (a pg_dump older than the server refuses), then the newest
    installed, then PATH."""
    candidates: list[Path] = []
    if os.environ.get("HANKESALKKU_PG_BIN"):
        candidates.append(Path(os.environ["HANKESALKKU_PG_BIN"]) / name)
    installed = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda path: _version_key(path.parts[-3]),
        reverse=True,
    )
    if server_major is not None:
        candidates += [path for path in installed if path.parts[-3] == str(server_major)]
        candidates += [p for p in installed if _version_key(p.parts[-3])[0] >= server_major]
    candidates += installed
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
    found = shutil.which(name)
    if found:
        return found
    raise BackupError(
        f"Ohjelmaa {name} ei löydy (PATH, /usr/lib/postgresql/*/bin); asenna postgresql-client "
        "tai kerro kansio muuttujalla HANKESALKKU_PG_BIN."
    )


def _pg_server_major(conn) -> int:
    with conn.cursor() as cursor:
        cursor.execute("SELECT current_setting('server_version_num')::int")
        return cursor.fetchone()[0] // 10000


def _run(command: list[str], env: dict) -> subprocess.CompletedProcess:
    try:
        completed = subprocess.run(command, env=env, capture_output=True, text=True)
    except OSError as error:
        raise BackupError(f"Ohjelmaa {command[0]} ei voi käynnistää: {error}") from error
    if completed.returncode != 0:
        message = (completed.stderr or completed.stdout).strip()[-3000:]
        raise BackupError(
            f"{Path(command[0]).name} epäonnistui (paluuarvo {completed.returncode}): {message}"
        )
    return completed
