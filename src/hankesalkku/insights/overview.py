"""The overview's figures for one selection: the single function that the page, the command line
and every export call, so the numbers can never disagree between them.

Everything is counted in the database with grouped aggregates over subqueries of the selected
entities; the number of queries is fixed (about a dozen) whatever the portfolio's size, and no
Python loop ever runs over projects. Python only loops over the reference rows (23 regions,
15 sectors, 9 organisation types, a few ministries).

Counting rules (the coordination's, seed 002):
- an *implementer* (hanketoteuttaja) is one application: an organisation implementing its part
  of one project entity. An organisation in two entities counts twice, as in the seed's
  "Hanketoteuttajia on yhteensä 30"; `implementer_organisations` gives the distinct count.
- a *partner* is one partner record of an entity (not a beneficiary); distinct organisations in
  `partner_organisations`.
- an entity funded from two ministries' authorisations counts once, under "OKM+STM".
- an implementer or partner is placed on the map by its organisation's region (a unit without a
  region of its own by its parent's).
- financing sums the applications of the selected entities; the support rate uses only the
  applications whose total and support are both known.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import translation

from hankesalkku.core.i18n import localized
from hankesalkku.core.money import support_rate
from hankesalkku.organisations.models import Organisation, OrganisationType, Region
from hankesalkku.programmes.models import AdministrativeBranch, Sector
from hankesalkku.projects.models import Application, Partner, ProjectEntity, ProjectKind

from .selection import Selection
from .tilemap import busiest_sentence, coverage_sentence

JOINT_SEPARATOR = "+"
UNKNOWN_MINISTRY = "–"
MONEY_FIELDS = (
    "total_cost", "support", "own_financing", "municipal_financing",
    "other_public_financing", "private_financing",
)


def build_overview(selection: Selection, language: str = "fi") -> dict:
    """All figures of the overview as plain data (names in `language`)."""
    with translation.override(language):
        entities = selection.entities().order_by()
        applications = Application.objects.filter(entity__in=entities.values("pk")).order_by()
        partners = Partner.objects.filter(entity__in=entities.values("pk")).order_by()
        counts = entities.aggregate(
            entities=Count("pk"),
            entities_single=Count("pk", filter=Q(kind=ProjectKind.SINGLE)),
            entities_group=Count("pk", filter=Q(kind=ProjectKind.GROUP)),
        )
        app_figures = _applications(applications)
        partner_counts = partners.aggregate(
            partners=Count("pk"), partner_organisations=Count("organisation", distinct=True)
        )
        by_region, unplaced = _by_region(applications, partners, language)
        sectors = _sectors(entities, counts["entities"], language)
        return {
            "generated": date.today().isoformat(),
            "language": language,
            "selection": [{"field": f, "value": v} for f, v in selection.describe(language)],
            "selection_params": selection.to_params(),
            "counts_funded_only": selection.is_funded_default,
            "entities": counts["entities"],
            "entities_single": counts["entities_single"],
            "entities_group": counts["entities_group"],
            "implementers": app_figures["implementers"],
            "implementer_organisations": app_figures["implementer_organisations"],
            "partners": partner_counts["partners"],
            "partner_organisations": partner_counts["partner_organisations"],
            "by_ministry": _by_ministry(entities),
            "by_sector": sectors["by_sector"],
            "by_branch": sectors["by_branch"],
            "social_and_health": sectors["social_and_health"],
            "by_organisation_type": _by_organisation_type(applications),
            "by_region": by_region,
            "region_unknown": unplaced,
            "regions_sentence": coverage_sentence(by_region, language),
            "busiest_regions_sentence": busiest_sentence(by_region, language),
            "financing": app_figures["financing"],
        }


def _applications(applications) -> dict:
    sums = {name: Sum(name) for name in MONEY_FIELDS}
    both_known = Q(total_cost__isnull=False, support__isnull=False)
    row = applications.aggregate(
        implementers=Count("pk"),
        implementer_organisations=Count("organisation", distinct=True),
        total_unknown=Count("pk", filter=Q(total_cost__isnull=True)),
        rate_support=Sum("support", filter=both_known),
        rate_total=Sum("total_cost", filter=both_known),
        **sums,
    )
    financing = {name: row[name] or Decimal("0.00") for name in MONEY_FIELDS}
    financing["support_rate"] = support_rate(row["rate_support"], row["rate_total"])
    financing["applications_without_total"] = row["total_unknown"]
    return {
        "implementers": row["implementers"],
        "implementer_organisations": row["implementer_organisations"],
        "financing": financing,
    }


def _by_ministry(entities) -> dict[str, int]:
    """Entities by the combination of ministries whose authorisation funds them.

    One Exists column per ministry present and a GROUP BY over those columns: the database
    returns at most 2^k rows (k = ministries present, in practice two), never one per entity.
    """
    through = ProjectEntity.funding_ministries.through
    ministries = list(
        Organisation.objects.filter(
            pk__in=through.objects.filter(projectentity__in=entities.values("pk")).values(
                "organisation_id"
            )
        ).order_by("abbreviation", "name").values("pk", "abbreviation", "name")
    )
    columns = {
        f"m{m['pk']}": Exists(through.objects.filter(projectentity=OuterRef("pk"),
                                                     organisation_id=m["pk"]))
        for m in ministries
    }
    if not columns:
        total = entities.count()
        return {UNKNOWN_MINISTRY: total} if total else {}
    rows = entities.annotate(**columns).values(*columns).annotate(n=Count("pk")).order_by()
    result: dict[str, int] = {}
    for row in rows:
        label = JOINT_SEPARATOR.join(
            m["abbreviation"] or m["name"] for m in ministries if row[f"m{m['pk']}"]
        ) or UNKNOWN_MINISTRY
        result[label] = result.get(label, 0) + row["n"]
    order = [m["abbreviation"] or m["name"] for m in ministries]
    return dict(sorted(result.items(), key=lambda item: _ministry_sort_key(item[0], order)))


def _ministry_sort_key(label: str, order: list[str]) -> tuple:
    parts = label.split(JOINT_SEPARATOR)
    if label == UNKNOWN_MINISTRY:
        return (99, [])
    return (len(parts), [order.index(p) if p in order else 99 for p in parts])


def _sectors(entities, entity_count: int, language: str) -> dict:
    through = ProjectEntity.sectors.through
    links = through.objects.filter(projectentity__in=entities.values("pk")).order_by()
    per_sector = dict(
        links.values("sector_id").annotate(n=Count("projectentity_id")).values_list("sector_id", "n")
    )
    per_branch = dict(
        links.values("sector__branch_id")
        .annotate(n=Count("projectentity_id", distinct=True))
        .values_list("sector__branch_id", "n")
    )
    touched = links.aggregate(
        any_sector=Count("projectentity_id", distinct=True),
        social=Count(
            "projectentity_id", distinct=True,
            filter=Q(sector__branch__is_social_and_health=True),
        ),
    )
    by_sector = [
        {
            "branch": localized(s.branch, "name", language),
            "branch_slug": s.branch.slug,
            "sector": localized(s, "name", language),
            "sector_slug": s.slug,
            "entities": per_sector.get(s.pk, 0),
        }
        for s in Sector.objects.select_related("branch").order_by("branch__order", "order")
    ]
    by_branch = [
        {
            "branch": localized(b, "name", language),
            "branch_slug": b.slug,
            "is_social_and_health": b.is_social_and_health,
            "entities": per_branch.get(b.pk, 0),
        }
        for b in AdministrativeBranch.objects.order_by("order")
    ]
    return {
        "by_sector": by_sector,
        "by_branch": by_branch,
        "social_and_health": {
            "involved": touched["social"],
            "not_involved": touched["any_sector"] - touched["social"],
            "sectors_unknown": entity_count - touched["any_sector"],
        },
    }


def _by_organisation_type(applications) -> list[dict]:
    counts = dict(
        applications.values("organisation__organisation_type")
        .annotate(n=Count("pk"))
        .values_list("organisation__organisation_type", "n")
    )
    rows = [
        {"type": code, "label": str(label), "implementers": counts.get(code, 0)}
        for code, label in OrganisationType.choices
    ]
    rows.sort(key=lambda r: -r["implementers"])  # stable: ties keep the choices' order
    return [r for r in rows if r["implementers"]] + [r for r in rows if not r["implementers"]]


def _region_counts(queryset) -> dict:
    region = Coalesce("organisation__region_id", "organisation__parent__region_id")
    return dict(
        queryset.annotate(region_key=region)
        .values("region_key")
        .annotate(n=Count("pk"))
        .values_list("region_key", "n")
    )


def _by_region(applications, partners, language: str) -> tuple[list[dict], dict]:
    """All 23 regions, zeros included, plus the implementers and partners whose organisation
    has no region: those are shown as "alue ei tiedossa", never dropped silently."""
    implementers = _region_counts(applications)
    partner_counts = _region_counts(partners)
    rows = [
        {
            "region": localized(r, "name", language),
            "short_name": localized(r, "short_name", language),
            "slug": r.slug,
            "implementers": implementers.get(r.pk, 0),
            "partners": partner_counts.get(r.pk, 0),
        }
        for r in Region.objects.order_by("order")
    ]
    unplaced = {"implementers": implementers.get(None, 0), "partners": partner_counts.get(None, 0)}
    return rows, unplaced
