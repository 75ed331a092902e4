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

The package: `databases` (which database, connections, the PostgreSQL tools), `inventory`
(counts and hashes), `archive` (backup), `restoring` (restore); every public name is here.
"""

from .archive import (
    backup,
    media_files,
)
from .databases import (
    CONTENT_MODELS,
    DATABASE_MEMBER,
    ENGINE_NAMES,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST_NAME,
    MEDIA_PREFIX,
    MIGRATIONS_TABLE,
    BackupError,
    RestoreRefused,
    connect,
    default_database,
    engine_of,
    pg_binary,
    pg_command_args,
    pg_environment,
    pg_params,
)
from .inventory import (
    binary_columns,
    differences,
    existing_tables,
    inventory,
    model_tables,
)
from .restoring import (
    data_in,
    pending_migrations,
    read_manifest,
    restore,
)

__all__ = [
    "BackupError",
    "CONTENT_MODELS",
    "DATABASE_MEMBER",
    "ENGINE_NAMES",
    "FORMAT",
    "FORMAT_VERSION",
    "MANIFEST_NAME",
    "MEDIA_PREFIX",
    "MIGRATIONS_TABLE",
    "RestoreRefused",
    "backup",
    "binary_columns",
    "connect",
    "data_in",
    "default_database",
    "differences",
    "engine_of",
    "existing_tables",
    "inventory",
    "media_files",
    "model_tables",
    "pending_migrations",
    "pg_binary",
    "pg_command_args",
    "pg_environment",
    "pg_params",
    "read_manifest",
    "restore",
]
