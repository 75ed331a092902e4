"""Words that live in records, not templates, are read in the reader's language too.

Found in the first hour: on the Swedish call page the note "Hakemusten arviointi käynnissä…"
and the budget item "Yksikön talousarvio" stayed Finnish.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from hankesalkku.programmes.models import FigureMetric, ReportedFigure
from tests.factories import BudgetItemFactory, CallFactory
from tests.pages import html

pytestmark = pytest.mark.django_db


def test_a_reported_figures_note_is_shown_in_swedish_on_the_call_page(client):
    call = CallFactory()
    ReportedFigure.objects.create(
        call=call,
        metric=FigureMetric.choices[0][0],
        value=32,
        note="Hakemusten arviointi käynnissä.",
        note_sv="Bedömningen av ansökningarna pågår.",
    )
    client.post(reverse("set_language"), {"language": "sv", "next": "/"})
    page = html(client.get(reverse("programmes:call_detail", args=[call.slug])))
    assert "Bedömningen av ansökningarna pågår." in page
    assert "Hakemusten arviointi käynnissä." not in page


def test_a_note_without_a_translation_falls_back_to_finnish():
    figure = ReportedFigure(metric=FigureMetric.choices[0][0], value=1, note="Vain suomeksi.")
    with translation.override("en"):
        assert figure.display_note == "Vain suomeksi."


def test_a_budget_item_is_named_in_english_where_a_translation_is_recorded():
    item = BudgetItemFactory(code="", name="Yksikön talousarvio", name_en="The unit's budget")
    with translation.override("en"):
        assert str(item) == "The unit's budget"
    with translation.override("fi"):
        assert str(item) == "Yksikön talousarvio"
