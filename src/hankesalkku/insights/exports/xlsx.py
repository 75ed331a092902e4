"""The overview as an Excel workbook: one sheet per breakdown and the project list.

Numbers are stored as numbers (counts as integers, euros as numbers formatted '#,##0.00 €',
the support rate as a fraction formatted as a percentage) so the figures can be summed and
charted further. The workbook is written in openpyxl's streaming mode; the project list is
capped at MAX_PROJECT_ROWS rows and says so in its last row when the cap is hit.
"""

from __future__ import annotations

import io
from datetime import date

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from ..figures import FINANCING_PARTS, financing_labels, ministry_label, social_health_sentence
from . import results
from .project_rows import project_rows

EURO = "#,##0.00 €"
PERCENT = "0.0 %"
MAX_PROJECT_ROWS = 100_000
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)


def _cell(ws, value, *, number_format=None, font=None, wrap=False):
    cell = WriteOnlyCell(ws, value=value)
    if number_format:
        cell.number_format = number_format
    if font:
        cell.font = font
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _sheet(wb, title: str, headers: list[str], widths: list[int]):
    ws = wb.create_sheet(title[:31])
    for index, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + index)].width = width
    ws.freeze_panes = "A2"
    ws.append([_cell(ws, h, font=BOLD) for h in headers])
    return ws


def render_xlsx(data, progress=None) -> bytes:
    o = data.overview
    wb = Workbook(write_only=True)
    _summary_sheet(wb, data)

    ws = _sheet(wb, _("Myöntövaltuus"), [_("Myöntövaltuus"), _("Hankekokonaisuuksia")], [28, 20])
    for label, n in o["by_ministry"].items():
        ws.append([ministry_label(label), n])

    headers = [_("Hallinnonala"), _("Toimiala"), _("Hankekokonaisuuksia")]
    if data.reported:
        headers.append(_("Raportoitu"))
    ws = _sheet(wb, _("Toimialat"), headers, [30, 36, 20, 14])
    for row in o["by_sector"]:
        values = [row["branch"], row["sector"], row["entities"]]
        if data.reported:
            reported = data.reported.get(f"by_sector:{row['sector_slug']}")
            values.append(reported["value"] if reported else None)
        ws.append(values)

    ws = _sheet(wb, _("Hallinnonalat"), [_("Hallinnonala"), _("Hankekokonaisuuksia")], [34, 20])
    for row in o["by_branch"]:
        ws.append([row["branch"], row["entities"]])
    ws.append([])
    ws.append([_cell(ws, social_health_sentence(o), font=BOLD)])

    ws = _sheet(wb, _("Organisaatiotyypit"), [_("Organisaatiotyyppi"), _("Toteuttajia")], [36, 14])
    for row in o["by_organisation_type"]:
        ws.append([row["label"], row["implementers"]])

    ws = _sheet(
        wb,
        _("Alueet"),
        [_("Alue"), _("Lyhyt nimi"), _("Toteuttajia"), _("Yhteistyökumppaneita"), _("Yhteensä")],
        [40, 20, 14, 22, 12],
    )
    for row in o["by_region"]:
        ws.append(
            [
                row["region"],
                row["short_name"],
                row["implementers"],
                row["partners"],
                row["implementers"] + row["partners"],
            ]
        )
    unknown = o["region_unknown"]
    if unknown["implementers"] or unknown["partners"]:
        ws.append(
            [
                _("alue ei tiedossa"),
                "",
                unknown["implementers"],
                unknown["partners"],
                unknown["implementers"] + unknown["partners"],
            ]
        )
    ws.append([])
    ws.append([_cell(ws, o["regions_sentence"], font=BOLD)])

    ws = _sheet(wb, _("Rahoitus"), [_("Rahoitus"), _("Euroa")], [32, 20])
    labels = financing_labels()
    for key in ("total_cost", *FINANCING_PARTS):
        ws.append([labels[key], _cell(ws, o["financing"][key], number_format=EURO)])
    ws.append(
        [labels["support_rate"], _cell(ws, o["financing"]["support_rate"], number_format=PERCENT)]
    )

    _funnel_sheet(wb, data)
    if data.results:
        results.xlsx_sheet(wb, data.results, _sheet)
    _projects_sheet(wb, data, progress)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _summary_sheet(wb, data) -> None:
    o = data.overview
    ws = wb.create_sheet(_("Yhteenveto"))
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 70
    ws.append([_cell(ws, _("Yleiskuva hankkeista"), font=TITLE)])
    ws.append(
        [_("Tilanne"), _cell(ws, date.fromisoformat(o["generated"]), number_format="d.m.yyyy")]
    )
    for item in o["selection"]:
        ws.append([item["field"], item["value"]])
    if o["counts_funded_only"]:
        ws.append([_("Tila"), _("rahoitetut (valittu, käynnissä, päättynyt)")])
    ws.append([])
    rows = [
        (_("Hankekokonaisuuksia"), o["entities"], "entities"),
        (_("Yhden toteuttajan hankkeita"), o["entities_single"], "entities_single"),
        (_("Ryhmähankkeita"), o["entities_group"], "entities_group"),
        (_("Hanketoteuttajia (hakemuksia)"), o["implementers"], "implementers"),
        (_("Eri toteuttajaorganisaatioita"), o["implementer_organisations"], None),
        (_("Yhteistyökumppaneita"), o["partners"], None),
    ]
    header = [_cell(ws, _("Luku"), font=BOLD), _cell(ws, _("Kirjattu"), font=BOLD)]
    if data.reported:
        header.append(_cell(ws, _("Raportoitu"), font=BOLD))
    ws.append(header)
    for label, value, key in rows:
        line = [label, value]
        if data.reported and key in data.reported:
            line.append(data.reported[key]["value"])
        ws.append(line)
    for label, n in o["by_ministry"].items():
        line = [_("Myöntövaltuus: %(m)s") % {"m": ministry_label(label)}, n]
        if data.reported and f"by_ministry:{label}" in data.reported:
            line.append(data.reported[f"by_ministry:{label}"]["value"])
        ws.append(line)
    ws.append([])
    ws.append([_cell(ws, social_health_sentence(o), wrap=True)])
    ws.append([_cell(ws, o["regions_sentence"], wrap=True)])


