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
