"""Formal documents print from HTML templates, in the document's language, with no fetching."""

from io import BytesIO

import pytest
from django.template import Context, Template
from pypdf import PdfReader

from hankesalkku.core.pdf import html_to_pdf, render_pdf


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def _document(body: str) -> str:
    source = '{% extends "core/pdf/base.html" %}{% block body %}' + body + "{% endblock %}"
    return Template(source).render(Context({}))


def test_a_document_prints_finnish_letters_and_the_euro_sign():
    text = _text(html_to_pdf(_document("<h1>Päätös</h1><p>Tuki 123 750,00 € – Åbo</p>")))
    assert "Päätös" in text
    assert "123 750,00 €" in text
    assert "Åbo" in text


def test_a_document_never_fetches_from_the_network():
    html = _document('<img src="http://example.invalid/logo.png" alt="logo"><p>Teksti</p>')
    pdf = html_to_pdf(html)
    assert pdf.startswith(b"%PDF")
    assert "Teksti" in _text(pdf)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_footer_names_the_product_in_every_language(language):
    assert "Hankesalkku" in _text(render_pdf("core/pdf/base.html", {}, language=language))
