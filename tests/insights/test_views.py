"""Anyone can open the overview (public data) and download it; spending is for staff."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("insights:overview")


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"theme": "lasten-nuorten-ja-perheiden-palvelut"},
        {"ministry": "STM", "status": "kaikki"},
        {"region": "keski-suomi", "sector": "perusopetus"},
        {"organisation_type": "association", "call": "haku-2024-stm"},
        {"region": "ahvenanmaa"},
    ],
)
def test_the_page_renders_for_several_selections(demo, client, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg" in body and "<title" in body and "Kaavion tiedot taulukkona" in body
    assert reverse("insights:export", args=["pptx"]) in body


def test_the_theme_page_shows_the_seed_figures_and_sources(demo, client):
    body = client.get(URL, {"theme": "lasten-nuorten-ja-perheiden-palvelut"}).content.decode()
    assert "Raportoidut ja kirjatut luvut" in body
    assert "Kanta-Hämettä ja Ahvenanmaata lukuun ottamatta" in body
    assert 'class="source-link"' in body
    assert "/yleiskuva/vienti/xlsx/?theme=lasten-nuorten-ja-perheiden-palvelut" in body


def test_a_bad_selector_is_explained_and_ignored_as_on_every_list(demo, client):
    response = client.get(
        URL, {"sector": "Opiskeluhuolto", "region": "Atlantis", "ministry": "OKM"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Toimiala: ”Opiskeluhuolto” on moniselitteinen" in body
    assert "Alue: ”Atlantis” ei vastaa mitään. Suodatin ohitettiin." in body
    assert "<strong>Ministeriö:</strong> OKM" in body


def test_the_filter_form_answers_htmx_with_the_results_only(demo, client):
    response = client.get(
        URL, {"ministry": "okm"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="overview-results"
    )
    body = response.content.decode()
    assert body.startswith('<div id="overview-results">')
    assert "<html" not in body


def test_the_page_takes_a_fixed_number_of_queries(demo, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        client.get(URL, {"theme": "lasten-nuorten-ja-perheiden-palvelut"})


def test_exports_download_with_their_content_types(demo, client):
    for fmt, kind in (
        ("json", "application/json"),
        ("pdf", "application/pdf"),
        ("xlsx", "spreadsheetml"),
        ("pptx", "presentationml"),
    ):
        response = client.get(reverse("insights:export", args=[fmt]), {"ministry": "OKM"})
        assert response.status_code == 200
        assert kind in response["Content-Type"]
    bad = client.get(reverse("insights:export", args=["docx"]))
    assert bad.status_code == 400


def test_a_chart_downloads_as_svg(demo, client):
    response = client.get(reverse("insights:chart", args=["map"]), {"svg": "1"})
    assert response["Content-Type"].startswith("image/svg+xml")
    assert b"<title" in response.content


def test_anonymous_sees_decided_co_financing_but_not_spending(demo, client):
    url = reverse("insights:organisation", args=["helsingin-kaupunki"])
    body = client.get(url).content.decode()
    assert "enintään 123\u00a0750\u00a0€" in body
    assert "1 50 04" in body
    assert "Avoinna" not in body
    assert "näkyvät vain organisaation talousvastaaville ja ylläpitäjille" in body


def test_staff_see_spent_and_open_amounts(demo, client):
    client.force_login(UserFactory.staff())
    body = client.get(reverse("insights:organisation", args=["helsingin-kaupunki"])).content
    assert "Avoinna" in body.decode()
    assert "Hankekustannusten varaukset" in body.decode()
