"""After signing in a person lands on the start page, which gathers what waits for them."""

import pytest
from django.urls import reverse

from hankesalkku.core.start import StartPanel
from hankesalkku.site.start import panels_for
from tests.factories import UserFactory
from tests.pages import html

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_apps_with_panels(monkeypatch):
    """Two lifecycle apps offering panels; `order` decides where each stands."""
    monkeypatch.setattr("hankesalkku.site.start.LIFECYCLE_APPS", ("payments", "applying"))
    monkeypatch.setattr(
        "hankesalkku.payments.start.panels",
        lambda user: [StartPanel(title="Tarkastettavat maksatushakemukset", url="/x/", order=30)],
    )
    monkeypatch.setattr(
        "hankesalkku.applying.start.panels",
        lambda user: [StartPanel(title="Luonnokset", url="/y/", order=10)],
    )


def test_a_signed_in_person_sees_every_panel_that_concerns_them_in_order(
    client, two_apps_with_panels
):
    client.force_login(UserFactory())
    page = html(client.get(reverse("site:start")))
    assert page.index("Luonnokset") < page.index("Tarkastettavat maksatushakemukset")
    assert 'hx-get="/y/"' in page


def test_an_app_without_panels_offers_none(monkeypatch):
    monkeypatch.setattr("hankesalkku.site.start.LIFECYCLE_APPS", ("programmes",))
    assert panels_for(UserFactory()) == []


def test_signing_in_leads_to_the_start_page(settings):
    assert reverse(settings.LOGIN_REDIRECT_URL) == reverse("site:start")


def test_the_start_page_asks_a_stranger_to_sign_in(client):
    response = client.get(reverse("site:start"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


PANEL_URLS = (
    "applying:mine",
    "applying:supplements",
    "assessment:waiting",
    "payments:waiting",
    "payments:my_claims",
    "reporting:reports_due",
    "reporting:reports_waiting",
)


@pytest.mark.parametrize("name", PANEL_URLS)
def test_a_panel_has_one_heading_the_start_pages_own(client, name):
    """On the start page the panel's section and heading are the page's; the partial sent for
    it has none of its own (no second heading), and says something even when it is empty.
    Opened elsewhere (the profile page) the same partial keeps its section and heading."""
    client.force_login(UserFactory())
    panel = html(client.get(reverse(name), HTTP_HX_REQUEST="true", HTTP_HX_START_PANEL="true"))
    assert "<h2" not in panel and "<section" not in panel
    assert panel.strip()
    alone = html(client.get(reverse(name), HTTP_HX_REQUEST="true"))
    assert alone.count("<section") == alone.count("</section>")
