"""A wrong address or a failure shows the service's own page in the reader's language, not
Django's unstyled English one."""

import pytest
from django.test import Client, override_settings
from django.utils import translation

from tests.pages import html

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_finnish():
    yield
    translation.activate("fi")


def test_a_missing_page_is_styled_and_finnish(client):
    response = client.get("/ei-tallaista-sivua/")
    assert response.status_code == 404
    page = html(response)
    assert "<title>Sivua ei löytynyt – Hankesalkku</title>" in page
    assert "hankesalkku.css" in page and "Etusivulle" in page


def test_a_missing_page_in_english_for_an_english_reader(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = html(client.get("/ei-tallaista-sivua/"))
    assert "Page not found" in page and '<html lang="en">' in page


@override_settings(ROOT_URLCONF="tests.operations.urls_with_error")
def test_a_failure_shows_the_styled_error_page_in_swedish():
    client = Client(raise_request_exception=False)
    client.post("/i18n/setlang/", {"language": "sv", "next": "/"})
    response = client.get("/kaatuu/")
    assert response.status_code == 500
    page = html(response)
    assert "hankesalkku.css" in page and '<html lang="sv">' in page
    assert "Ett fel inträffade i tjänsten" in page


@pytest.mark.parametrize("code", [400, 403])
def test_refusals_have_the_same_look(code):
    from django.template.loader import render_to_string

    page = render_to_string(f"{code}.html")
    assert f"Virhe {code}" in page and "hankesalkku.css" in page


def test_a_missing_page_does_not_repeat_its_address(client):
    page = html(client.get("/hankkeet/salainen-luonnos/"))
    assert "salainen-luonnos" not in page
