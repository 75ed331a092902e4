"""The overview as a 16:9 slide deck in the spirit of the coordination's own (seed 002).

Slides: title; key numbers (12 / 6+6 / 30 / ministries); sectors by branch (native bar charts,
one per branch, values on the bars); implementers by organisation type; the tile map drawn
with native shapes and a number on every region; financing; call funnels where known.
Native charts and shapes keep the deck editable, which is what a presenter does next.
"""

from __future__ import annotations

import io
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from hankesalkku.core.money import format_eur, format_rate

from ..charts import SHADES, shade_for
from ..figures import FINANCING_PARTS, financing_labels, ministry_label, social_health_sentence
from ..tilemap import GRID_COLUMNS, GRID_ROWS, TILE_GRID, tile_label
from .xlsx import step_names

BRAND = RGBColor(0x0B, 0x4F, 0x8A)
INK = RGBColor(0x1A, 0x1A, 0x1A)
MUTED = RGBColor(0x55, 0x55, 0x55)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in, exactly 16:9
MARGIN = Inches(0.6)


def _fi_date(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%-d.%-m.%Y") if iso else ""


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _text(
    slide,
    left,
    top,
    width,
    height,
    text,
    *,
    size=18,
    bold=False,
    colour=INK,
    align=PP_ALIGN.LEFT,
    anchor=MSO_ANCHOR.TOP,
):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    for index, line in enumerate(str(text).split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour
    return box


def _slide(prs, title: str, footer: str):
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, Inches(0.12))
    band.fill.solid()
    band.fill.fore_color.rgb = BRAND
    band.line.fill.background()
    _text(
        slide,
        MARGIN,
        Inches(0.35),
        WIDTH - 2 * MARGIN,
        Inches(0.8),
        title,
        size=30 if len(title) <= 48 else 26,
        bold=True,
        colour=BRAND,
    )
    _text(
        slide,
        MARGIN,
        HEIGHT - Inches(0.45),
        WIDTH - 2 * MARGIN,
        Inches(0.3),
        footer,
        size=10,
        colour=MUTED,
    )
    return slide


def _bar_chart(slide, left, top, width, height, categories, values, *, font_size=12, series=None):
    chart_data = CategoryChartData()
    chart_data.categories = categories
    chart_data.add_series(series or _("Hankekokonaisuuksia"), values)
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_CLUSTERED, left, top, width, height, chart_data
    )
    chart = frame.chart
    chart.has_title = False
    chart.has_legend = False
    chart.font.size = Pt(font_size)
    chart.font.color.rgb = INK
    plot = chart.plots[0]
    plot.gap_width = 45
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.font.size = Pt(font_size)
    labels.font.bold = True
    labels.number_format = "0"
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    series = plot.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = BRAND
    category_axis = chart.category_axis
    category_axis.reverse_order = True  # first category on top, as read
    category_axis.has_major_gridlines = False
    category_axis.format.line.color.rgb = MUTED
    value_axis = chart.value_axis
    value_axis.visible = False
    value_axis.has_major_gridlines = False
    value_axis.minimum_scale = 0
    value_axis.maximum_scale = max(values + [1]) * 1.2
    return chart


def render_pptx(data) -> bytes:
    o = data.overview
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    subject = "; ".join(item["value"] for item in o["selection"]) or _("Kaikki hankkeet")
    stamp = date.fromisoformat(o["generated"]).strftime("%-d.%-m.%Y")
    footer = f"Hankesalkku · {stamp}"
    _title_slide(prs, o, subject, stamp)
    _key_numbers(prs, data, footer)
    _sectors(prs, o, footer)
    _organisation_types(prs, o, footer)
    _map(prs, o, footer)
    _financing(prs, o, footer)
    if data.funnel:
        _funnel(prs, data, footer)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _title_slide(prs, o, subject, stamp):
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, HEIGHT)
    band.fill.solid()
    band.fill.fore_color.rgb = BRAND
    band.line.fill.background()
    _text(
        slide,
        Inches(0.9),
        Inches(1.7),
        Inches(11.5),
        Inches(1.2),
        _("Yleiskuva hankkeista"),
        size=44,
        bold=True,
        colour=WHITE,
    )
    _text(
        slide, Inches(0.9), Inches(2.9), Inches(11.5), Inches(2.0), subject, size=24, colour=WHITE
    )
    scope = (
        _("Rahoitetut hankekokonaisuudet (valittu, käynnissä, päättynyt)")
        if o["counts_funded_only"]
        else ""
    )
    _text(
        slide,
        Inches(0.9),
        Inches(5.6),
        Inches(11.5),
        Inches(1.0),
        "\n".join(p for p in (scope, _("Tilanne %(date)s · Hankesalkku") % {"date": stamp}) if p),
        size=16,
        colour=WHITE,
    )


