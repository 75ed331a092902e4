"""The home page shows the coordination's 12 entities, the overview counts 13: both pages say
why, so a reader comparing them is not left to guess."""

import pytest
from django.urls import reverse

from tests.pages import html

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["site:home", "insights:overview"])
def test_the_page_says_why_counted_and_reported_figures_differ(demo, client, page):
    text = " ".join(html(client.get(reverse(page))).split())
    assert "koordinaatiohanke itse on kirjattu hankekokonaisuudeksi" in text
    assert "yksi hanke enemmän" in text
