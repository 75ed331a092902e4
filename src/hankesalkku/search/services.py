"""Keeping the index current: every service's writes re-index the entries they touch.

The index is derived data: it is written inside the transaction of the service whose writes it
follows and leaves no trail of its own (the trail already has the record's change).

`core.services` sends `records_written` once per outermost service, inside its transaction, so
the index changes with the records or not at all, whoever wrote them (views, admin, commands,
the demo). The engine's own structure is fed here too: the FTS5 table on SQLite; on PostgreSQL
the stored vector column and its GIN index follow the lemmas by themselves.
"""

from django.db import connection

from hankesalkku.core.services import service

from . import records
from .lemmas import text_terms
from .models import SearchEntry
from .visibility import entry_tags

TITLE_WEIGHT = 3
"""A title's terms are indexed this many times, so both engines rank a title match higher."""


def analysed(described: records.Indexed) -> str:
    title_terms = " ".join(text_terms(described.title))
    body = [t for text in described.body if text for t in text_terms(text)]
    body += [t for text in described.swedish if text for t in text_terms(text, "sv")]
    return " ".join([title_terms] * TITLE_WEIGHT + body)


def fts_rows(entries) -> None:
    """SQLite: the entries' lemmas into the FTS5 table; kind, year and tags into its narrow
    companion, which the search reads for every match it considers (engines.py)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO search_fts (rowid, lemmas) VALUES (%s, %s)",
            [(e.pk, e.lemmas) for e in entries],
        )
        cursor.executemany(
            "INSERT INTO search_fts_meta (id, kind, year, tags) VALUES (%s, %s, %s, %s)",
            [(e.pk, e.kind, e.year, f" {e.tags} ") for e in entries],
        )


def _fts_delete(entry_id: int) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [entry_id])
        cursor.execute("DELETE FROM search_fts_meta WHERE id = %s", [entry_id])


def reindex(kind: str, object_id: int) -> None:
    """Bring one entry in line with its record: written, rewritten or removed."""
    model, describe = records.KINDS[kind]
    instance = model._default_manager.filter(pk=object_id).first()
    existing = SearchEntry.objects.filter(kind=kind, object_id=object_id).first()
    if instance is None:
        if existing is not None:
            _fts_delete(existing.pk)
            existing.delete()
        return
    described = describe(instance)
    lemmas = analysed(described)
    body = "\n".join(text for text in described.body if text)[: records.MAX_BODY]
    entry, _created = SearchEntry.objects.update_or_create(
        kind=kind,
        object_id=object_id,
        defaults={
            "title": described.title[:500],
            "body": body,
            "lemmas": lemmas,
            "year": described.year,
            "tags": entry_tags(kind, instance, described.year),
            "url": described.url,
        },
    )
    _fts_delete(entry.pk)
    fts_rows([entry])


def on_record_deleted(sender, instance, **kwargs) -> None:
    entry = SearchEntry.objects.filter(
        kind=records.KIND_OF_MODEL[sender], object_id=instance.pk
    ).first()
    if entry is not None:
        _fts_delete(entry.pk)
        entry.delete()


def on_records_written(sender, records: tuple, **kwargs) -> None:
    from . import records as kinds

    keys = set()
    for instance, _verb in records:
        keys |= kinds.affected(instance)
    for kind, object_id in sorted(keys):
        if object_id is not None:
            reindex(kind, object_id)


@service
def search_index_rebuild(*, actor) -> int:
    """Every entry anew, e.g. after a restore into an older index or a change in analysis."""
    SearchEntry.objects.all().delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")
            cursor.execute("DELETE FROM search_fts_meta")
    count = 0
    for kind, (model, _describe) in records.KINDS.items():
        for pk in model._default_manager.values_list("pk", flat=True).iterator():
            reindex(kind, pk)
            count += 1
    return count