def _key_numbers(prs, data, footer):
    o = data.overview
    slide = _slide(prs, _("Yleiskuva hankkeista"), footer)
    ministries = o["by_ministry"]
    blocks = [
        (str(o["entities"]), _("hankekokonaisuutta yhteensä")),
        (
            f"{o['entities_single']}+{o['entities_group']}",
            _("yhden toteuttajan hankkeita + ryhmähankkeita"),
        ),
        (str(o["implementers"]), _("hanketoteuttajaa")),
        (
            " / ".join(str(n) for n in ministries.values()) or "–",
            " / ".join(ministry_label(k) for k in ministries) or _("myöntövaltuus ei tiedossa"),
        ),
    ]
    width = (WIDTH - 2 * MARGIN) / len(blocks)
    for index, (number, caption) in enumerate(blocks):
        left = MARGIN + int(width * index)
        size = 60 if len(number) <= 5 else max(28, int(60 * 6 / len(number)))
        _text(
            slide,
            left,
            Inches(1.7),
            int(width) - Inches(0.2),
            Inches(1.4),
            number,
            size=size,
            bold=True,
            colour=BRAND,
            align=PP_ALIGN.CENTER,
            anchor=MSO_ANCHOR.BOTTOM,
        )
        _text(
            slide,
            left,
            Inches(3.2),
            int(width) - Inches(0.2),
            Inches(1.0),
            caption,
            size=16,
            align=PP_ALIGN.CENTER,
        )
    lines = [
        _("Myöntövaltuus: %(list)s.")
        % {"list": ", ".join(f"{ministry_label(k)} {v}" for k, v in ministries.items()) or "–"},
        _("Yhteistyökumppaneita %(n)s; eri toteuttajaorganisaatioita %(orgs)s.")
        % {"n": o["partners"], "orgs": o["implementer_organisations"]},
    ]
    if data.reported.get("entities"):
        lines.append(
            _(
                "Koordinaation raportoimat luvut %(date)s: %(n)s hankekokonaisuutta, "
                "%(impl)s toteuttajaa."
            )
            % {
                "date": _fi_date(data.reported["entities"]["as_of"]),
                "n": data.reported["entities"]["value"],
                "impl": data.reported.get("implementers", {}).get("value", "–"),
            }
        )
    _text(slide, MARGIN, Inches(4.7), WIDTH - 2 * MARGIN, Inches(2.0), "\n".join(lines), size=18)


def _sectors(prs, o, footer):
    slide = _slide(
        prs, _("Hankkeiden (N=%(n)s) toimi- ja koulutusalat") % {"n": o["entities"]}, footer
    )
    _text(
        slide,
        MARGIN,
        Inches(1.15),
        WIDTH - 2 * MARGIN,
        Inches(0.6),
        social_health_sentence(o),
        size=16,
        colour=MUTED,
    )
    branches: dict[str, list[dict]] = {}
    for row in o["by_sector"]:
        branches.setdefault(row["branch"], []).append(row)
    count = max(len(branches), 1)
    gap = Inches(0.25)
    width = int((WIDTH - 2 * MARGIN - gap * (count - 1)) / count)
    for index, (branch, rows) in enumerate(branches.items()):
        left = MARGIN + (width + gap) * index
        _text(
            slide, left, Inches(1.85), width, Inches(0.5), branch, size=18, bold=True, colour=BRAND
        )
        height = min(Inches(0.62) * len(rows) + Inches(0.3), Inches(4.6))
        _bar_chart(
            slide,
            left,
            Inches(2.4),
            width,
            height,
            [r["sector"] for r in rows],
            [r["entities"] for r in rows],
            font_size=12,
        )


