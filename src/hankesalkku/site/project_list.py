"""The project list at national scale: one page of a sorted selection, its totals, its files.

The selection (filters, sort) lives in the URL, so a link, the page's downloads and its totals
all name the same projects. Sorting goes through `insights.EntitySummary`, whose indexed
columns hold the list's figures, so any column pages as an index range.
"""

import tempfile

from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hankesalkku.core.pagination import (
    Column,
    Sorting,
    count_rows,
    headings,
    list_template,
    ordering,
    paginate,
)
from hankesalkku.core.routers import reads_from_replica
from hankesalkku.insights.exports.tables import XLSX_TYPE, csv_lines, write_xlsx
from hankesalkku.insights.jobs import needs_background, start_export
from hankesalkku.insights.lists import project_columns, project_rows, selection_totals
from hankesalkku.insights.models import ExportJob
from hankesalkku.projects.models import ProjectEntity

from .filters import parse_filters
from .projects import attach_list_figures
from .tasks import project_list_export_run

SORTING = Sorting(
    [
        Column("name", gettext_lazy("Hanke"), ("summary__name",)),
        Column("kind", gettext_lazy("Hanketyyppi"), ("summary__kind",)),
        Column("status", gettext_lazy("Tila"), ("summary__status",)),
        Column("ministries", gettext_lazy("Myöntövaltuus"), ("summary__ministries",)),
        Column("implementers", gettext_lazy("Toteuttajia"), ("summary__implementers",)),
        Column(
            "total_cost",
            gettext_lazy("Kokonaiskustannukset"),
            ("summary__total_cost",),
            nullable=True,
        ),
        Column("support", gettext_lazy("Tuki"), ("summary__support",), nullable=True),
    ],
    default="name",
)
FORMATS = ("csv", "xlsx")
STREAM_ABOVE = 2000


def selected_entities(request):
    """The entities the URL's filters pick among those the user may see, and the filters."""
    return _selected(request.user, request.GET)


def _selected(viewer, params):
    result = parse_filters(params)
    entities = ProjectEntity.objects.visible_to(viewer)
    if result.active:
        entities = entities.filter(result.condition)
    return entities, result


def selection_rows(viewer, params, url_prefix: str):
    """The download's rows in the list's order (one streamed query) and the selection's count
    (exact up to the pager's threshold, else the planner's estimate)."""
    entities, _result = _selected(viewer, params)
    column, descending = SORTING.parse(params.get("sort", ""), [])
    rows = project_rows(entities, ordering(column, descending), url_prefix=url_prefix)
    return rows, count_rows(entities)


@reads_from_replica
def project_list(request):
    entities, result = selected_entities(request)
    # The inner join (every entity has its row) lets the summary's index drive the page.
    page = paginate(
        entities.filter(summary__isnull=False).select_related("summary").for_list(),
        request.GET,
        sorting=SORTING,
        notes=result.notes,
    )
    attach_list_figures(page.items)
    # An exact count is a small selection: its totals come with the page. Above the threshold
    # they are one more request (htmx on load, or a link without JavaScript).
    want_totals = not page.count_is_estimate or request.GET.get("totals") == "1"
    context = {
        "page": page,
        "entities": page.items,
        "filter_result": result,
        "headings": headings(
            page,
            [
                (c.key, c.label, c.key in ("implementers", "total_cost", "support"))
                for c in SORTING.columns.values()
            ],
        ),
        "totals": selection_totals(entities) if want_totals else None,
        "totals_url": page.query(totals=1),
        "downloads": [
            (fmt, reverse("projects:download", args=[fmt]) + page.query(sort=page.sort_key))
            for fmt in FORMATS
        ],
    }
    if request.headers.get("HX-Target") == "totals":
        return render(request, "projects/partials/totals.html", context)
    template = list_template(request, "projects/list.html", "projects/partials/results.html")
    return render(request, template, context)


@require_GET
@reads_from_replica
def project_download(request, fmt):
    """The whole selection as CSV or XLSX, in the list's order: a big one as a background job
    (the answer is the job's page), a small one while the request waits."""
    if fmt not in FORMATS:
        raise Http404(fmt)
    url_prefix = request.build_absolute_uri(reverse("projects:list"))
    filename = f"hankkeet-{timezone.localdate().isoformat()}.{fmt}"
    rows, (count, estimated) = selection_rows(request.user, request.GET, url_prefix)
    if needs_background(count, estimated):
        job = start_export(
            request,
            kind=ExportJob.Kind.PROJECTS,
            fmt=fmt,
            params={"query": request.GET.urlencode(), "site": url_prefix},
            language=(get_language() or "fi")[:2],
            total=count,
            filename=filename,
        )
        project_list_export_run.enqueue(job.pk)
        return redirect("insights:export_job", pk=job.pk)
    if fmt == "csv":
        lines = csv_lines(project_columns(), rows)
        # A bigger selection streams as it is read; a small one is one body (checkable as a page).
        if count > STREAM_ABOVE:
            response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse("".join(lines), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    handle = tempfile.TemporaryFile()  # noqa: SIM115 -- the response closes (and so removes) it
    write_xlsx(handle, project_columns(), rows, title=_("Hankkeet"))
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX_TYPE)
