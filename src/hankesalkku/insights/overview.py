"""The overview's figures for one selection: the single function that the page, the command line
and every export call, so the numbers can never disagree between them.

Everything is counted in the database with grouped aggregates over subqueries of the selected
entities; the number of queries is fixed (ten) whatever the portfolio's size, and no Python loop
ever runs over projects. Python only loops over grouped rows (one per implementing
organisation, 2^k combinations of ministries or branches) and the reference rows.

Each large table is scanned once: applications are grouped by organisation (with its region and
type) and everything else about them is summed from those groups.

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

from decimal import Decimal

from django.db import connections
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import ngettext

from hankesalkku.core.i18n import localized
from hankesalkku.core.money import CENT, support_rate
from hankesalkku.organisations.models import Organisation, OrganisationType, Region
from hankesalkku.programmes.models import AdministrativeBranch, Sector
from hankesalkku.projects.models import Application, Partner, ProjectEntity, ProjectKind

from . import counting
from .aggregates import count_combinations
from .models import EntitySummary
from .selected import selected_summaries
from .selection import Selection
from .tilemap import busiest_sentence, coverage_sentence

JOINT_SEPARATOR = "+"
UNKNOWN_MINISTRY = "–"
MONEY_FIELDS = (
    "total_cost",
    "support",
    "own_financing",
    "municipal_financing",
    "other_public_financing",
    "private_financing",
)


def build_overview(selection: Selection, language: str = "fi") -> dict:
    """All figures of the overview as plain data (names in `language`)."""
    with translation.override(language):
        if counting.can_count(selection, connections[EntitySummary.objects.db]):
            return _overview(selection, language, **_counted(selection, language))
        summaries = selected_summaries(selection).order_by()
        ids = summaries.values("entity_id")
        counts = summaries.aggregate(
            entities=Count("pk"),
            entities_single=Count("pk", filter=Q(kind=ProjectKind.SINGLE)),
            entities_group=Count("pk", filter=Q(kind=ProjectKind.GROUP)),
            illustrative_entities=Count("pk", filter=Q(is_illustrative=True)),
        )
        apps = _applications(Application.objects.filter(entity__in=ids))
        partners = _partners(Partner.objects.filter(entity__in=ids))
        sectors = _sectors(ids, counts["entities"], language)
        return _overview(
            selection,
            language,
            counts=counts,
            apps=apps,
            partners=partners,
            by_ministry=_by_ministry(ids, counts["entities"]),
            sectors=sectors,
        )


def _overview(selection, language, *, counts, apps, partners, by_ministry, sectors) -> dict:
    by_region, unplaced = _by_region(apps["by_region"], partners["by_region"], language)
    return {
        "generated": timezone.localdate().isoformat(),
        "language": language,
        "selection": [{"field": f, "value": v} for f, v in selection.describe(language)],
        "selection_params": selection.to_params(),
        "counts_funded_only": selection.is_funded_default,
        "entities": counts["entities"],
        "entities_single": counts["entities_single"],
        "entities_group": counts["entities_group"],
        "illustrative_entities": counts["illustrative_entities"],
        "illustrative_note": illustrative_note(counts["illustrative_entities"]),
        "implementers": apps["implementers"],
        "implementer_organisations": apps["organisations"],
        "partners": partners["partners"],
        "partner_organisations": partners["organisations"],
        "by_ministry": by_ministry,
        "by_sector": sectors["by_sector"],
        "by_branch": sectors["by_branch"],
        "social_and_health": sectors["social_and_health"],
        "by_organisation_type": _by_organisation_type(apps["by_type"]),
        "by_region": by_region,
        "region_unknown": unplaced,
        "regions_sentence": coverage_sentence(by_region, language),
        "busiest_regions_sentence": busiest_sentence(by_region, language),
        "financing": apps["financing"],
    }


def _counted(selection, language: str) -> dict:
    """The same figures from the summary's counting columns (`counting`, PostgreSQL)."""
    figures = counting.count(selection)
    totals = figures["totals"]
    counts = {
        "entities": totals["entities"],
        "entities_single": totals["single"],
        "entities_group": totals["group"],
        "illustrative_entities": totals["illustrative"],
    }
    apps = {
        "implementers": totals["implementers"],
        "organisations": figures["impl_orgs"],
        "financing": counting.financing(totals),
        "by_region": {k or None: n for k, n in figures["impl_regions"]},
        "by_type": dict(figures["impl_types"]),
    }
    partners = {
        "partners": totals["partners"],
        "organisations": figures["partner_orgs"],
        "by_region": {k or None: n for k, n in figures["partner_regions"]},
    }
    # Ministries by combination: labelled in the joined counting's order (abbreviation, name).
    present = {i for ids, _n in figures["ministries"] for i in ids}
    ministries = list(
        Organisation.objects.filter(pk__in=present)
        .order_by("abbreviation", "name")
        .values("pk", "abbreviation", "name")
    )
    names = {m["pk"]: m["abbreviation"] or m["name"] for m in ministries}
    order = [m["pk"] for m in ministries]
    by_ministry: dict[str, int] = {}
    for ids, n in figures["ministries"]:
        label = JOINT_SEPARATOR.join(names[i] for i in order if i in ids) or UNKNOWN_MINISTRY
        by_ministry[label] = by_ministry.get(label, 0) + n
    by_ministry = dict(
        sorted(
            by_ministry.items(), key=lambda item: _ministry_sort_key(item[0], list(names.values()))
        )
    )
    branches = list(AdministrativeBranch.objects.order_by("order"))
    combinations: dict[tuple, int] = {}
    for ids, n in figures["branches"]:
        if ids:
            flags = tuple(b.pk in ids for b in branches)
            combinations[flags] = combinations.get(flags, 0) + n
    sectors = _sector_figures(
        dict(figures["sectors"]), branches, combinations, counts["entities"], language
    )
    return {
        "counts": counts,
        "apps": apps,
        "partners": partners,
        "by_ministry": by_ministry,
        "sectors": sectors,
    }


