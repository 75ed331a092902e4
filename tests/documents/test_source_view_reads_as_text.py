"""A reader follows a "lähde" link and reads the decision as text: no markdown marks, the
file's real name, and the way back to the record the figure belongs to."""

import pytest
from django.urls import reverse

from hankesalkku.sources.models import SourceReference
from hankesalkku.sources.plain import plain_parts, without_markdown
from tests.pages import html

pytestmark = pytest.mark.django_db


def test_markdown_marks_are_taken_out_and_the_quote_keeps_its_place():
    text = "## 54 §\n\n#### Päätös\n\nStrategiajohtaja päätti **hyväksyä** osallistumisen.\n"
    start = text.index("päätti")
    parts = plain_parts(text[:start], text[start : start + 6], text[start + 6 :])
    assert parts["before"] == "54 §\n\nPäätös\n\nStrategiajohtaja "
    assert parts["quote"] == "päätti"
    assert parts["after"] == " hyväksyä osallistumisen.\n"
    assert without_markdown("a # b", at_line_start=False) == "a # b"


def test_the_source_page_of_the_54_decision(demo, client):
    reference = (
        SourceReference.objects.filter(document__filename__contains="2023-12-14-54")
        .exclude(document__text="")
        .first()
    )
    if reference is None:
        pytest.skip("the seed documents are not beside this checkout")
    page = html(client.get(reverse("sources:source", args=[reference.pk])))
    assert "####" not in page and "**" not in page
    assert "helsinki-strategiajohtaja-2023-12-14-54.txt" in page
    assert "a6bd82147b81048b" not in page
    assert reference.target.get_absolute_url() in page
