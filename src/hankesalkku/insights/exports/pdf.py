"""The overview as a printable A4 PDF, with the same SVG charts as the page.

Printed like every formal document: a Django template (`insights/pdf/overview.html`, extending
`core/pdf/base.html`) rendered in the language the export was asked in and printed by WeasyPrint
through `core.pdf`. One print stylesheet and the system's fonts mean the euro sign, dashes and
Finnish and Swedish letters print as typed, and the charts go in as the page's own inline SVG,
so the printout cannot draw a figure the page does not.

This module only gathers what the page shows into rows of printed text; the template lays it out.
"""

from __future__ import annotations

from datetime import date

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from hankesalkku.core.money import format_eur, format_rate
from hankesalkku.core.pdf import render_pdf as print_template

from ..figures import FINANCING_PARTS, chart_specs, financing_labels, key_sentences
from . import results
from .xlsx import step_names

TEMPLATE = "insights/pdf/overview.html"
# The print stylesheet's font, so the chart labels match the text around them; the widths the
# charts reserve for labels are estimated generously enough for DejaVu Sans.
PDF_FONT = "DejaVu Sans, sans-serif"
# A printout is for reading; the whole list is in the XLSX export.
MAX_PROJECT_ROWS = 200
BAR_CHARTS = ("ministries", "sectors", "organisation_types")


def render_pdf(data) -> bytes:
    """The PDF of one export (`data` from `exports.collect`), in the export's language."""
    return print_template(TEMPLATE, pdf_context(data), language=data.language)


def pdf_context(data) -> dict:
    """Everything the template prints, as text already formatted for the reader."""
    o = data.overview
    stamp = date.fromisoformat(o["generated"]).strftime("%-d.%-m.%Y")
    scope = (
        _("Rahoitetut hankekokonaisuudet (valittu, käynnissä, päättynyt).")
        if o["counts_funded_only"]
        else ""
    )
    # Outside the f-string, where makemessages finds it (inside, it printed in Finnish).
    as_of = _("Tilanne %(date)s.") % {"date": stamp}
    specs = {spec.key: spec for spec in chart_specs(o)}
    charts = [
        {
            "title": specs[key].title,
            "summary": specs[key].summary,
            "svg": _svg(specs[key]) if specs[key].groups else "",
        }
        for key in BAR_CHARTS
    ]
    region = specs["map"]
    projects, capped = _projects(data)
    return {
        "title": _("Yleiskuva hankkeista"),
        "footer": _("Hankesalkku · yleiskuva %(date)s") % {"date": stamp},
        "selection": [f"{item['field']}: {item['value']}" for item in o["selection"]],
        "scope": f"{scope} {as_of}".strip(),
        "illustrative_note": o["illustrative_note"],
        "key_boxes": [
            (o["entities"], _("hankekokonaisuutta")),
            (f"{o['entities_single']}+{o['entities_group']}", _("yksin + ryhmänä")),
            (o["implementers"], _("hanketoteuttajaa")),
            (o["partners"], _("yhteistyökumppania")),
        ],
        "sentences": list(key_sentences(o).values()),
        "charts": charts,
        "map": {
            "title": region.title,
            "summary": region.summary,
            "svg": _svg(region),
            "columns": region.columns,
            "rows": region.rows,
        },
        "financing": _financing(o),
        "funnel": _funnel(data) if data.funnel else [],
        "results": results.pdf_rows(data.results or []),
        "projects": projects,
        "projects_capped": capped,
        "max_project_rows": MAX_PROJECT_ROWS,
        "sources": _sources(data),
    }


def _svg(spec) -> str:
    # The markup is built by charts.py, which escapes every text it writes.
    return mark_safe(spec.svg(font_family=PDF_FONT))


def _financing(o) -> list[list[str]]:
    fin = o["financing"]
    labels = financing_labels()
    # A part no project reported sums to nothing, not to a zero the documents never gave:
    # the PDF writes "–" as the site does.
    rows = [
        [labels[k], format_eur(fin[k]) if fin[k] else "–"] for k in ("total_cost", *FINANCING_PARTS)
    ]
    rows.append([labels["support_rate"], format_rate(fin["support_rate"])])
    return rows


def _funnel(data) -> list[list]:
    """Call, step, the figures the documents report and the entities counted, for each step
    that has either; a step with neither would be a row of dashes."""
    names = step_names()
    rows = []
    for call in data.funnel:
        for step in call["steps"]:
            reported = "; ".join(f"{f['value']} {f['label']}" for f in step["reported"])
            counted = step["counted_entities"]
            if reported or counted:
                rows.append(
                    [
                        call["call"],
                        names[step["step"]],
                        reported or "–",
                        "–" if counted is None else counted,
                    ]
                )
    return rows


def _projects(data) -> tuple[list[list], bool]:
    """The first MAX_PROJECT_ROWS project rows and whether more were left out."""
    from .project_rows import project_rows

    rows = []
    for index, row in enumerate(
        project_rows(data.selection, data.language, limit=MAX_PROJECT_ROWS + 1)
    ):
        if index == MAX_PROJECT_ROWS:
            return rows, True
        name = row["name"] + (f" ({row['acronym']})" if row["acronym"] else "")
        rows.append([name, row["ministries"], row["implementers"], format_eur(row["total_cost"])])
    return rows, False


def _sources(data) -> list[tuple[str, list[str]]]:
    """The documents the reported figures come from, each once with its quoted sentences, so a
    printed overview can be checked as the page's "lähde" links let it be."""
    by_document: dict[str, list[str]] = {}
    figures = list(data.reported.values())
    figures += [f for call in data.funnel or () for step in call["steps"] for f in step["reported"]]
    for figure in figures:
        for source in figure.get("sources", ()):
            quotes = by_document.setdefault(source["document"], [])
            if source["quote"] not in quotes:
                quotes.append(source["quote"])
    return list(by_document.items())
