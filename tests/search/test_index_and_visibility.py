"""The index follows the records as people change them, and shows each person only what they
may see; nothing a person types makes the search fail."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.urls import reverse

from hankesalkku.core.services import system_actor
from hankesalkku.organisations.models import Organisation
from hankesalkku.projects.services import (
    application_create,
    project_entity_create,
    project_entity_delete,
    project_entity_update,
)
from hankesalkku.search.query import search
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def titles(user, query):
    return [h.entry.title for h in search(user, query).hits]


@pytest.fixture
def actor():
    return system_actor("hankesalkku-testi")


@pytest.fixture
def draft(actor):
    """A draft of an organisation made through the services (which index it)."""
    from hankesalkku.organisations.services import organisation_create

    organisation = organisation_create(
        actor=actor, name="Luonnoskylän kunta", slug="luonnoskyla", organisation_type="municipality"
    )
    entity = project_entity_create(
        actor=actor, name="Salainen kirjastohanke", slug="salainen", kind="single"
    )
    application_create(
        actor=actor, entity=entity, organisation=organisation, role="main_implementer"
    )
    return entity


def test_a_draft_is_found_only_by_its_organisations_people(draft, actor):
    from hankesalkku.accounts.services import role_assignment_grant

    assert titles(AnonymousUser(), "kirjastohankkeita") == []
    preparer = UserFactory()
    role_assignment_grant(
        actor=actor,
        user=preparer,
        role="preparer",
        organisation=Organisation.objects.get(slug="luonnoskyla"),
    )
    assert titles(preparer, "kirjastohankkeita") == ["Salainen kirjastohanke"]
    assert titles(UserFactory.staff(), "kirjastohankkeessa") == ["Salainen kirjastohanke"]


def test_a_renamed_project_is_found_by_its_new_name_and_a_deleted_one_not_at_all(draft, actor):
    project_entity_update(actor=actor, entity=draft, name="Julkinen musiikkihanke")
    admin = UserFactory.staff()
    assert titles(admin, "musiikkihankkeille") == ["Julkinen musiikkihanke"]
    assert titles(admin, "kirjastoa") == []
    for application in draft.applications.all():
        from hankesalkku.projects.services import application_delete

        application_delete(actor=actor, application=application)
    project_entity_delete(actor=actor, entity=draft)
    assert titles(admin, "musiikkihanke") == []


def test_renaming_an_implementer_reindexes_its_projects(draft, actor):
    from hankesalkku.organisations.services import organisation_update

    organisation = Organisation.objects.get(slug="luonnoskyla")
    organisation_update(actor=actor, organisation=organisation, name="Uusikylän kunta")
    assert set(titles(UserFactory.staff(), "Uusikylän")) == {
        "Uusikylän kunta",
        "Salainen kirjastohanke",
    }


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "!!! ??? ... ,,,",
        '"',
        '"unclosed OR (',
        "NEAR(a b) * ^ - + : AND OR NOT",
        "'; DROP TABLE search_searchentry; --",
        "kulttuuri" * 1200,
        "sana " * 2000,
        "\x00\x01 nolla",
        "ääöå ÅÄÖ 🙂",
        "&amp; <script>alert(1)</script>",
    ],
)
def test_no_input_makes_search_fail(query, client):
    OrganisationFactory(name="Jokin")
    assert search(AnonymousUser(), query).total >= 0
    response = client.get(reverse("search:results"), {"q": query, "sivu": "x9", "vuosi": "-1"})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_a_query_of_only_punctuation_says_there_were_no_words(client):
    response = client.get(reverse("search:results"), {"q": "!?!?"})
    assert "Haussa ei ollut yhtään sanaa" in response.content.decode()


def test_facets_count_each_kind_and_narrow_the_results(draft, actor):
    from hankesalkku.organisations.services import organisation_create

    organisation_create(
        actor=actor, name="Kirjastoseura ry", slug="kirjastoseura", organisation_type="association"
    )
    admin = UserFactory.staff()
    results = search(admin, "kirjasto")
    assert {kind: count for kind, _label, count in results.kinds} == {
        "project": 1,
        "organisation": 1,
    }
    narrowed = search(admin, "kirjasto", kind="organisation")
    assert [h.entry.title for h in narrowed.hits] == ["Kirjastoseura ry"]


def test_the_command_prints_json_as_the_public_sees_it(draft, actor, capsys):
    from hankesalkku.organisations.services import organisation_create

    organisation_create(
        actor=actor, name="Kirjastoseura ry", slug="kirjastoseura", organisation_type="association"
    )
    call_command("search", "kirjastoille", "--json")
    printed = json.loads(capsys.readouterr().out)
    assert [hit["title"] for hit in printed["hits"]] == ["Kirjastoseura ry"]


def test_rebuilding_the_index_finds_the_same(draft, actor):
    before = titles(UserFactory.staff(), "kirjasto")
    call_command("search", "--rebuild")
    assert titles(UserFactory.staff(), "kirjasto") == before


def test_every_page_has_the_search_box(client):
    response = client.get(reverse("site:home"))
    assert 'role="search"' in response.content.decode()
