"""The home page in Finnish first, and a Swedish or English reader switches the language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.factories import CallFactory, ProgrammeFactory, ThemeFactory
from tests.pages import html

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_finnish():
    """A request in Swedish leaves Swedish active in the thread; later tests expect Finnish."""
    yield
    translation.activate("fi")


def test_the_home_page_is_finnish_by_default(demo, client):
    page = html(client.get(reverse("site:home")))
    assert '<html lang="fi">' in page
    assert "Ohjelmat ja haut" in page and "Hakuaika" in page


def test_a_swedish_reader_switches_the_language_and_sees_swedish(demo, client):
    response = client.post(reverse("set_language"), {"language": "sv", "next": "/hankkeet/"})
    assert response.status_code == 302
    page = html(client.get(reverse("projects:list")))
    assert '<html lang="sv">' in page
    assert "Projekt" in page and "Filtrera" in page and "Hanketyyppi" not in page
    home = html(client.get(reverse("site:home")))
    assert "Ansökningstid" in home and "Program och utlysningar" in home


def test_an_english_reader_sees_english_labels_on_a_project(demo, client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = html(client.get(reverse("projects:detail", args=["hot"])))
    assert "Implementers and financing" in page and "source" in page


def test_the_home_page_runs_the_same_queries_for_one_and_many_calls(db, client):
    programme = ProgrammeFactory()
    theme = ThemeFactory(programme=programme)
    CallFactory(programme=programme, theme=theme)
    client.get(reverse("site:home"))  # what is read once per process (content types) is read
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("site:home"))
    for _ in range(10):
        CallFactory(programme=programme, theme=ThemeFactory(programme=programme))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("site:home"))
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_first_visit_is_in_finnish_whatever_the_browser_prefers(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.headers["Content-Language"] == "fi"
