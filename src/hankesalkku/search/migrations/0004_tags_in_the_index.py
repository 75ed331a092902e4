"""Visibility, kind and year as terms with each entry (SearchEntry.tags), so a search checks
them without reading the wide entry rows (engines.py): on SQLite in a narrow companion table of
the FTS5 index, with the index's term counts beside it. The entries' tags are filled here from
the records as they stand (a stored document is left to those who review documents until
`hankesalkku search --rebuild` works out who else may find it)."""

from django.db import migrations, models

PUBLIC_KINDS = ("organisation", "call", "decision")


def forwards(apps, schema_editor):
    """In SQL for the many (a national portfolio has 10⁵–10⁶ entries), in Python for drafts."""
    SearchEntry = apps.get_model("search", "SearchEntry")
    Application = apps.get_model("projects", "Application")
    public = ", ".join(f"'{kind}'" for kind in PUBLIC_KINDS)
    schema_editor.execute(
        "UPDATE search_searchentry SET tags = 'k' || kind"
        " || CASE WHEN year IS NULL THEN '' ELSE ' y' || CAST(year AS TEXT) END"
        f" || CASE WHEN kind IN ({public}) THEN ' public'"
        " WHEN kind = 'project' AND object_id IN"
        " (SELECT id FROM projects_projectentity WHERE status <> 'planned') THEN ' public'"
        " ELSE '' END"
    )
    drafts = SearchEntry.objects.filter(kind="project").exclude(tags__contains="public")
    for entry in drafts.only("pk", "tags", "object_id").iterator():
        members = {
            f"o{pk}"
            for pair in Application.objects.filter(entity_id=entry.object_id).values_list(
                "organisation_id", "unit_id"
            )
            for pk in pair
            if pk
        }
        if members:
            SearchEntry.objects.filter(pk=entry.pk).update(
                tags=" ".join([entry.tags, *sorted(members)])
            )
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(
        "CREATE TABLE search_fts_meta (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        "year INTEGER, tags TEXT NOT NULL)"
    )
    schema_editor.execute(
        "INSERT INTO search_fts_meta (id, kind, year, tags) "
        "SELECT id, kind, year, ' ' || tags || ' ' FROM search_searchentry"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE IF EXISTS search_fts_meta")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_alter_searchentry_object_id"),
        ("projects", "0003_application_status"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="tags",
            field=models.CharField(
                blank=True, default="", max_length=2000, verbose_name="rajaukset"
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
