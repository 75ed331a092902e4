"""The reporting figures in the overview's exports: results of accepted reports per level and
indicator for the same projects the overview counts (`ProjectEntity.objects.in_selection` with
the overview's selection), computed by reporting's one aggregation, so an export and the
impact pages never disagree.

Rows are plain values; each format lays them out (an XLSX sheet, a PPTX slide with a bar chart
of achieved against target, a PDF table)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hankesalkku.projects.models import ProjectEntity
from hankesalkku.reporting.aggregation import aggregate


def _number(value):
    return None if value is None else float(value)


def result_rows(selection) -> list[dict]:
    """One row per indicator with accepted values or targets among the selected entities."""
    entities = ProjectEntity.objects.in_selection(selection)
    rows = []
    for level in aggregate(entities=entities):
        for r in level.indicators:
            if r.total is None and not r.distribution and not r.narratives and r.target is None:
                continue
            rows.append(
                {
                    "level": level.name,
                    "code": r.indicator.code,
                    "indicator": r.indicator.name,
                    "unit": r.indicator.unit,
                    "kind": r.indicator.kind,
                    "target": _number(r.target),
                    "total": _number(r.total),
                    "progress": _number(r.progress),
                    "distribution": ", ".join(f"{k:n}: {v}" for k, v in r.distribution.items()),
                    "mean": _number(r.mean),
                    "narratives": len(r.narratives),
                    "breakdowns": breakdowns_text(r.breakdowns),
                }
            )
    return rows


def breakdowns_text(breakdowns) -> str:
    """ "Sukupuoli: Naiset 70, Miehet 50; Ikäryhmä: …" of an ESF+ participant indicator."""
    return "; ".join(
        f"{name}: " + ", ".join(f"{category} {total}" for category, total in categories)
        for name, categories in breakdowns
    )


HEADERS = (
    ("level", gettext_lazy("Taso")),
    ("code", gettext_lazy("Tunnus")),
    ("indicator", gettext_lazy("Indikaattori")),
    ("unit", gettext_lazy("Yksikkö")),
    ("target", gettext_lazy("Tavoite")),
    ("total", gettext_lazy("Toteutunut")),
    ("progress", gettext_lazy("Edistyminen")),
    ("distribution", gettext_lazy("Jakauma")),
    ("mean", gettext_lazy("Keskiarvo")),
    ("narratives", gettext_lazy("Kuvauksia")),
    ("breakdowns", gettext_lazy("Jaottelut")),
)


def headers() -> list[str]:
    return [str(label) for _key, label in HEADERS]


def xlsx_sheet(wb, rows, sheet) -> None:
    """The sheet "Tulokset" (sheet is the workbook module's helper that writes the header)."""
    ws = sheet(wb, _("Tulokset"), headers(), [20, 10, 48, 12, 12, 12, 12, 22, 10, 10, 60])
    for row in rows:
        ws.append([row[key] for key, _label in HEADERS])


def chart_rows(rows, limit=8) -> tuple[list[str], list[float], list[float]]:
    """Quantitative indicators with a target: names, achieved, target (the PPTX chart)."""
    chosen = [r for r in rows if r["total"] is not None and r["target"]][:limit]
    names = [f"{r['code']} {r['indicator']}".strip()[:48] for r in chosen]
    return names, [r["total"] for r in chosen], [r["target"] for r in chosen]


def pptx_slide(prs, rows, footer) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Inches, Pt

    from .pptx_shapes import slide_frame

    names, achieved, targets = chart_rows(rows)
    slide = slide_frame(prs, _("Tulokset: toteutunut ja tavoite"), footer)
    if not names:
        return
    data = CategoryChartData()
    data.categories = names
    data.add_series(_("Toteutunut"), achieved)
    data.add_series(_("Tavoite"), targets)
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_CLUSTERED, Inches(0.6), Inches(1.3), Inches(12), Inches(5.4), data
    )
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.font.size = Pt(12)
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.number_format = "0"
    plot.data_labels.number_format_is_linked = False
    chart.category_axis.reverse_order = True


def pdf_rows(rows) -> list[list[str]]:
    """The PDF table's rows as printed: a scale's distribution stands in for a sum, and "–"
    marks a figure no accepted report gave, as the page writes it."""
    table = []
    for r in rows:
        achieved = "–" if r["total"] is None else _figure(r["total"])
        if r["distribution"]:
            achieved = r["distribution"]
        goal = "–" if r["target"] is None else _figure(r["target"])
        progress = "–" if r["progress"] is None else f"{round(r['progress'] * 100)} %"
        table.append([f"{r['code']} {r['indicator']}".strip(), goal, achieved, progress])
    return table


def _figure(value) -> str:
    """A figure as the page writes it in the active language: "2 400", "12,5" (never "2400.0")."""
    figure = Decimal(str(value))
    whole = figure == figure.to_integral_value()
    return number_format(figure, decimal_pos=0 if whole else None, force_grouping=True)
