"""The overview as files: PPTX slides, an XLSX workbook, a PDF and JSON.

Each export is a thin layer over `build_overview` (and the funnel), so a file always says what
the page says for the same selection.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.text import slugify

from ..funnel import build_funnel, theme_reported_figures
from ..overview import build_overview
from ..selection import Selection
from .results import result_rows

FORMATS = ("json", "xlsx", "pptx", "pdf")
CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


@dataclass
class ExportFile:
    content: bytes
    content_type: str
    filename: str


@dataclass
class ExportData:
    """Everything an export shows, computed once."""

    selection: Selection
    overview: dict
    funnel: list[dict]
    reported: dict
    language: str
    results: list = None  # the reporting figures (results.result_rows), same selection


def collect(selection: Selection, language: str = "fi") -> ExportData:
    with translation.override(language):
        return ExportData(
            selection=selection,
            overview=build_overview(selection, language),
            funnel=build_funnel(selection, language),
            reported=theme_reported_figures(selection),
            language=language,
            results=result_rows(selection),
        )


def filename_for(selection: Selection, extension: str) -> str:
    params = selection.to_params()
    parts = [
        params[k]
        for k in ("programme", "theme", "call", "ministry", "region", "sector")
        if k in params
    ]
    if "organisation_type" in params:
        parts.append(params["organisation_type"])
    stem = slugify("-".join(parts))[:60] or "kaikki"
    return f"yleiskuva-{stem}-{timezone.localdate().isoformat()}.{extension}"


def export_overview(
    selection: Selection, fmt: str, language: str = "fi", progress=None
) -> ExportFile:
    """The file of one format; `progress(n)` hears of each project row the workbook writes."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    data = collect(selection, language)
    with translation.override(language):
        if fmt == "json":
            from .json_export import render_json

            content = render_json(data)
        elif fmt == "xlsx":
            from .xlsx import render_xlsx

            content = render_xlsx(data, progress=progress)
        elif fmt == "pptx":
            from .pptx import render_pptx

            content = render_pptx(data)
        else:
            from .pdf import render_pdf

            content = render_pdf(data)
    return ExportFile(content, CONTENT_TYPES[fmt], filename_for(selection, fmt))