def _organisation_types(prs, o, footer):
    slide = _slide(
        prs,
        _("Hanketoteuttajat (N=%(n)s) organisaatiotyypin mukaan") % {"n": o["implementers"]},
        footer,
    )
    rows = [r for r in o["by_organisation_type"] if r["implementers"]]
    if not rows:
        _text(slide, MARGIN, Inches(1.5), Inches(8), Inches(1), _("Ei toteuttajia."), size=18)
        return
    height = min(Inches(0.55) * len(rows) + Inches(0.4), Inches(5.5))
    _bar_chart(
        slide,
        MARGIN,
        Inches(1.4),
        Inches(10.5),
        height,
        [r["label"].capitalize() for r in rows],
        [r["implementers"] for r in rows],
        font_size=14,
        series=_("Toteuttajia"),
    )


def _map(prs, o, footer):
    slide = _slide(prs, _("Hanketoteuttajat ja yhteistyökumppanit kartalla"), footer)
    rows = {r["slug"]: r for r in o["by_region"]}
    top_value = max((r["implementers"] + r["partners"] for r in o["by_region"]), default=0)
    tile, gap = Inches(0.72), Inches(0.05)
    origin_left, origin_top = MARGIN, Inches(1.1)
    for slug, (col, row_index) in TILE_GRID.items():
        region = rows.get(slug)
        if region is None:
            continue
        total = region["implementers"] + region["partners"]
        shade = shade_for(total, top_value)
        shape = slide.shapes.add_shape(
            MSO_SHAPE.ROUNDED_RECTANGLE,
            origin_left + (tile + gap) * col,
            origin_top + (tile + gap) * row_index,
            tile,
            tile,
        )
        shape.adjustments[0] = 0.08
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(shade)
        shape.line.color.rgb = MUTED if total == 0 else BRAND
        shape.line.width = Pt(0.75)
        ink = WHITE if shade in SHADES[3:] else INK
        frame = shape.text_frame
        frame.margin_left = frame.margin_right = Emu(20000)
        frame.margin_top = frame.margin_bottom = Emu(10000)
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        label = tile_label(slug, region["short_name"], o["language"])
        for index, (text, size, bold) in enumerate(
            [(line, 7, False) for line in label.split("\n")] + [(str(total), 16, True)]
        ):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.CENTER
            run = paragraph.add_run()
            run.text = text
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = ink
    map_width = (tile + gap) * GRID_COLUMNS
    legend_top = origin_top + (tile + gap) * GRID_ROWS + Inches(0.02)
    _text(
        slide,
        origin_left,
        legend_top,
        map_width,
        Inches(0.35),
        _("Luku: toteuttajat ja yhteistyökumppanit yhteensä"),
        size=10,
        colour=MUTED,
    )
    right = origin_left + map_width + Inches(0.5)
    text_width = WIDTH - right - MARGIN
    sentences = [o["regions_sentence"], o["busiest_regions_sentence"]]
    _text(
        slide,
        right,
        Inches(1.3),
        text_width,
        Inches(2.2),
        "\n\n".join(s for s in sentences if s),
        size=18,
    )
    ranked = sorted(o["by_region"], key=lambda r: -(r["implementers"] + r["partners"]))[:8]
    ranked = [r for r in ranked if r["implementers"] + r["partners"]]
    if ranked:
        table = slide.shapes.add_table(
            len(ranked) + 1, 3, right, Inches(3.6), text_width, Inches(0.3) * (len(ranked) + 1)
        ).table
        for col, head in enumerate((_("Alue"), _("Toteuttajia"), _("Kumppaneita"))):
            table.cell(0, col).text = head
        for index, r in enumerate(ranked, start=1):
            table.cell(index, 0).text = r["short_name"]
            table.cell(index, 1).text = str(r["implementers"])
            table.cell(index, 2).text = str(r["partners"])
        _table_font(table, 12)


def _table_font(table, size):
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)


