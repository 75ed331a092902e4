"""The engine's own full-text structure over SearchEntry.lemmas: FTS5 on SQLite, GIN on
PostgreSQL. Done in Python so that one migration serves both engines."""

from django.db import migrations

SQLITE_UP = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(lemmas, tokenize = 'unicode61 remove_diacritics 0')",
]
SQLITE_DOWN = ["DROP TABLE IF EXISTS search_fts"]
POSTGRES_UP = [
    "CREATE INDEX search_entry_lemmas_gin ON search_searchentry "
    "USING gin (to_tsvector('simple'::regconfig, lemmas))",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS search_entry_lemmas_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
