"""The impact study of a call (vaikuttavuusselvitys, seed 004: "hankekauden päätteeksi"): every
level, indicator, target vs achieved, narratives, and results per district, as a PDF printed
with the shared formal-document helper (core.pdf) and as XLSX for further work.

Both come from `study_context`, which reads the one aggregation behind the impact page, so the
page, the PDF and the spreadsheet can never tell different figures.
"""

import io
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from hankesalkku.core.pdf import render_pdf

from .aggregation import (
    aggregate,
    district_comparison,
    final_answers,
    parts_per_district,
    target_rationales,
)
from .charts import with_charts


def study_context(call) -> dict:
    levels = with_charts(aggregate(call), prefix="study")
    districts = []
    for district in call.target_districts.order_by("name"):
        results = [
            r
            for level in aggregate(call, district=district)
            for r in level.indicators
            if r.total is not None or r.distribution
        ]
        districts.append((district, results))
    return {
        "call": call,
        "levels": levels,
        "comparisons": district_comparison(call),
        "rationales": target_rationales(call),
        "parts_per_district": parts_per_district(call),
        "districts": districts,
        "answers": final_answers(call),
        "printed": timezone.localdate(),
    }


def impact_study_pdf(call, *, language=None) -> bytes:
    return render_pdf("reporting/pdf/impact_study.html", study_context(call), language=language)


def _plain(value):
    return float(value) if isinstance(value, Decimal) else value


def impact_study_xlsx(call) -> bytes:
    """Sheets: results per level and indicator, narratives, per district, target districts."""
    context = study_context(call)
    wb = Workbook()
    bold = Font(bold=True)
    ws = wb.active
    ws.title = _("Tulokset")[:31]
    ws.append([_("Vaikuttavuusselvitys: %(call)s") % {"call": call.name}])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    header = [
        _("Taso"),
        _("Tunnus"),
        _("Indikaattori"),
        _("Laji"),
        _("Yksikkö"),
        _("Tavoite"),
        _("Toteutunut"),
        _("Edistyminen"),
        _("Jakauma"),
        _("Keskiarvo"),
        _("Kenen indikaattori"),
    ]
    ws.append(header)
    for cell in ws[3]:
        cell.font = bold
    for level in context["levels"]:
        for r in level.indicators:
            spread = ", ".join(f"{k:n}: {v}" for k, v in r.distribution.items())
            ws.append(
                [
                    level.name,
                    r.indicator.code,
                    r.indicator.name,
                    r.indicator.get_kind_display(),
                    r.indicator.unit,
                    _plain(r.target),
                    _plain(r.total),
                    _plain(r.progress),
                    spread,
                    _plain(r.mean),
                    r.indicator.scope_label,
                ]
            )
            if r.progress is not None:
                ws.cell(ws.max_row, 8).number_format = "0 %"
    for column, width in zip(
        "ABCDEFGHIJK", (22, 10, 44, 14, 12, 12, 12, 12, 24, 10, 24), strict=True
    ):
        ws.column_dimensions[column].width = width

    ns = wb.create_sheet(_("Kuvaukset")[:31])
    ns.append([_("Taso"), _("Indikaattori"), _("Toteuttaja"), _("Kausi"), _("Kuvaus")])
    for cell in ns[1]:
        cell.font = bold
    for level in context["levels"]:
        for r in level.indicators:
            for who, period, text in r.narratives:
                ns.append([level.name, r.indicator.name, who, period, text])
                ns.cell(ns.max_row, 5).alignment = Alignment(wrap_text=True)
    ns.column_dimensions["E"].width = 80

    bs = wb.create_sheet(_("Jaottelut")[:31])
    bs.append([_("Taso"), _("Tunnus"), _("Indikaattori"), _("Jaottelu"), _("Luokka"), _("Määrä")])
    for cell in bs[1]:
        cell.font = bold
    for level in context["levels"]:
        for r in level.indicators:
            for name, categories in r.breakdowns:
                for category, total in categories:
                    bs.append(
                        [level.name, r.indicator.code, r.indicator.name, name, category, total]
                    )

    qs = wb.create_sheet(_("Loppuraportit")[:31])
    qs.append([_("Kysymys"), _("Toteuttaja"), _("Kausi"), _("Vastaus")])
    for cell in qs[1]:
        cell.font = bold
    for question, replies in context["answers"]:
        for who, period, text in replies:
            qs.append([question.text, who, period, text])
            qs.cell(qs.max_row, 4).alignment = Alignment(wrap_text=True)
    qs.column_dimensions["D"].width = 80

    ds = wb.create_sheet(_("Kaupunginosittain")[:31])
    ds.append([_("Kaupunginosa"), _("Indikaattori"), _("Yksikkö"), _("Toteutunut kaupunginosassa")])
    for cell in ds[1]:
        cell.font = bold
    for district, results in context["districts"]:
        for r in results:
            ds.append(
                [
                    district.name,
                    r.indicator.name,
                    r.indicator.unit,
                    _plain(r.total if r.total is not None else r.mean),
                ]
            )

    ts = wb.create_sheet(_("Kohdekaupunginosat")[:31])
    ts.append(
        [
            _("Mittari"),
            _("Yksikkö"),
            _("Kaupungin mediaani"),
            _("Kaupunginosa"),
            _("Arvo"),
            _("Vuosi"),
            _("Lähde"),
            _("Havainnollistava"),
        ]
    )
    for cell in ts[1]:
        cell.font = bold
    for c in context["comparisons"]:
        for district, value, year, source, illustrative, _difference in c.rows:
            ts.append(
                [
                    c.name,
                    c.unit,
                    _plain(c.median),
                    district,
                    _plain(value),
                    year,
                    source,
                    _("kyllä") if illustrative else _("ei"),
                ]
            )
    ts.append([])
    ts.append([_("Kaupunginosa"), _("Valinnan perustelu"), _("Hankkeet")])
    for district, rationale, _record in context["rationales"]:
        projects = ", ".join(context["parts_per_district"].get(district.name, []))
        ts.append([district.name, rationale, projects])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
