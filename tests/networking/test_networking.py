"""The coordination looks for projects to introduce to each other: a project's page offers
similar ones (and says why), and a page shows who works on what where, with partners."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from hankesalkku.core.services import system_actor
from hankesalkku.networking.similar import similar_projects
from hankesalkku.projects.models import ProjectEntity
from hankesalkku.projects.services import project_entity_create

pytestmark = pytest.mark.django_db


def test_similar_projects_share_sectors_and_say_so(demo):
    kuka = ProjectEntity.objects.get(slug="esimerkki-kuka")
    found = similar_projects(AnonymousUser(), kuka)
    assert found and all(s.entity != kuka for s in found)
    assert found[0].sectors, "the best match shares a sector"
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_a_project_with_no_shared_classification_still_finds_projects_by_its_words(demo):
    hot = ProjectEntity.objects.get(slug="hot")
    assert [s for s in similar_projects(AnonymousUser(), hot) if s.text > 0]


def test_a_draft_is_never_offered_as_similar_to_the_public(demo):
    kuka = ProjectEntity.objects.get(slug="esimerkki-kuka")
    draft = project_entity_create(
        actor=system_actor("testi"),
        name="Kulttuuria kaikille lapsille luonnos",
        slug="luonnos-kuka",
        kind="single",
        theme=kuka.theme,
        call=kuka.call,
    )
    draft.sectors.set(kuka.sectors.all())
    assert draft not in [s.entity for s in similar_projects(AnonymousUser(), kuka, limit=50)]


def test_the_project_page_loads_the_similar_projects_with_htmx(demo, client):
    page = client.get(reverse("projects:detail", args=["esimerkki-kuka"])).content.decode()
    url = reverse("networking:similar", args=["esimerkki-kuka"])
    assert f'hx-get="{url}"' in page
    partial = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and "Samankaltaiset hankkeet" in partial
    assert client.get(url).status_code == 200  # without htmx: a page of its own


def test_a_drafts_similar_projects_are_not_found_for_the_public(client):
    project_entity_create(actor=system_actor("testi"), name="Luonnos", slug="luo", kind="single")
    assert client.get(reverse("networking:similar", args=["luo"])).status_code == 404


def test_who_works_on_what_by_sector_and_region_with_partners(demo, client):
    page = client.get(reverse("networking:who")).content.decode()
    assert "Harrastusten Suomi ry" in page
    narrowed = client.get(reverse("networking:who"), {"alue": "kainuu"}).content.decode()
    assert "Esimerkkihyvinvointialue Kainuu" in narrowed
    assert "Harrastusten Suomi ry" not in narrowed
    unknown = client.get(reverse("networking:who"), {"toimiala": "ei-ole", "alue": "x" * 500})
    assert unknown.status_code == 200


def test_every_page_leads_to_who_works_on_what(client):
    page = client.get(reverse("site:home")).content.decode()
    assert f'href="{reverse("networking:who")}"' in page
