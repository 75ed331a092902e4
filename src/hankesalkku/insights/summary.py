"""Keeping `EntitySummary` true: one SQL statement that builds the rows, for one entity or all.

The same INSERT … SELECT serves the refresh after a write (a few ids) and the rebuild of the
whole table (`hankesalkku summarise`), so the two can never compute a row differently. On
PostgreSQL the per-cell pre-aggregates (`cells`) follow: a refresh subtracts the old rows from
their cells and adds the new ones, a rebuild rebuilds them. A write
refreshes its entity's row inside the write's own transaction: a reader never sees a project
without its row, and a rolled-back write leaves the row as it was.

The list's money follows `site.projects.attach_list_figures`: the entity's stated figure, else
the implementers' parts added up (NULL when none states one: unknown is not zero).
"""

from __future__ import annotations

from django.db import connections, router, transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from hankesalkku.organisations.models import Organisation
from hankesalkku.programmes.models import Call
from hankesalkku.projects.models import Application, Partner, ProjectEntity

from . import cells, facets
from .models import EntitySummary

# Grouped subqueries joined once (not correlated per row), so a full rebuild is three scans;
# {of} restricts each of them to the refreshed entities.
_ROWS = """
SELECT e.id, e.name, e.status, e.kind, COALESCE(e.theme_id, c.theme_id), e.call_id,
       COALESCE(c.programme_id, t.programme_id), COALESCE(m.labels, ''), COALESCE(a.n, 0),
       COALESCE(e.total_cost, a.total_cost), COALESCE(e.support, a.support), e.is_illustrative
       {facets}
FROM projects_projectentity e
LEFT JOIN programmes_call c ON c.id = e.call_id
LEFT JOIN programmes_theme t ON t.id = COALESCE(e.theme_id, c.theme_id)
LEFT JOIN {applications} a
       ON a.entity_id = e.id
LEFT JOIN (SELECT projectentity_id, {joined} AS labels
           FROM (SELECT fm.projectentity_id, COALESCE(NULLIF(o.abbreviation, ''), o.name) AS label
                 FROM projects_projectentity_funding_ministries fm
                 JOIN organisations_organisation o ON o.id = fm.organisation_id
                 {of_ministries} ORDER BY 1, 2) labelled
           GROUP BY projectentity_id) m
       ON m.projectentity_id = e.id
{facet_joins}
{of_entities}
"""
_APPLICATIONS = """(SELECT entity_id, COUNT(*) AS n, SUM(total_cost) AS total_cost,
                  SUM(support) AS support
           FROM projects_application {of_applications} GROUP BY entity_id)"""
_COLUMNS = (
    "entity_id, name, status, kind, theme_id, call_id, programme_id, ministries, implementers, "
    "total_cost, support, is_illustrative"
)


def _insert_sql(connection, marks: str = "") -> str:
    """The INSERT … SELECT, for every entity or (with `marks`, its placeholders) some."""
    with_facets = facets.available(connection)
    joined = (
        "string_agg(label, '+' ORDER BY label)"
        if connection.vendor == "postgresql"
        else "group_concat(label, '+')"
    )
    table = connection.ops.quote_name(EntitySummary._meta.db_table)
    of = {
        "of_applications": f"WHERE entity_id IN ({marks})" if marks else "",
        "of_ministries": f"WHERE fm.projectentity_id IN ({marks})" if marks else "",
        "of_partners": f"WHERE pa.entity_id IN ({marks})" if marks else "",
        "of_sectors": f"WHERE ps.projectentity_id IN ({marks})" if marks else "",
        "of_regions": f"WHERE r.projectentity_id IN ({marks})" if marks else "",
    }
    if with_facets:
        applications = facets.APPLICATIONS.format(
            of_applications=of["of_applications"].replace("entity_id", "ap.entity_id")
        )
        extra = facets.SELECT.format(), facets.JOINS.format(**of)
    else:
        applications = _APPLICATIONS.format(of_applications=of["of_applications"])
        extra = "", ""
    rows = _ROWS.format(
        joined=joined,
        applications=applications,
        facets=extra[0],
        facet_joins=extra[1],
        of_ministries=of["of_ministries"],
        of_entities=f"WHERE e.id IN ({marks})" if marks else "",
    )
    columns = f"{_COLUMNS}, {facets.COLUMNS}" if with_facets else _COLUMNS
    return f"INSERT INTO {table} ({columns}) {rows}"


def _placeholder_count(connection) -> int:
    """How many times the refreshed ids are passed: once per restricted subquery."""
    return 7 if facets.available(connection) else 3


def refresh_summaries(entity_ids) -> None:
    """Recompute the rows of `entity_ids` (deleted entities simply lose theirs)."""
    ids = sorted({int(i) for i in entity_ids if i is not None})
    if not ids:
        return
    alias = router.db_for_write(EntitySummary)
    connection = connections[alias]
    table = connection.ops.quote_name(EntitySummary._meta.db_table)
    marks = ", ".join(["%s"] * len(ids))
    with_cells = cells.available(connection)
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        if with_cells:
            cells.add(cursor, ids, -1)  # the rows as they were leave their cells
        cursor.execute(f"DELETE FROM {table} WHERE entity_id IN ({marks})", ids)
        cursor.execute(_insert_sql(connection, marks), ids * _placeholder_count(connection))
        if with_cells:
            cells.add(cursor, ids, 1)


