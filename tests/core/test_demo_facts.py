"""A person who opens the demo finds every fact DOMAIN.md lists for the seeds, each with its source."""

from datetime import date
from decimal import Decimal

import pytest

from hankesalkku.core.money import Qualifier
from hankesalkku.decisions.models import Commitment, Decision
from hankesalkku.organisations.models import District, Organisation
from hankesalkku.programmes.models import Call, FigureMetric, ReportedFigure
from hankesalkku.projects.models import ApplicationRole, ProjectEntity
from hankesalkku.sources.models import SourceReference
from tests.factories import service_actor

pytestmark = pytest.mark.django_db


def refs(obj, field):
    return SourceReference.objects.for_objects([obj]).get((type(obj), obj.pk, field), [])


def test_helsinki_part_of_the_children_and_families_project(demo):
    entity = ProjectEntity.objects.get(slug="lasten-nuorten-ja-perheiden-palveluiden-kehittaminen")
    part = entity.applications.get(organisation__slug="helsingin-kaupunki")
    assert part.total_cost == Decimal("495000.00")
    assert part.support == Decimal("371250.00")
    assert part.own_financing == Decimal("123750.00")
    assert part.own_financing_qualifier == Qualifier.AT_MOST
    assert part.support_rate == Decimal("0.7500")
    assert part.unit.name == "Lasten ja nuorten taidekeskus Annantalo"
    assert (entity.starts, entity.ends) == (date(2024, 9, 1), date(2027, 8, 31))
    assert entity.max_total_cost == Decimal("999990.00")
    lead = entity.applications.get(role=ApplicationRole.LEAD_COORDINATOR)
    assert lead.organisation.name == "Oulun kaupunki"
    assert "495 000 euroa" in refs(part, "total_cost")[0].quote
    commitment = Commitment.objects.get(entity=entity)
    assert commitment.budget_item.code == "1 50 04"
    assert commitment.amount == Decimal("123750.00")


def test_hot_group_project_figures(demo):
    hot = ProjectEntity.objects.get(acronym="HOT")
    assert (hot.total_cost, hot.total_cost_qualifier) == (Decimal("550000.00"), Qualifier.ABOUT)
    assert hot.support == Decimal("412500.00")
    helsinki = hot.applications.get(organisation__slug="helsingin-kaupunki")
    assert (helsinki.total_cost, helsinki.support, helsinki.own_financing) == (
        Decimal("250000.00"),
        Decimal("187500.00"),
        Decimal("62500.00"),
    )
    own_parts = sorted(
        c.amount for c in Commitment.objects.filter(entity=hot, purpose="own_financing")
    )
    assert own_parts == [Decimal("12500.00"), Decimal("50000.00")]
    fvh = hot.applications.get(role=ApplicationRole.CO_IMPLEMENTER)
    assert fvh.organisation.name == "Forum Virium Helsinki Oy"
    assert fvh.municipal_financing == Decimal("73250.00")
    assert fvh.municipal_financing_budget_item.code == "1 50 04"
    assert "73 250 euroa" in refs(fvh, "municipal_financing")[0].quote


def test_the_four_calls_of_the_theme(demo):
    calls = Call.objects.filter(theme__isnull=False).order_by("opens", "closes")
    rows = [
        (c.opens, c.closes, c.budget, sorted(m.abbreviation for m in c.ministries.all()))
        for c in calls
    ]
    assert rows == [
        (date(2023, 10, 5), date(2023, 12, 4), Decimal("9300000.00"), ["OKM", "STM"]),
        (date(2024, 12, 20), date(2025, 2, 28), Decimal("7000000.00"), ["STM"]),
        (date(2025, 3, 21), date(2025, 4, 21), Decimal("2100000.00"), []),
        (date(2025, 3, 21), date(2025, 6, 6), Decimal("5750000.00"), ["OKM"]),
    ]
    stm_call = calls.get(opens=date(2024, 12, 20))
    received = {f.metric: f.value for f in stm_call.reported_figures.all()}
    assert received[FigureMetric.APPLICATIONS_RECEIVED] == 66
    assert received[FigureMetric.ENTITIES_RECEIVED] == 32
    assert received[FigureMetric.STRANDS] == 6
    assert calls.get(closes=date(2025, 6, 6)).strands.count() == 2


def test_coordination_counts_are_reported_and_reproduced_by_illustrative_records(demo):
    figures = ReportedFigure.objects.filter(theme__isnull=False)
    assert figures.get(metric=FigureMetric.FUNDED_ENTITIES).value == 12
    assert figures.get(metric=FigureMetric.IMPLEMENTERS).value == 30
    funded = ProjectEntity.objects.funded().filter(theme__isnull=False)
    assert funded.count() == 12
    assert all(entity.is_illustrative for entity in funded)
    assert funded.filter(kind="single").count() == 6
    implementers = Organisation.objects.filter(applications__entity__in=funded).distinct()
    assert implementers.count() == 30
    by_sector = {
        f.sector.slug: f.value for f in figures.filter(metric=FigureMetric.ENTITIES_BY_SECTOR)
    }
    for slug, value in by_sector.items():
        assert funded.filter(sectors__slug=slug).count() == value, slug


def test_target_districts_and_the_agenda_item(demo):
    call = Call.objects.get(slug="helsingin-malli-2025-2027")
    assert sorted(d.name for d in call.target_districts.all()) == [
        "Kannelmäki-Malminkartano",
        "Kontula",
        "Malmi",
        "Meri-Rastila",
    ]
    assert [level.name for level in call.impact_framework.levels.all()] == [
        "Asukkaat",
        "Aluetoimijat",
        "Taidelaitokset",
    ]
    item = Decision.objects.get(diary_number="HEL 2023-013557")
    assert item.section_label.endswith("6")
    # besides the four, the reporting demo's illustrative districts give the city's median
    from hankesalkku.demo.reporting import OTHER_DISTRICTS

    assert District.objects.exclude(slug__in=[slug for slug, _ in OTHER_DISTRICTS]).count() == 4


def test_decisions_keep_their_identifiers(demo):
    decision = Decision.objects.get(diary_number="HEL 2023-014238")
    assert decision.section_label == "54 §"
    assert decision.classification_label == "T 02 05 01 01"
    assert decision.get_appeal_display() == "Muutoksenhakukielto"
    assert decision.appeal_law == "Kuntalaki 136 §"


def test_every_citation_is_found_in_its_document(demo, seeds_dir):
    unplaced = SourceReference.objects.filter(start__isnull=True)
    assert list(unplaced.values_list("quote", flat=True)) == []
    for reference in SourceReference.objects.select_related("document"):
        span = reference.document.text[reference.start : reference.end]
        assert " ".join(span.split()) == " ".join(reference.quote.split())


def test_loading_twice_changes_nothing(demo):
    from hankesalkku.demo.loading import load_demo

    before = ProjectEntity.objects.count()
    assert load_demo(actor=service_actor()).created is False
    assert ProjectEntity.objects.count() == before
