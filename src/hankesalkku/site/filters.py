"""The project list's filters: GET parameters checked against known values.

An unknown value (an old bookmark, a typo) is ignored and named in a visible note rather than
failing the page or silently returning nothing: the one rule of `core.params`.
"""

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy

from hankesalkku.core.params import FilterResult, FilterSpec
from hankesalkku.core.params import parse_filters as parse
from hankesalkku.insights import facets
from hankesalkku.insights.models import EntitySummary
from hankesalkku.organisations.models import Organisation, OrganisationType, Region
from hankesalkku.programmes.models import Call, Sector, Theme
from hankesalkku.projects.models import Application, ProjectEntity, ProjectKind, ProjectStatus
from hankesalkku.projects.models.entity import touching_region


def _entities_of(model, **lookup):
    """A subquery, not a join: a filter through a many-valued relation must not multiply rows
    (the list would need DISTINCT, which sorts the whole selection before the first page)."""
    return Q(pk__in=model.objects.filter(**lookup).values("entity_id"))


def _through(relation: str, **lookup):
    through = getattr(ProjectEntity, relation).through
    return Q(pk__in=through.objects.filter(**lookup).values("projectentity_id"))


def _in_summary(joined: Q, array: str, values, element: str = "bigint") -> Q:
    """On PostgreSQL, a many-valued fact is tested in the entity's own summary row, whose
    arrays the services keep current (`insights.facets`): one probe per entity, so a page and
    its count stop after the matches they need. Through the link tables, "a call's projects
    of one organisation type" joined 357 000 associations' applications to count the first
    10 000 (400 ms at 1.5 M). The values are a literal array, not a subquery, so the planner
    estimates the selection from the column's statistics (`pagination.count_rows` trusts a
    large estimate). Elsewhere (SQLite) the join, which is the same set."""
    if not facets.available(connection):
        return joined
    values = list(values)
    row = EntitySummary.objects.filter(entity_id=OuterRef("pk")).extra(
        where=[f"{array} && %s::{element}[]"], params=[values]
    )
    return Q(Exists(row))


def _region(slug: str) -> Q:
    """The overview's rule (`touching_region`): implementers, partners or the entity's own
    regions. Through the summary's `region_ids` on PostgreSQL: through the link tables, one
    region's list took 1.5 s at 1.5 M entities."""
    region = Region.objects.filter(slug=slug).first()
    if region is None:
        return Q(pk__in=[])
    return _in_summary(touching_region(region), "region_ids", [region.pk])


# Choices are read from the database: one query per list, however many projects there are,
# with only the columns an option shows (every list page builds them).
_NAMED = ("slug", "name", "name_sv", "name_en")

SPECS = [
    FilterSpec(
        "call",
        gettext_lazy("Haku"),
        lambda: [
            (c.slug, c.display_name) for c in Call.objects.only(*_NAMED).order_by("opens", "name")
        ],
        lambda v: Q(call__slug=v),
    ),
    FilterSpec(
        "theme",
        gettext_lazy("Teema"),
        lambda: [(t.slug, t.display_name) for t in Theme.objects.only(*_NAMED)],
        lambda v: Q(theme__slug=v) | Q(call__theme__slug=v),
    ),
    FilterSpec(
        "ministry",
        gettext_lazy("Myöntövaltuus"),
        lambda: [
            (m.abbreviation, f"{m.abbreviation} – {m.display_name}")
            for m in Organisation.objects.ministries()
            .only("abbreviation", *_NAMED)
            .order_by("abbreviation")
        ],
        lambda v: _in_summary(
            _through("funding_ministries", organisation__abbreviation=v),
            "ministry_ids",
            Organisation.objects.filter(abbreviation=v).values_list("pk", flat=True),
        ),
    ),
    FilterSpec(
        "kind", gettext_lazy("Hanketyyppi"), lambda: ProjectKind.choices, lambda v: Q(kind=v)
    ),
    FilterSpec(
        "sector",
        gettext_lazy("Toimiala"),
        lambda: [
            (s.slug, f"{s.branch.display_name}: {s.display_name}")
            for s in Sector.objects.select_related("branch").only(
                *_NAMED, "branch__name", "branch__name_sv", "branch__name_en"
            )
        ],
        lambda v: _in_summary(
            _through("sectors", sector__slug=v),
            "sector_ids",
            Sector.objects.filter(slug=v).values_list("pk", flat=True),
        ),
    ),
    FilterSpec(
        "region",
        gettext_lazy("Alue"),
        lambda: [(r.slug, r.display_name) for r in Region.objects.only(*_NAMED)],
        lambda v: _region(v),
    ),
    FilterSpec(
        "org_type",
        gettext_lazy("Toteuttajan organisaatiotyyppi"),
        lambda: OrganisationType.choices,
        lambda v: _in_summary(
            _entities_of(Application, organisation__organisation_type=v), "impl_types", [v], "text"
        ),
    ),
    FilterSpec(
        "status", gettext_lazy("Tila"), lambda: ProjectStatus.choices, lambda v: Q(status=v)
    ),
]


def parse_filters(params) -> FilterResult:
    return parse(params, SPECS)
