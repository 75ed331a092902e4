"""PostgreSQL keeps each entry's terms in stored `tsvector` columns generated from the lemmas
and tags, so no query analyses text per row.

Why: the index of 0002 was over the expression `to_tsvector('simple', lemmas)`. It found the
matches, but walking the newest of them, counting them by kind and year and ranking them
recomputed the vector for every row read: 1 s for 6 000 rows at 100 000 projects.

- `terms`: the distinct terms (no positions) and the tags as `_<tag>` (`_public`,
  `_o12`, `_kproject`, `_y2024`), with the GIN index. The underscore keeps a tag apart from
  any word: the parser never yields one in a term. So who may see, kind and year are matched
  in the same test as the words, as SQLite does in its companion table (0004). Kept in the
  row (storage MAIN) and, where the server has it, compressed with lz4: walking the newest
  entries then costs about 1.5 µs a row instead of 5.5.
- `vector`: the positional vector that `ts_rank` needs, read only for the at most
  `engines.RANKED` matches of a query that is ranked.

SQLite's FTS5 table is untouched.

Adding the stored columns rewrites the table and builds the index under an exclusive lock
(minutes at 1.5 M entries, during which writes wait): migrate with the workers stopped, as for
any upgrade. Because `terms` and `vector` are generated from `lemmas` and `tags`, a later
change of those columns' types must drop and re-create them.
"""

from django.db import migrations

TAG_TERMS = (
    "array_to_tsvector(array_remove(regexp_split_to_array("
    r"regexp_replace(tags, '(\S+)', '_\1', 'g'), '\s+'), ''))"
)
# The lemmas are our own terms already (search.lemmas): kept as they are, not parsed again.
WORD_TERMS = r"array_to_tsvector(array_remove(regexp_split_to_array(lemmas, '\s+'), ''))"
TERMS = f"{WORD_TERMS} || {TAG_TERMS}"
VECTOR = "to_tsvector('simple'::regconfig, lemmas)"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
            "WHERE name = 'default_toast_compression'"
        )
        row = cursor.fetchone()
    compression = ", ALTER COLUMN terms SET COMPRESSION lz4" if row and row[0] else ""
    # One statement, so the table is written once, with the storage already set.
    schema_editor.execute(
        f"ALTER TABLE search_searchentry ADD COLUMN terms tsvector GENERATED ALWAYS AS "
        f"({TERMS}) STORED, ALTER COLUMN terms SET STORAGE MAIN{compression}, "
        f"ADD COLUMN vector tsvector GENERATED ALWAYS AS ({VECTOR}) STORED"
    )
    schema_editor.execute("DROP INDEX IF EXISTS search_entry_lemmas_gin")
    schema_editor.execute(
        "CREATE INDEX search_entry_terms_gin ON search_searchentry USING gin (terms)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS search_entry_terms_gin")
    schema_editor.execute(
        "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS terms, DROP COLUMN IF EXISTS vector"
    )
    schema_editor.execute(
        f"CREATE INDEX search_entry_lemmas_gin ON search_searchentry USING gin ({VECTOR})"
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_tags_in_the_index")]

    operations = [migrations.RunPython(forwards, backwards)]