def rebuild_summaries() -> int:
    """Empty and rebuild the table in one transaction; returns the number of rows."""
    alias = router.db_for_write(EntitySummary)
    connection = connections[alias]
    table = connection.ops.quote_name(EntitySummary._meta.db_table)
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The grouped subqueries sort millions of link rows: in memory, not in temp files.
            cursor.execute("SET LOCAL work_mem = '256MB'")
        cursor.execute(f"DELETE FROM {table}")
        cursor.execute(_insert_sql(connection))
        count = cursor.rowcount
        if cells.available(connection):
            cells.rebuild(cursor)  # in the same transaction: no reader sees them disagree
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {table}")
            if cells.available(connection) and not connection.in_atomic_block:
                cells.vacuum(cursor)
    return count


def _entity_saved(sender, instance, **kwargs):
    refresh_summaries([instance.pk])


def _application_changed(sender, instance, **kwargs):
    refresh_summaries([instance.entity_id])


def _links_changed(sender, instance, action, pk_set, reverse, **kwargs):
    """Ministries, sectors or regions of an entity changed (from either side)."""
    if not reverse:
        if action.startswith("post_"):
            refresh_summaries([instance.pk])
        return
    # From the other side (an organisation's, a sector's entities): the entities named, or on
    # a clear the ones linked just before it.
    if action == "pre_clear":
        other = next(
            f.name
            for f in sender._meta.fields
            if f.is_relation and f.related_model is not ProjectEntity
        )
        links = sender.objects.filter(**{other: instance})
        instance._summary_cleared = list(links.values_list("projectentity_id", flat=True))
    elif action == "post_clear":
        refresh_summaries(getattr(instance, "_summary_cleared", []))
    elif action.startswith("post_"):
        refresh_summaries(pk_set or [])


def _summary_deleting(sender, instance, using, **kwargs):
    """An entity's deletion takes its summary row with it (the ORM's cascade, not a refresh):
    the row leaves its cells first."""
    connection = connections[using]
    if cells.available(connection):
        with connection.cursor() as cursor:
            cells.add(cursor, [instance.pk], -1)


_PLACING = ("organisation_type", "region_id", "parent_id", "abbreviation")
"""What of an organisation its projects' rows hold: the type, the region (a unit's by its
parent's) and a ministry's abbreviation (the `ministries` label)."""


def _organisation_saving(sender, instance, **kwargs):
    """What the organisation was, before the save (`_PLACING`)."""
    if instance.pk:
        instance._summary_before = (
            sender.objects.filter(pk=instance.pk).values_list(*_PLACING).first()
        )


def _organisation_saved(sender, instance, created, **kwargs):
    """An organisation that changed its type, region, parent or abbreviation moves the rows of
    the projects it or its units implement, are partners in or are funded by."""
    before = getattr(instance, "_summary_before", None)
    if created or before is None or before == tuple(getattr(instance, f) for f in _PLACING):
        return
    # Its units without a region of their own are placed by it, too.
    placed = Q(organisation=instance) | Q(organisation__parent=instance)
    entities = set(Application.objects.filter(placed).values_list("entity_id", flat=True))
    entities |= set(Partner.objects.filter(placed).values_list("entity_id", flat=True))
    entities |= set(instance.granted_entities.values_list("pk", flat=True))
    refresh_summaries(entities)


def _call_saved(sender, instance, created, **kwargs):
    """A call moved to another theme or programme moves its entities' rows with it."""
    if not created:
        refresh_summaries(instance.project_entities.values_list("pk", flat=True))


def connect() -> None:
    """Called once from the app's `ready()`; the writes themselves stay in the services."""
    post_save.connect(_entity_saved, sender=ProjectEntity, dispatch_uid="summary-entity")
    post_save.connect(_application_changed, sender=Application, dispatch_uid="summary-app")
    post_delete.connect(_application_changed, sender=Application, dispatch_uid="summary-app-del")
    post_save.connect(_application_changed, sender=Partner, dispatch_uid="summary-partner")
    post_delete.connect(_application_changed, sender=Partner, dispatch_uid="summary-partner-del")
    for relation in ("funding_ministries", "sectors", "regions"):
        m2m_changed.connect(
            _links_changed,
            sender=getattr(ProjectEntity, relation).through,
            dispatch_uid=f"summary-{relation}",
        )
    post_save.connect(_call_saved, sender=Call, dispatch_uid="summary-call")
    pre_save.connect(_organisation_saving, sender=Organisation, dispatch_uid="summary-org-before")
    post_save.connect(_organisation_saved, sender=Organisation, dispatch_uid="summary-org")
    pre_delete.connect(_summary_deleting, sender=EntitySummary, dispatch_uid="summary-cells")
