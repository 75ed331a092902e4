"""Formal documents as PDF: one HTML template per document, printed by WeasyPrint.

Why one helper: receipts, decisions, claim checks, reports and the impact study are all formal
documents a person may file or forward, so they share one print stylesheet (A4, margins, page
numbers, the fonts installed with the system) and one way of being rendered. A document is an
ordinary Django template that extends `core/pdf/base.html`; it is rendered in the document's
language, not the reader's, because a Swedish-speaking applicant's decision is in Swedish even when
an officer prints it from a Finnish page.

WeasyPrint takes fonts from fontconfig (Debian `fonts-dejavu-core` in CI), so every letter and the
euro sign print as typed; nothing is fetched from the network: a URL fetcher that refuses every
address outside the package keeps a template from reaching out.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation


def render_pdf(
    template_name: str, context: dict[str, Any], *, language: str | None = None
) -> bytes:
    """The PDF bytes of `template_name` rendered with `context` in `language` (default: active)."""
    with translation.override(language or translation.get_language()):
        html = render_to_string(template_name, context)
    return html_to_pdf(html)


def html_to_pdf(html: str) -> bytes:
    """Print an HTML page already rendered; anything it would fetch is left out."""
    # Imported here: pango loads only when a document is printed. An empty list of allowed
    # protocols makes WeasyPrint refuse every URL: formal documents are self-contained.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf()


def pdf_response(content: bytes, *, filename: str, inline: bool = True) -> HttpResponse:
    """An HTTP answer carrying a printed document under a readable file name."""
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