def illustrative_note(count: int) -> str:
    """Said on every output that counts illustrative records, so none passes for a fact."""
    if not count:
        return ""
    return ngettext(
        "Valinnassa on %(n)s havainnollistava hankekokonaisuus, joka täydentää asiakirjan "
        "lukumäärät; se ei ole asiakirjasta peräisin oleva tosiasia.",
        "Valinnassa on %(n)s havainnollistavaa hankekokonaisuutta, jotka täydentävät asiakirjan "
        "lukumäärät; ne eivät ole asiakirjasta peräisin olevia tosiasioita.",
        count,
    ) % {"n": count}


REGION_KEY = Coalesce("organisation__region_id", "organisation__parent__region_id")


def _applications(applications) -> dict:
    """One grouped scan of the applications gives counts, sums, regions and types.

    Grouping by organisation (thousands of rows at most, never one per project) avoids a
    COUNT(DISTINCT) sort; regions and types are then summed from the organisation rows.
    """
    both_known = Q(total_cost__isnull=False, support__isnull=False)
    rows = list(
        applications.order_by()
        .values("organisation_id")
        .annotate(
            # one value per organisation; Max only lets the database group by the id alone
            region_key=Max(REGION_KEY),
            kind=Max("organisation__organisation_type"),
            n=Count("pk"),
            total_unknown=Count("pk", filter=Q(total_cost__isnull=True)),
            rate_support=Sum("support", filter=both_known),
            rate_total=Sum("total_cost", filter=both_known),
            **{name: Sum(name) for name in MONEY_FIELDS},
        )
    )

    def total(key):
        return sum((r[key] or 0 for r in rows), Decimal("0"))

    financing = {name: total(name).quantize(CENT) for name in MONEY_FIELDS}
    financing["support_rate"] = support_rate(total("rate_support"), total("rate_total"))
    financing["applications_without_total"] = int(total("total_unknown"))
    by_region: dict = {}
    by_type: dict = {}
    for r in rows:
        by_region[r["region_key"]] = by_region.get(r["region_key"], 0) + r["n"]
        by_type[r["kind"]] = by_type.get(r["kind"], 0) + r["n"]
    return {
        "implementers": sum(r["n"] for r in rows),
        "organisations": len(rows),
        "financing": financing,
        "by_region": by_region,
        "by_type": by_type,
    }