def _funnel_sheet(wb, data) -> None:
    ws = _sheet(
        wb,
        _("Hakusuppilo"),
        [
            _("Haku"),
            _("Vaihe"),
            _("Raportoitu luku"),
            _("Raportoitu"),
            _("Tilanne"),
            _("Lähde"),
            _("Kirjattu: hankekokonaisuuksia"),
            _("Kirjattu: hakemuksia"),
        ],
        [44, 16, 30, 12, 12, 60, 16, 16],
    )
    names = step_names()
    for call in data.funnel:
        for step in call["steps"]:
            reported = step["reported"] or [None]
            for figure in reported:
                ws.append(
                    [
                        call["call"],
                        names[step["step"]],
                        figure["label"] if figure else "",
                        figure["value"] if figure else None,
                        _cell(ws, date.fromisoformat(figure["as_of"]), number_format="d.m.yyyy")
                        if figure and figure["as_of"]
                        else None,
                        "; ".join(f"{s['document']}: ”{s['quote']}”" for s in figure["sources"])
                        if figure
                        else "",
                        step["counted_entities"],
                        step["counted_applications"],
                    ]
                )


def step_names() -> dict[str, str]:
    return {
        "received": _("Saapuneet"),
        "eligible": _("Yleiset kriteerit täyttäneet"),
        "selected": _("Valitut"),
        "funded": _("Rahoitetut"),
    }


def _projects_sheet(wb, data, progress=None) -> None:
    columns = [
        (_("Nimi"), "name", 50, None),
        (_("Lyhenne"), "acronym", 12, None),
        (_("Hanketyyppi"), "kind", 22, None),
        (_("Tila"), "status", 18, None),
        (_("Haku"), "call", 40, None),
        (_("Myöntövaltuus"), "ministries", 14, None),
        (_("Toimialat"), "sectors", 50, None),
        (_("Toteuttajia"), "implementers", 11, None),
        (_("Yhteistyökumppaneita"), "partners", 11, None),
        (_("Kokonaiskustannukset"), "total_cost", 18, EURO),
        (_("Tuki"), "support", 18, EURO),
        (_("Omarahoitus"), "own_financing", 16, EURO),
        (_("Kuntarahoitus"), "municipal_financing", 16, EURO),
        (_("Alkaa"), "starts", 11, "d.m.yyyy"),
        (_("Päättyy"), "ends", 11, "d.m.yyyy"),
        (_("Havainnollistava"), "is_illustrative", 10, None),
    ]
    ws = _sheet(wb, _("Hankkeet"), [c[0] for c in columns], [c[2] for c in columns])
    yes = _("kyllä")
    rows = project_rows(data.selection, data.language, limit=MAX_PROJECT_ROWS + 1)
    for written, row in enumerate(rows):
        if written == MAX_PROJECT_ROWS:
            ws.append(
                [_("Luettelo on rajattu %(n)s ensimmäiseen hankkeeseen.") % {"n": MAX_PROJECT_ROWS}]
            )
            break
        line = []
        for _label, key, _width, fmt in columns:
            value = row[key]
            if key == "is_illustrative":
                value = yes if value else ""
            line.append(_cell(ws, value, number_format=fmt) if fmt and value is not None else value)
        ws.append(line)
        if progress:
            progress(written + 1)
