"""A coordinator opens the home page and a call: terms, reported figures and projects, sourced."""

from datetime import date

import pytest
from django.urls import reverse

from hankesalkku.programmes.models import Call, ReportedFigure
from hankesalkku.projects.models import ProjectStatus
from tests.factories import CallFactory, ProjectEntityFactory
from tests.pages import eur, html, source_urls

pytestmark = pytest.mark.django_db

SEED_003_CALLS = [
    (date(2023, 10, 5), date(2023, 12, 4), "9300000", ["OKM", "STM"]),
    (date(2024, 12, 20), date(2025, 2, 28), "7000000", ["STM"]),
    (date(2025, 3, 21), date(2025, 6, 6), "5750000", ["OKM"]),
    (date(2025, 3, 21), date(2025, 4, 21), "2100000", []),
]


def test_the_home_page_shows_the_four_calls_with_dates_ministries_and_budgets(demo, client):
    page = html(client.get(reverse("site:home")))
    for opens, closes, budget, ministries in SEED_003_CALLS:
        call = Call.objects.get(opens=opens, closes=closes)
        assert (
            f"{opens.day}.{opens.month}.{opens.year}–{closes.day}.{closes.month}.{closes.year}"
            in page
        )
        assert eur(budget) in page
        assert sorted(m.abbreviation for m in call.ministries.all()) == ministries
        assert all(f'href="{url}"' in page for url in source_urls(call, "budget"))


def test_the_home_page_shows_the_coordinations_counts_of_seed_002(demo, client):
    page = html(client.get(reverse("site:home")))
    for metric, label, value in [
        ("funded_entities", "", 12),
        ("entities_single", "", 6),
        ("entities_group", "", 6),
        ("implementers", "", 30),
        ("entities_by_ministry", "OKM", 7),
        ("entities_by_ministry", "STM", 3),
        ("entities_by_ministry", "OKM+STM", 2),
    ]:
        figure = ReportedFigure.objects.filter(metric=metric, label=label, value=value).first()
        assert figure is not None, (metric, label)
        assert f"<strong>{value}</strong>" in page
        assert all(f'href="{url}"' in page for url in source_urls(figure, "value"))


def test_the_home_page_shows_helsingin_malli_districts_and_impact_levels(demo, client):
    page = html(client.get(reverse("site:home")))
    for district in ["Malmi", "Kontula", "Meri-Rastila", "Kannelmäki-Malminkartano"]:
        assert district in page
    for level in ["Asukkaat", "Aluetoimijat", "Taidelaitokset"]:
        assert level in page


def test_the_stm_call_page_shows_its_reported_figures_as_reported(demo, client):
    call = Call.objects.get(opens=date(2024, 12, 20))
    response = client.get(reverse("programmes:call_detail", args=[call.slug]))
    page = html(response)
    assert response.status_code == 200
    for value in (66, 32, 6):  # applications, entities, sub-items
        assert f'<td class="num">{value}</td>' in page
    for figure in call.reported_figures.all():
        assert all(f'href="{url}"' in page for url in source_urls(figure, "value"))
    assert "Hämeen ELY-keskus" in page


def test_the_okm_2025_call_page_lists_its_two_strands(demo, client):
    call = Call.objects.get(opens=date(2025, 3, 21), closes=date(2025, 6, 6))
    page = html(client.get(reverse("programmes:call_detail", args=[call.slug])))
    assert call.strands.count() == 2
    assert all(strand.display_name in page for strand in call.strands.all())


def test_the_first_call_page_counts_its_funded_entities_from_records(demo, client):
    call = Call.objects.get(opens=date(2023, 10, 5))
    page = html(client.get(reverse("programmes:call_detail", args=[call.slug])))
    funded = call.project_entities.filter(status__in=ProjectStatus.funded())
    assert f"<dd>{funded.count()}</dd>" in page
    assert all(e.name in page for e in funded)


def test_a_draft_in_a_call_stays_hidden_from_visitors(db, client):
    call = CallFactory()
    ProjectEntityFactory(call=call, name="Salainen luonnos", status=ProjectStatus.PLANNED)
    page = html(client.get(reverse("programmes:call_detail", args=[call.slug])))
    assert "Salainen luonnos" not in page


def test_an_unknown_call_is_404(db, client):
    assert client.get("/haut/ei-tallaista/").status_code == 404
