"""What the public lists need from the summary: totals of a selection and its rows for a file.

Both are one query whatever the selection's size: the totals one aggregate over the narrow
summary rows, the rows one streamed SELECT (no query per project, memory independent of the
count), so a 100 000-row download costs one pass.
"""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from hankesalkku.projects.models import ProjectKind, ProjectStatus

from .exports.tables import EUR, INTEGER, TEXT, TableColumn
from .models import EntitySummary

CHUNK = 2000


def selection_totals(entities) -> dict:
    """Sum of cost and support over every entity of `entities` (a visible, filtered queryset)."""
    return EntitySummary.objects.filter(entity__in=entities.order_by().values("pk")).aggregate(
        entities=Count("pk"),
        cost_sum=Sum("total_cost"),
        support_sum=Sum("support"),
        cost_unknown=Count("pk", filter=Q(total_cost__isnull=True)),
        support_unknown=Count("pk", filter=Q(support__isnull=True)),
    )


def project_columns() -> list[TableColumn]:
    from django.utils.translation import gettext as _

    return [
        TableColumn("name", _("Hanke"), TEXT, 50),
        TableColumn("acronym", _("Lyhenne"), TEXT, 12),
        TableColumn("kind", _("Hanketyyppi"), TEXT, 22),
        TableColumn("status", _("Tila"), TEXT, 16),
        TableColumn("call", _("Haku"), TEXT, 40),
        TableColumn("ministries", _("Myöntövaltuus"), TEXT, 14),
        TableColumn("implementers", _("Toteuttajia"), INTEGER, 12),
        TableColumn("total_cost", _("Kokonaiskustannukset"), EUR, 18),
        TableColumn("support", _("Tuki"), EUR, 18),
        TableColumn("starts", _("Alkaa"), TEXT, 12),
        TableColumn("ends", _("Päättyy"), TEXT, 12),
        TableColumn("url", _("Osoite"), TEXT, 30),
    ]


def project_rows(entities, ordering, *, url_prefix: str, language: str = "fi"):
    """The rows of `entities` in `ordering`, streamed in chunks from one query; a row's link is
    `url_prefix` + its slug (the caller knows the site's address)."""
    kinds = {value: str(label) for value, label in ProjectKind.choices}
    statuses = {value: str(label) for value, label in ProjectStatus.choices}
    name_field = "call__name" if language == "fi" else f"call__name_{language}"
    values = entities.order_by(*ordering).values_list(
        "name",
        "acronym",
        "kind",
        "status",
        name_field,
        "call__name",
        "summary__ministries",
        "summary__implementers",
        "summary__total_cost",
        "summary__support",
        "starts",
        "ends",
        "slug",
    )
    for row in values.iterator(chunk_size=CHUNK):
        name, acronym, kind, status, call, call_fi, ministries, n, total, support = row[:10]
        starts, ends, slug = row[10:]
        yield (
            name,
            acronym,
            kinds.get(kind, kind),
            statuses.get(status, status),
            call or call_fi or "",
            ministries or "",
            n or 0,
            total,
            support,
            starts.isoformat() if starts else "",
            ends.isoformat() if ends else "",
            f"{url_prefix}{slug}/",
        )
