"""A visitor reads a project's page: every euro per implementer, each with the way to its source."""

import pytest
from django.urls import reverse

from hankesalkku.projects.models import ProjectEntity
from tests.pages import eur, html, source_urls

pytestmark = pytest.mark.django_db


def test_visitor_opens_hot_and_sees_helsinkis_part_with_its_sources(demo, client):
    hot = ProjectEntity.objects.get(acronym="HOT")
    response = client.get(reverse("projects:detail", args=[hot.slug]))
    page = html(response)
    assert response.status_code == 200
    helsinki = hot.applications.get(organisation__slug="helsingin-kaupunki")
    forum_virium = hot.applications.get(organisation__name="Forum Virium Helsinki Oy")
    assert eur("550000", "about") in page
    assert eur("412500") in page
    assert eur("250000", "about") in page
    assert eur("187500", helsinki.support_qualifier) in page
    assert eur("62500", helsinki.own_financing_qualifier) in page
    assert eur("50000") in page and eur("12500") in page
    assert eur("73250", "at_most") in page and "1 50 04" in page
    assert "2025–2027" in page
    for obj, field in [
        (helsinki, "total_cost"),
        (helsinki, "support"),
        (forum_virium, "municipal_financing"),
        (hot, "total_cost"),
    ]:
        urls = source_urls(obj, field)
        assert urls, f"{field} of {obj} has no source in the demo"
        assert all(f'href="{url}"' in page for url in urls)


def test_helsinkis_part_of_the_families_project_adds_up_to_75_percent(demo, client):
    entity = ProjectEntity.objects.get(slug="lasten-nuorten-ja-perheiden-palveluiden-kehittaminen")
    page = html(client.get(reverse("projects:detail", args=[entity.slug])))
    assert eur("495000") in page
    assert eur("371250") in page
    assert eur("123750", "at_most") in page
    assert "75\u00a0%" in page
    assert "1.9.2024–31.8.2027" in page
    assert "Oulun kaupunki" in page and "pääkoordinaattori" in page
    assert "Lasten ja nuorten taidekeskus Annantalo" in page
    assert eur("999990", "at_most") in page
    assert "Hämeen ELY-keskus" in page


def test_the_status_shows_only_the_steps_the_rules_allow(demo, client):
    hot = ProjectEntity.objects.get(acronym="HOT")
    page = html(client.get(reverse("projects:detail", args=[hot.slug])))
    assert hot.get_status_display() in page
    assert "Seuraavat sallitut vaiheet: arvioinnissa, hylätty, peruttu" in page


def test_an_illustrative_project_carries_the_badge(demo, client):
    entity = ProjectEntity.objects.filter(is_illustrative=True).first()
    page = html(client.get(reverse("projects:detail", args=[entity.slug])))
    assert 'class="badge illustrative"' in page


def test_a_project_that_does_not_exist_is_404(db, client):
    assert client.get("/hankkeet/ei-ole-olemassa/").status_code == 404