def _financing(prs, o, footer):
    slide = _slide(prs, _("Rahoitus"), footer)
    fin = o["financing"]
    labels = financing_labels()
    _text(
        slide,
        MARGIN,
        Inches(1.4),
        Inches(4.5),
        Inches(1.3),
        format_rate(fin["support_rate"]),
        size=60,
        bold=True,
        colour=BRAND,
        align=PP_ALIGN.CENTER,
    )
    _text(
        slide,
        MARGIN,
        Inches(2.8),
        Inches(4.5),
        Inches(1.0),
        _("tukea kokonaiskustannuksista"),
        size=16,
        align=PP_ALIGN.CENTER,
    )
    keys = ("total_cost", *FINANCING_PARTS)
    table = slide.shapes.add_table(
        len(keys) + 1, 2, Inches(5.6), Inches(1.4), Inches(7.1), Inches(0.45) * (len(keys) + 1)
    ).table
    table.columns[0].width = Inches(4.1)
    table.columns[1].width = Inches(3.0)
    table.cell(0, 0).text = _("Rahoitus")
    table.cell(0, 1).text = _("Euroa")
    for index, key in enumerate(keys, start=1):
        table.cell(index, 0).text = labels[key]
        table.cell(index, 1).text = format_eur(fin[key])
        table.cell(index, 1).text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
    _table_font(table, 16)
    note = _(
        "Hakemusten rahoitussuunnitelmien summa; tukiprosentti niistä hakemuksista, joiden "
        "kokonaiskustannukset ja tuki ovat tiedossa."
    )
    _text(slide, MARGIN, Inches(5.6), WIDTH - 2 * MARGIN, Inches(0.8), note, size=12, colour=MUTED)


UNITS = {
    "entities_received": gettext_noop("kokonaisuutta"),
    "applications_received": gettext_noop("hakemusta"),
    "eligible": gettext_noop("kokonaisuutta"),
    "selected": gettext_noop("kokonaisuutta"),
    "funded_entities": gettext_noop("kokonaisuutta"),
    "funded_projects": gettext_noop("hanketta"),
}


def _funnel(prs, data, footer):
    slide = _slide(prs, _("Hakujen eteneminen"), footer)
    names = step_names()
    calls = data.funnel[:5]
    table = slide.shapes.add_table(
        2 * len(calls) + 1,
        6,
        MARGIN,
        Inches(1.4),
        WIDTH - 2 * MARGIN,
        Inches(0.4) * (2 * len(calls) + 1),
    ).table
    table.columns[0].width = Inches(3.6)
    table.columns[1].width = Inches(1.1)
    for col in range(2, 6):
        table.columns[col].width = Inches(1.85)
    table.cell(0, 0).text = _("Haku")
    for col, step in enumerate(("received", "eligible", "selected", "funded"), start=2):
        table.cell(0, col).text = names[step]
    for index, call in enumerate(calls):
        reported_row, counted_row = 1 + 2 * index, 2 + 2 * index
        table.cell(reported_row, 0).merge(table.cell(counted_row, 0))
        table.cell(reported_row, 0).text = call["call"]
        table.cell(reported_row, 1).text = _("raportoitu")
        table.cell(counted_row, 1).text = _("kirjattu")
        for col, step in enumerate(call["steps"], start=2):
            reported = [
                f"{f['value']} {_(UNITS.get(f['metric'], ''))}".strip() for f in step["reported"]
            ]
            table.cell(reported_row, col).text = "\n".join(reported) or "–"
            counted = step["counted_entities"]
            table.cell(counted_row, col).text = (
                "–" if counted is None else _("%(n)s kokonaisuutta") % {"n": counted}
            )
    _table_font(table, 12)
    _text(
        slide,
        MARGIN,
        HEIGHT - Inches(1.2),
        WIDTH - 2 * MARGIN,
        Inches(0.6),
        _(
            "Raportoidut luvut sellaisinaan (lähteet verkkosivulla ja XLSX-viennissä); "
            "kirjattu = Hankesalkkuun kirjatut hankekokonaisuudet."
        ),
        size=11,
        colour=MUTED,
    )
