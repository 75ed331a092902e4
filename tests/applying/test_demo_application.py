"""The demo holds one illustrative draft group application in progress, computed as the page would."""

from decimal import Decimal

import pytest

from hankesalkku.projects.models import ProjectEntity

pytestmark = pytest.mark.django_db


def test_demo_has_an_illustrative_draft_of_helsinki_and_forum_virium(demo):
    entity = ProjectEntity.objects.get(acronym="KODA")
    assert entity.is_illustrative and entity.status == "planned"
    lead, part = entity.applications.order_by("role")  # co_implementer, main_implementer
    lead, part = (part, lead) if lead.role == "co_implementer" else (lead, part)
    assert lead.total_cost == Decimal("140000.00")  # 100 000 + 40 % flat rate
    assert part.total_cost == Decimal("22497.60")  # 45 000 / 1 720 h × 860 h
    assert {a.status for a in entity.applications.all()} == {"draft"}


def test_the_seed_projects_parts_appear_as_they_were_applied_for(demo):
    from hankesalkku.applying.models import SubmittedVersion

    oulu_led = SubmittedVersion.objects.get(
        application__entity__slug="lasten-nuorten-ja-perheiden-palveluiden-kehittaminen",
        application__organisation__slug="helsingin-kaupunki",
    )
    assert oulu_led.figures["financing"]["total_cost"] == "495000.00"
    assert oulu_led.figures["financing"]["support"] == "371250.00"
    assert oulu_led.figures["qualifiers"]["own_financing"] == "at_most"  # enintään 123 750 €
    assert "HEL 2023-014238" in oulu_led.figures["source"]
    fvh = SubmittedVersion.objects.get(
        application__entity__slug="hot", application__organisation__slug="forum-virium-helsinki"
    )
    assert fvh.figures["financing"]["municipal_financing"] == "73250.00"
    assert fvh.figures["qualifiers"]["municipal_financing"] == "at_most"
    assert fvh.figures["municipal_financing_payer"] == "Helsingin kaupunki"
    assert fvh.figures["municipal_financing_budget_item"].startswith("1 50 04")
    assert fvh.figures["municipal_commitment"]["amount"] == "73250.00"  # the 63 § commitment
    helsinki_hot = SubmittedVersion.objects.get(
        application__entity__slug="hot", application__organisation__slug="helsingin-kaupunki"
    )
    assert helsinki_hot.figures["qualifiers"]["total_cost"] == "about"  # arviolta 250 000 €
    draft = ProjectEntity.objects.get(acronym="KODA")
    assert draft.applications.get(role="main_implementer").attachments.get().kind == "text"
