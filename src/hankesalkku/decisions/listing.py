"""The decision list's filters and columns: organisation, year and decision maker's kind.

Filters follow the lists' one rule for bad values (`core.params`); a year is a date range, not
`date__year`, so the index on (date, id) serves it.
"""

import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy

from hankesalkku.core.pagination import Column, Sorting
from hankesalkku.core.params import FilterSpec
from hankesalkku.organisations.models import Organisation

from .models import Decision, DecisionMakerKind


def _organisations():
    deciding = Decision.objects.order_by().values("organisation_id")
    return [(o.slug, o.display_name) for o in Organisation.objects.filter(pk__in=deciding)]


def _years():
    years = sorted({d.year for d in Decision.objects.dates("date", "year")}, reverse=True)
    return [(str(y), str(y)) for y in years]


def _in_year(value: str) -> Q:
    year = int(value)
    return Q(date__gte=datetime.date(year, 1, 1), date__lt=datetime.date(year + 1, 1, 1))


FILTERS = [
    FilterSpec(
        "organisation",
        gettext_lazy("Organisaatio"),
        _organisations,
        lambda v: Q(organisation__slug=v),
    ),
    FilterSpec("year", gettext_lazy("Vuosi"), _years, _in_year),
    FilterSpec(
        "kind",
        gettext_lazy("Päätöksentekijän laji"),
        lambda: DecisionMakerKind.choices,
        lambda v: Q(decision_maker_kind=v),
    ),
]

SORTING = Sorting(
    [
        Column("date", gettext_lazy("Päivämäärä"), ("date",)),
        Column(
            "organisation", gettext_lazy("Organisaatio ja päätöksentekijä"), ("organisation__name",)
        ),
        Column("section", gettext_lazy("Pykälä"), ("section",)),
        Column("diary_number", gettext_lazy("Diaarinumero"), ("diary_number",)),
        Column("title", gettext_lazy("Otsikko"), ("title",)),
    ],
    default="-date",
)
