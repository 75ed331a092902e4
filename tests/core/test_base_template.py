"""What every page shares: a title with its separator, a language menu a person can use with a
keyboard and a screen reader, and the way to skip to the content."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.pages import html

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_finnish():
    yield
    translation.activate("fi")


def test_the_browser_title_separates_the_page_from_the_service(client):
    page = html(client.get(reverse("projects:list")))
    assert "<title>Hankkeet – Hankesalkku</title>" in page


def test_a_page_without_a_title_is_just_the_service(client):
    from django.template.loader import render_to_string

    rendered = render_to_string("core/base.html")
    assert "<title>Hankesalkku</title>" in rendered


def test_the_language_menu_changes_only_with_its_button_and_names_each_language_in_itself(
    client,
):
    for language in ("fi", "sv", "en"):
        client.post(reverse("set_language"), {"language": language, "next": "/"})
        page = html(client.get(reverse("projects:list")))
        assert "data-submit-on-change" not in page
        assert '<option value="fi" lang="fi"' in page and ">suomi</option>" in page
        assert ">svenska</option>" in page and ">English</option>" in page
    assert '<button type="submit" class="secondary small-button">Change language</button>' in page


def test_a_skip_link_leads_to_the_main_landmark(client):
    page = html(client.get(reverse("site:home")))
    assert '<a class="skip-link" href="#main">' in page and '<main id="main"' in page
    assert "<header" in page and "<footer" in page and "<nav" in page


def test_messages_stay_a_list_inside_their_live_region(client):
    page = html(client.get(reverse("projects:list"), {"haku": "ei-ole"}))
    assert '<ul class="messages" role=' not in page


def test_a_source_links_spoken_name_begins_with_its_visible_word(demo, client):
    """WCAG 2.5.3: the "lähde" link is read as "lähde: <document>", not a different name."""
    for page in (
        reverse("site:home"),
        reverse("insights:overview") + "?theme=lasten-nuorten-ja-perheiden-palvelut",
    ):
        text = html(client.get(page))
        assert 'class="source-link"' in text
        assert 'aria-label="Lähde:' not in text
