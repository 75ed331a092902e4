"""Restoring a backup: checked against its manifest before anything is written, then
counted and hashed again.

Why apart from the backup: the refusals (another engine, an unknown schema, a database that
already has data, a truncated or altered file) are the part an operator reads when a restore
says no.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.db import connections

from .archive import _sha256_file, media_files
from .databases import (
    _CHUNK,
    CONTENT_MODELS,
    DATABASE_MEMBER,
    ENGINE_NAMES,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST_NAME,
    MEDIA_PREFIX,
    BackupError,
    RestoreRefused,
    _pg_server_major,
    _run,
    _sqlite_file,
    _sqlite_name,
    connect,
    default_database,
    engine_of,
    pg_binary,
    pg_command_args,
    pg_environment,
)
from .inventory import _quote, differences, existing_tables, inventory

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
