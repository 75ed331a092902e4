"""Writing a backup: the database copied consistently, MEDIA_ROOT, and the manifest.

Why apart from restore: taking a backup runs beside a live server and must never write to the
database; restoring writes everything and checks more. See the package's docstring for the
file's layout.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .databases import (
    DATABASE_MEMBER,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST_NAME,
    MEDIA_PREFIX,
    BackupError,
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
from .inventory import _refuse_unmigrated, inventory

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
