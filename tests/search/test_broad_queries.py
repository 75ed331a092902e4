"""A word that matches more than the engine ranks shows the newest matches first, with counts
said as estimates, on SQLite and on PostgreSQL alike; and who may see is matched with the words,
so no word a project's name holds lets someone find a draft."""

import pytest
from django.contrib.auth.models import AnonymousUser

from hankesalkku.core.services import system_actor
from hankesalkku.organisations.services import organisation_create
from hankesalkku.projects.services import project_entity_create
from hankesalkku.search import engines
from hankesalkku.search.query import search
from hankesalkku.search.services import reindex
from tests.factories import ProjectEntityFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return system_actor("hankesalkku-testi")


@pytest.fixture
def libraries(actor):
    """Four library associations, then four public library projects, in that order."""
    for n in range(4):
        organisation_create(
            actor=actor,
            name=f"Kirjastoseura {n} ry",
            slug=f"kirjastoseura-{n}",
            organisation_type="association",
        )
    for n in range(4):
        entity = ProjectEntityFactory.in_status_funded(
            name=f"Kirjastohanke {n}", call=None, theme=None
        )
        reindex("project", entity.pk)


# PostgreSQL first looks at the newest PG_NEWEST entries to choose how to find the rest; with
# two, the tests take the paths a national index takes (the walk and the GIN index alone).
LOOKS = pytest.mark.parametrize("newest", [engines.PG_NEWEST, 2])


@LOOKS
def test_a_broad_word_shows_the_newest_matches_and_says_its_counts_are_estimates(
    libraries, monkeypatch, newest
):
    monkeypatch.setattr(engines, "RANKED", 3)
    monkeypatch.setattr(engines, "PG_NEWEST", newest)
    results = search(AnonymousUser(), "kirjasto")
    assert results.estimated
    assert [h.entry.title for h in results.hits] == [
        "Kirjastohanke 3",
        "Kirjastohanke 2",
        "Kirjastohanke 1",
    ]
    assert results.total >= 3


@LOOKS
def test_narrowing_a_broad_word_by_kind_finds_that_kind_newest_first(
    libraries, monkeypatch, newest
):
    monkeypatch.setattr(engines, "RANKED", 3)
    monkeypatch.setattr(engines, "PG_NEWEST", newest)
    results = search(AnonymousUser(), "kirjasto", kind="organisation")
    assert [h.entry.title for h in results.hits] == [
        "Kirjastoseura 3 ry",
        "Kirjastoseura 2 ry",
        "Kirjastoseura 1 ry",
    ]


@LOOKS
def test_a_rare_word_older_than_the_newest_entries_is_found_and_counted_exactly(
    libraries, monkeypatch, newest, actor
):
    monkeypatch.setattr(engines, "PG_NEWEST", newest)
    organisation_create(
        actor=actor, name="Runoyhdistys ry", slug="runoyhdistys", organisation_type="association"
    )
    for n in range(3):
        organisation_create(
            actor=actor, name=f"Kuoro {n} ry", slug=f"kuoro-{n}", organisation_type="association"
        )
    results = search(AnonymousUser(), "runoyhdistykselle")
    assert [h.entry.title for h in results.hits] == ["Runoyhdistys ry"]
    assert results.total == 1 and not results.estimated


def test_a_word_that_names_a_tag_does_not_let_the_public_find_a_draft(actor):
    project_entity_create(actor=actor, name="Public kpublic hanke", slug="luonnos", kind="single")
    assert search(AnonymousUser(), "public").hits == []
    assert search(AnonymousUser(), "kpublic").hits == []
    assert [h.entry.title for h in search(UserFactory.staff(), "public").hits] == [
        "Public kpublic hanke"
    ]


@pytest.mark.parametrize("query", ["²", "h₂o", "x½y"])
def test_a_word_the_database_would_parse_differently_finds_only_what_holds_it(
    libraries, query, actor
):
    assert search(AnonymousUser(), query).hits == []
    organisation_create(
        actor=actor, name=f"Yhdistys {query} ry", slug="erikoinen", organisation_type="association"
    )
    assert [h.entry.title for h in search(AnonymousUser(), query).hits] == [f"Yhdistys {query} ry"]
