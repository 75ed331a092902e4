"""The organisations and calls lists: every row public, paged and sorted like the project list.

Both use the shared paginator and filter rule (`core.pagination`, `core.params`), so a
national register of organisations pages by its indexed name as the project list does.
"""

from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from hankesalkku.core.pagination import Column, Sorting, headings, list_template, paginate
from hankesalkku.core.params import FilterSpec, parse_filters
from hankesalkku.core.routers import reads_from_replica
from hankesalkku.organisations.models import Organisation, OrganisationType, Region
from hankesalkku.programmes.models import Call, Programme, Theme

ORGANISATION_FILTERS = [
    FilterSpec(
        "organisation_type",
        gettext_lazy("Organisaatiotyyppi"),
        lambda: OrganisationType.choices,
        lambda v: Q(organisation_type=v),
    ),
    FilterSpec(
        "region",
        gettext_lazy("Alue"),
        lambda: [(r.slug, r.display_name) for r in Region.objects.all()],
        lambda v: Q(region__slug=v),
    ),
]
ORGANISATION_SORTING = Sorting(
    [
        Column("name", gettext_lazy("Organisaatio"), ("name",)),
        Column("organisation_type", gettext_lazy("Organisaatiotyyppi"), ("organisation_type",)),
        Column("region", gettext_lazy("Alue"), ("region__order",)),
    ],
    default="name",
)
CALL_FILTERS = [
    FilterSpec(
        "programme",
        gettext_lazy("Ohjelma"),
        lambda: [(p.slug, p.display_name) for p in Programme.objects.all()],
        lambda v: Q(programme__slug=v),
    ),
    FilterSpec(
        "theme",
        gettext_lazy("Teema"),
        lambda: [(t.slug, t.display_name) for t in Theme.objects.all()],
        lambda v: Q(theme__slug=v),
    ),
]
CALL_SORTING = Sorting(
    [
        Column("name", gettext_lazy("Haku"), ("name",)),
        Column("opens", gettext_lazy("Haku alkaa"), ("opens",)),
        Column("closes", gettext_lazy("Haku päättyy"), ("closes",)),
        Column("budget", gettext_lazy("Määräraha"), ("budget",)),
    ],
    default="-opens",
)


def _paged_list(request, queryset, filters, sorting, template, numeric=()):
    result = parse_filters(request.GET, filters)
    page = paginate(
        queryset.filter(result.condition), request.GET, sorting=sorting, notes=result.notes
    )
    columns = [(c.key, c.label, c.key in numeric) for c in sorting.columns.values()]
    context = {
        "page": page,
        "rows": page.items,
        "filter_result": result,
        "headings": headings(page, columns),
    }
    return render(request, list_template(request, template, template), context)


@reads_from_replica
def organisation_list(request):
    return _paged_list(
        request,
        Organisation.objects.select_related("region", "parent"),
        ORGANISATION_FILTERS,
        ORGANISATION_SORTING,
        "organisations/list.html",
    )


@reads_from_replica
def call_list(request):
    return _paged_list(
        request,
        Call.objects.select_related("programme", "theme"),
        CALL_FILTERS,
        CALL_SORTING,
        "programmes/call_list.html",
        numeric=("budget",),
    )
