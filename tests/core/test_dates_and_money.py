"""Dates and money as each language writes them, everywhere through one filter: Finnish and
Swedish 1.9.2024 and 495 000 €, English 1 Sep 2024 and €495,000 — never ISO or American."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from hankesalkku.core.dates import format_date
from hankesalkku.core.money import format_eur, format_rate


@pytest.fixture(autouse=True)
def back_to_finnish():
    yield
    translation.activate("fi")


@pytest.mark.parametrize(
    ("language", "day", "money", "ceiling", "rate"),
    [
        ("fi", "1.9.2024", "495\xa0000\xa0€", "enintään 123\xa0750\xa0€", "75\xa0%"),
        ("sv", "1.9.2024", "495\xa0000\xa0€", "högst 123\xa0750\xa0€", "75\xa0%"),
        ("en", "1 Sep 2024", "€495,000", "at most €123,750", "75%"),
    ],
)
def test_each_language_writes_dates_and_money_its_own_way(language, day, money, ceiling, rate):
    with translation.override(language):
        assert format_date(date(2024, 9, 1)) == day
        assert format_date("2024-09-01") == day
        assert format_eur(Decimal("495000")) == money
        assert format_eur(Decimal("123750.00"), "at_most") == ceiling
        assert format_rate(Decimal("0.75")) == rate


def test_cents_are_shown_only_where_there_are_some():
    with translation.override("en"):
        assert format_eur(Decimal("1234.5")) == "€1,234.50"
    assert format_eur(Decimal("1234.5")) == "1\xa0234,50\xa0€"


def test_a_page_in_english_shows_the_period_as_english_dates(demo, client):
    from django.urls import reverse

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(
        reverse("projects:detail", args=["lasten-nuorten-ja-perheiden-palveluiden-kehittaminen"])
    )
    text = page.content.decode()
    assert "09/01/2024" not in text and "2024-09-01" not in text
    assert "1 Sep 2024–31 Aug 2027" in text


def test_nothing_known_is_a_dash():
    assert format_date(None) == "–" and format_eur(None) == "–"
