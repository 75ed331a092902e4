"""Backup and restore of the whole database with its stored originals, on SQLite and PostgreSQL.

A backup is one `.tar.gz` file:

    manifest.json      engine, the migrations applied, when, each table's row count, the
                       SHA-256 of every stored binary (the originals of read documents, kept in
                       `sources.SourceDocument.original`) and of every other member
    database.sqlite3   SQLite: a copy made with SQLite's online backup API
    database.pgdump    PostgreSQL: `pg_dump --format=custom`, taken from the very snapshot the
                       manifest was counted in
    media/…            whatever lies under MEDIA_ROOT (nothing today: the originals live in the
                       database; kept so that a file field added later is not forgotten)

Both are consistent while the server runs and writes. Restore checks the file against its
manifest before it writes anything, refuses a backup of the other engine or of a newer schema,
refuses to overwrite a database that already has data unless forced, and counts and hashes
again afterwards. The tables are found through `django.apps` (every model, Django's own too),
so this module imports no app.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.utils import timezone

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


# --- Backup.


def _sha256_file(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("hankesalkku")
    except PackageNotFoundError:
        return "unknown"


def _sqlite_backup(database: dict, target: Path) -> dict:
    path = _sqlite_file(database)
    if path is not None and not path.is_file():
        raise BackupError(f"SQLite-tietokantaa {path} ei ole; aja ensin: hankesalkku migrate")
    source = sqlite3.connect(_sqlite_name(database), uri=True)
    try:
        copy = sqlite3.connect(target)
        try:
            # One step: the copy is of one moment even while the server writes (a writer that
            # commits meanwhile waits for the read lock, which lasts as long as the copy).
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
            return inventory(copy, "sqlite")
        finally:
            copy.close()
    finally:
        source.close()


def _pg_backup(database: dict, target: Path) -> dict:
    import psycopg

    conn = connect(database)
    try:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.cursor() as cursor:
            cursor.execute(
                "SELECT pg_export_snapshot(), current_setting('server_version_num')::int"
            )
            snapshot, version_number = cursor.fetchone()
        # pg_dump reads the snapshot this transaction holds open, so the dump and the manifest's
        # counts and hashes are of one moment.
        _run(
            [
                pg_binary("pg_dump", version_number // 10000),
                "--format=custom",
                f"--snapshot={snapshot}",
                "--file",
                str(target),
                *pg_command_args(database),
            ],
            pg_environment(database),
        )
        facts = inventory(conn, "postgresql")
        facts["server_version_num"] = version_number
        conn.rollback()
        return facts
    finally:
        conn.close()


def media_files(media_root=None) -> list[tuple[str, Path]]:
    root = Path(media_root or settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(
        (path.relative_to(root).as_posix(), path) for path in root.rglob("*") if path.is_file()
    )


def _tar_info(name: str, size: int, mtime: float) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, mtime, 0o600
    return info


def backup(output, *, database: dict | None = None, media_root=None) -> dict:
    """Write a backup of `database` (default: Django's default) to `output`; the manifest.

    The file appears under its name only when complete (written beside it, then renamed), and
    only its owner may read it: it holds password hashes and unpublished applications.
    """
    database = dict(database or default_database())
    engine = engine_of(database)
    output = Path(output).absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".hankesalkku-backup-", dir=output.parent) as work:
        work = Path(work)
        dump = work / DATABASE_MEMBER[engine]
        facts = _sqlite_backup(database, dump) if engine == "sqlite" else _pg_backup(database, dump)
        _refuse_unmigrated(facts, database)
        media = []
        for relative, path in media_files(media_root):
            copy = work / "media" / relative  # a copy, so the hash is of what is archived
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
            media.append((relative, copy))
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "engine": engine,
            "created": timezone.now().isoformat(),
            "hankesalkku_version": _package_version(),
            "database": {
                "member": dump.name,
                "bytes": dump.stat().st_size,
                "sha256": _sha256_file(dump),
            },
            "media": {
                relative: {"bytes": copy.stat().st_size, "sha256": _sha256_file(copy)}
                for relative, copy in media
            },
            **facts,
        }
        partial = work / "partial.tar.gz"
        now = timezone.now().timestamp()
        with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
            archive.addfile(_tar_info(MANIFEST_NAME, len(data), now), io.BytesIO(data))
            members = [(dump.name, dump)] + [(MEDIA_PREFIX + r, c) for r, c in media]
            for name, path in members:
                with path.open("rb") as handle:
                    archive.addfile(_tar_info(name, path.stat().st_size, now), handle)
        partial.chmod(0o600)
        os.replace(partial, output)
    return manifest


# --- Restore.


def _not_a_backup(path, why: str) -> RestoreRefused:
    return RestoreRefused(f"Tiedosto {path} ei ole Hankesalkun varmuuskopio ({why}).")


def read_manifest(path) -> dict:
    """The manifest of a backup file, checked for form; RestoreRefused if it is none."""
    path = Path(path)
    if not path.is_file():
        raise RestoreRefused(f"Varmuuskopiota {path} ei löydy.")
    try:
        with tarfile.open(path, "r:gz") as archive:
            member = archive.next()
            if member is None or member.name != MANIFEST_NAME or not member.isfile():
                raise _not_a_backup(path, f"ensimmäinen jäsen ei ole {MANIFEST_NAME}")
            manifest = json.load(archive.extractfile(member))
    except (tarfile.TarError, OSError, EOFError, ValueError) as error:
        raise _not_a_backup(path, str(error) or type(error).__name__) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _not_a_backup(path, "luettelo on toista muotoa")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise RestoreRefused(
            f"Varmuuskopion {path} muotoversio on {manifest.get('format_version')}; tämä "
            f"Hankesalkku osaa palauttaa version {FORMAT_VERSION}."
        )
    required = ("engine", "created", "database", "tables", "migrations", "originals", "media")
    missing = [key for key in required if key not in manifest]
    if missing or manifest["engine"] not in ENGINE_NAMES:
        raise _not_a_backup(path, "luettelosta puuttuu " + ", ".join(missing or ["engine"]))
    return manifest


def _known_migrations() -> set[tuple[str, str]]:
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def _applied(manifest: dict) -> set[tuple[str, str]]:
    return {(app, name) for app, names in manifest["migrations"].items() for name in names}


def _refuse_unknown_migrations(manifest: dict) -> None:
    unknown = sorted(_applied(manifest) - _known_migrations())
    if unknown:
        shown = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
        raise RestoreRefused(
            "Varmuuskopio on tehty uudemmalla Hankesalkun versiolla: siinä on migraatioita, "
            f"joita tämä versio ei tunne ({shown}). Päivitä Hankesalkku ensin."
        )


def pending_migrations(manifest: dict) -> list[str]:
    """Migrations this code has and the backup lacks: `hankesalkku migrate` applies them."""
    installed = {config.label for config in apps.get_app_configs()}
    missing = {m for m in _known_migrations() - _applied(manifest) if m[0] in installed}
    return sorted(f"{app}.{name}" for app, name in missing)


def _safe_media_name(name: str) -> str | None:
    if not name.startswith(MEDIA_PREFIX):
        return None
    relative = PurePosixPath(name[len(MEDIA_PREFIX) :])
    if relative.is_absolute() or not relative.parts or ".." in relative.parts:
        return None
    return relative.as_posix()


def _extract(path: Path, manifest: dict, work: Path) -> tuple[Path, list[tuple[str, Path]]]:
    """Unpack the database and media into `work`, each checked against the manifest."""
    expected = {
        manifest["database"]["member"]: manifest["database"],
        **{MEDIA_PREFIX + relative: facts for relative, facts in manifest["media"].items()},
    }
    if manifest["database"]["member"] != DATABASE_MEMBER[manifest["engine"]]:
        raise _not_a_backup(path, "tietokannan jäsenen nimi ei vastaa moottoria")
    seen: dict[str, Path] = {}
    try:
        with tarfile.open(path, "r:gz") as archive:
            for member in archive:
                if member.name == MANIFEST_NAME:
                    continue
                if member.name not in expected or not member.isfile() or member.name in seen:
                    raise _not_a_backup(path, f"odottamaton jäsen {member.name}")
                target = work / member.name
                if member.name.startswith(MEDIA_PREFIX):
                    relative = _safe_media_name(member.name)
                    if relative is None:
                        raise _not_a_backup(path, f"vaarallinen polku {member.name}")
                    target = work / "media" / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                with target.open("wb") as handle:
                    shutil.copyfileobj(archive.extractfile(member), handle, _CHUNK)
                if _sha256_file(target) != expected[member.name]["sha256"]:
                    raise RestoreRefused(
                        f"Varmuuskopio {path} on vioittunut: jäsenen {member.name} tarkiste ei "
                        "vastaa luetteloa. Mitään ei palautettu."
                    )
                seen[member.name] = target
    except (tarfile.TarError, OSError, EOFError) as error:
        raise RestoreRefused(
            f"Varmuuskopiota {path} ei voi lukea loppuun ({error}); tiedosto on vajaa tai "
            "vioittunut. Mitään ei palautettu."
        ) from error
    absent = sorted(set(expected) - set(seen))
    if absent:
        raise RestoreRefused(
            f"Varmuuskopiosta {path} puuttuu {', '.join(absent[:5])}. Mitään ei palautettu."
        )
    database = seen[manifest["database"]["member"]]
    media = [(r, seen[MEDIA_PREFIX + r]) for r in sorted(manifest["media"])]
    return database, media


def data_in(database: dict, media_root=None) -> dict[str, int]:
    """What a database already holds that a restore would replace: {what: how many}."""
    engine = engine_of(database)
    found: dict[str, int] = {}
    path = _sqlite_file(database) if engine == "sqlite" else None
    if engine != "sqlite" or path is None or path.is_file():
        conn = connect(database)
        try:
            present = existing_tables(conn, engine)
            user_model = apps.get_model(settings.AUTH_USER_MODEL)
            labelled = {user_model._meta.label: "käyttäjää", **CONTENT_MODELS}
            cursor = conn.cursor()
            for label, what in labelled.items():
                table = apps.get_model(label)._meta.db_table
                if table in present:
                    cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")
                    count = cursor.fetchone()[0]
                    if count:
                        found[what] = count
        finally:
            conn.close()
    files = len(media_files(media_root))
    if files:
        found["tiedostoa kansiossa MEDIA_ROOT"] = files
    return found


def _close_django_connections_to(database: dict) -> None:
    """Django's own connections to the target (this process) reconnect after the restore."""
    keys = ("ENGINE", "NAME", "HOST", "PORT")
    for conn in connections.all(initialized_only=True):
        if all(conn.settings_dict.get(k) == database.get(k) for k in keys):
            conn.close()


def _sqlite_restore(database: dict, dump: Path, manifest: dict) -> None:
    copy = sqlite3.connect(dump)
    try:
        verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise RestoreRefused(f"Varmuuskopion tietokanta on vioittunut: {verdict}")
        problems = differences(manifest, _inventory_for(copy, "sqlite", manifest))
        if problems:
            raise RestoreRefused(
                "Varmuuskopion tietokanta ei vastaa sen luetteloa: " + "; ".join(problems[:5])
            )
        path = _sqlite_file(database)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        _close_django_connections_to(database)
        target = sqlite3.connect(_sqlite_name(database), uri=True)
        try:
            copy.backup(target)  # page by page into the live file, under its write lock
        finally:
            target.close()
    finally:
        copy.close()


def _pg_restore(database: dict, dump: Path) -> None:
    conn = connect(database)
    try:
        major = _pg_server_major(conn)
    finally:
        conn.close()
    program = pg_binary("pg_restore", major)
    environment = pg_environment(database)
    try:
        _run([program, "--list", str(dump)], environment)
    except BackupError as error:
        raise RestoreRefused(f"Varmuuskopion PostgreSQL-vedos ei kelpaa: {error}") from error
    _close_django_connections_to(database)
    # One transaction: a restore that fails or is killed leaves the database as it was.
    _run(
        [
            program,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *pg_command_args(database),
            str(dump),
        ],
        environment,
    )


def _inventory_for(conn, engine: str, manifest: dict) -> dict:
    """The inventory of the manifest's own tables and columns (a newer code may have more)."""
    return inventory(conn, engine, tables=list(manifest["tables"]), binaries=manifest["originals"])


def _restore_media(media: list[tuple[str, Path]], media_root) -> None:
    root = Path(media_root or settings.MEDIA_ROOT)
    for relative, path in media:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def restore(
    path,
    *,
    database: dict | None = None,
    force: bool = False,
    media_root=None,
    say: Callable[[str], None] = lambda message: None,
) -> dict:
    """Restore a backup into `database` (default: Django's default); the manifest.

    Refused (RestoreRefused, nothing written) when the file is not a whole, untampered backup,
    is of the other engine or a newer schema, or when the database has data and not `force`.
    """
    database = dict(database or default_database())
    engine = engine_of(database)
    path = Path(path)
    manifest = read_manifest(path)
    if manifest["engine"] != engine:
        made, here = ENGINE_NAMES[manifest["engine"]], ENGINE_NAMES[engine]
        raise RestoreRefused(
            f"Varmuuskopio on tehty {made}-tietokannasta, mutta tämä asennus käyttää "
            f"{here}-tietokantaa. Palauta se {made}-tietokantaan (DATABASE_URL); "
            "tietokantamoottoria ei voi vaihtaa palauttamalla."
        )
    _refuse_unknown_migrations(manifest)
    if not force:
        held = data_in(database, media_root)
        if held:
            listed = ", ".join(f"{count} {what}" for what, count in held.items())
            raise RestoreRefused(
                f"Tietokannassa on jo tietoja ({listed}). Palautus korvaisi ne; jos se on "
                f"tarkoitus, aja uudelleen valitsimella --force: hankesalkku restore {path} --force"
            )
    with tempfile.TemporaryDirectory(prefix="hankesalkku-restore-") as work:
        say("Tarkistetaan varmuuskopio …")
        dump, media = _extract(path, manifest, Path(work))
        say(f"Palautetaan {ENGINE_NAMES[engine]}-tietokanta …")
        if engine == "sqlite":
            _sqlite_restore(database, dump, manifest)
        else:
            _pg_restore(database, dump)
        conn = connect(database)
        try:
            problems = differences(manifest, _inventory_for(conn, engine, manifest))
        finally:
            conn.close()
        if problems:
            raise BackupError(
                "Palautettu tietokanta ei vastaa varmuuskopion luetteloa: "
                + "; ".join(problems[:10])
            )
        _restore_media(media, media_root)
    return manifest