def _partners(partners) -> dict:
    rows = list(
        partners.order_by()
        .annotate(region_key=REGION_KEY)
        .values("region_key")
        .annotate(n=Count("pk"), organisations=Count("organisation", distinct=True))
    )
    return {
        "partners": sum(r["n"] for r in rows),
        "organisations": sum(r["organisations"] for r in rows),
        "by_region": {r["region_key"]: r["n"] for r in rows},
    }


def _by_ministry(ids, entity_count: int) -> dict[str, int]:
    """Entities by the combination of ministries whose authorisation funds them."""
    through = ProjectEntity.funding_ministries.through
    links = through.objects.filter(projectentity_id__in=ids)
    ministries = list(
        Organisation.objects.filter(pk__in=links.values("organisation_id"))
        .order_by("abbreviation", "name")
        .values("pk", "abbreviation", "name")
    )
    names = [m["abbreviation"] or m["name"] for m in ministries]
    combinations = count_combinations(
        links, "projectentity_id", "organisation_id", [m["pk"] for m in ministries]
    )
    result: dict[str, int] = {}
    for flags, n in combinations.items():
        label = JOINT_SEPARATOR.join(name for name, on in zip(names, flags, strict=True) if on)
        result[label] = result.get(label, 0) + n
    without = entity_count - sum(combinations.values())
    if without:
        result[UNKNOWN_MINISTRY] = without
    return dict(sorted(result.items(), key=lambda item: _ministry_sort_key(item[0], names)))


def _ministry_sort_key(label: str, order: list[str]) -> tuple:
    parts = label.split(JOINT_SEPARATOR)
    if label == UNKNOWN_MINISTRY:
        return (99, [])
    return (len(parts), [order.index(p) if p in order else 99 for p in parts])


def _sectors(ids, entity_count: int, language: str) -> dict:
    through = ProjectEntity.sectors.through
    links = through.objects.filter(projectentity_id__in=ids)
    per_sector = dict(
        links.order_by()
        .values("sector_id")
        .annotate(n=Count("projectentity_id"))
        .values_list("sector_id", "n")
    )
    branches = list(AdministrativeBranch.objects.order_by("order"))
    combinations = count_combinations(
        links, "projectentity_id", "sector__branch_id", [b.pk for b in branches]
    )
    return _sector_figures(per_sector, branches, combinations, entity_count, language)


def _sector_figures(per_sector, branches, combinations, entity_count: int, language: str) -> dict:
    def entities_where(test) -> int:
        return sum(n for flags, n in combinations.items() if test(flags))

    social = [i for i, b in enumerate(branches) if b.is_social_and_health]
    any_sector = entities_where(any)
    involved = entities_where(lambda flags: any(flags[i] for i in social))
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
            "entities": entities_where(lambda flags, i=index: flags[i]),
        }
        for index, b in enumerate(branches)
    ]
    return {
        "by_sector": by_sector,
        "by_branch": by_branch,
        "social_and_health": {
            "involved": involved,
            "not_involved": any_sector - involved,
            "sectors_unknown": entity_count - any_sector,
        },
    }


def _by_organisation_type(counts: dict) -> list[dict]:
    rows = [
        {"type": code, "label": str(label), "implementers": counts.get(code, 0)}
        for code, label in OrganisationType.choices
    ]
    rows.sort(key=lambda r: -r["implementers"])  # stable: ties keep the choices' order
    return [r for r in rows if r["implementers"]] + [r for r in rows if not r["implementers"]]


def _by_region(implementers: dict, partner_counts: dict, language: str) -> tuple[list, dict]:
    """All 23 regions, zeros included, plus the implementers and partners whose organisation
    has no region: those are shown as "alue ei tiedossa", never dropped silently."""
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
