"""A finance officer reads the decisions: identifiers as printed, commitments, sources."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hankesalkku.decisions.models import Decision
from hankesalkku.projects.models import ProjectStatus
from tests.factories import DecisionFactory, ProjectEntityFactory
from tests.pages import eur, html, source_urls

pytestmark = pytest.mark.django_db


def test_the_list_shows_helsinkis_decisions_with_section_and_diary_number(demo, client):
    page = html(client.get(reverse("decisions:list")))
    assert "54 §" in page and "HEL 2023-014238" in page
    assert "63 §" in page and "HEL 2024-013129" in page
    assert "Asia 6" in page and "HEL 2023-013557" in page


def test_decision_54_shows_classification_appeal_and_the_commitment_with_its_source(demo, client):
    decision = Decision.objects.get(diary_number="HEL 2023-014238")
    page = html(client.get(reverse("decisions:detail", args=[decision.pk])))
    assert "T 02 05 01 01" in page
    assert "Muutoksenhakukielto" in page and "Kuntalaki 136 §" in page
    assert "14.12.2023" in page and "Strategiajohtaja" in page
    commitment = decision.commitments.get()
    assert eur("123750", "at_most") in page and "1 50 04" in page
    assert all(f'href="{url}"' in page for url in source_urls(commitment, "amount"))


def test_a_draft_linked_to_a_decision_is_not_shown_to_visitors(db, client):
    decision = DecisionFactory()
    decision.project_entities.add(
        ProjectEntityFactory(name="Luonnos X", status=ProjectStatus.PLANNED),
        ProjectEntityFactory.in_status_funded(name="Julkinen Y"),
    )
    page = html(client.get(reverse("decisions:detail", args=[decision.pk])))
    assert "Julkinen Y" in page and "Luonnos X" not in page
    assert "Luonnos X" not in html(client.get(reverse("decisions:list")))


def test_the_list_runs_the_same_queries_for_3_and_30_decisions(
    db, client, django_assert_max_num_queries
):
    def decisions(n):
        for _ in range(n):
            DecisionFactory().project_entities.add(ProjectEntityFactory.in_status_funded())

    decisions(3)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("decisions:list"))
    decisions(27)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("decisions:list"))


def test_an_unknown_decision_is_404(db, client):
    assert client.get("/paatokset/999999/").status_code == 404
