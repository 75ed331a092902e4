"""The map and funnel slides: the tile map drawn as native shapes with a number on every
region, and each call's reported and recorded steps."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from ..charts import SHADES, shade_for
from ..tilemap import GRID_COLUMNS, GRID_ROWS, TILE_GRID, tile_label
from .pptx_shapes import (
    BRAND,
    HEIGHT,
    INK,
    MARGIN,
    MUTED,
    WHITE,
    WIDTH,
    rgb,
    slide_frame,
    table_font,
    text,
)
from .xlsx import step_names


def label_lines(slug: str, region: dict, o: dict) -> list[str]:
    return tile_label(slug, region["short_name"], o["language"]).split("\n")


def map_slide(prs, o, footer):
    slide = slide_frame(prs, _("Hanketoteuttajat ja yhteistyökumppanit kartalla"), footer)
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
        shape.fill.fore_color.rgb = rgb(shade)
        shape.line.color.rgb = MUTED if total == 0 else BRAND
        shape.line.width = Pt(0.75)
        ink = WHITE if shade in SHADES[3:] else INK
        frame = shape.text_frame
        frame.margin_left = frame.margin_right = Emu(20000)
        frame.margin_top = frame.margin_bottom = Emu(10000)
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        longest = max(len(line) for line in label_lines(slug, region, o))
        label_size = 7 if longest <= 10 else 6 if longest <= 11 else 5.5
        label = tile_label(slug, region["short_name"], o["language"])
        for index, (content, size, bold) in enumerate(
            [(line, label_size, False) for line in label.split("\n")] + [(str(total), 16, True)]
        ):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.CENTER
            run = paragraph.add_run()
            run.text = content
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = ink
    map_width = (tile + gap) * GRID_COLUMNS
    legend_top = origin_top + (tile + gap) * GRID_ROWS + Inches(0.02)
    text(
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
    long_text = sum(len(s) for s in sentences) > 160
    text(
        slide,
        right,
        Inches(1.3),
        text_width,
        Inches(2.2),
        "\n\n".join(s for s in sentences if s),
        size=14 if long_text else 18,
    )
    ranked = sorted(o["by_region"], key=lambda r: -(r["implementers"] + r["partners"]))[:7]
    ranked = [r for r in ranked if r["implementers"] + r["partners"]]
    if ranked:
        table = slide.shapes.add_table(
            len(ranked) + 1, 3, right, Inches(4.0), text_width, Inches(0.3) * (len(ranked) + 1)
        ).table
        for col, head in enumerate((_("Alue"), _("Toteuttajia"), _("Kumppaneita"))):
            table.cell(0, col).text = head
        for index, r in enumerate(ranked, start=1):
            table.cell(index, 0).text = r["short_name"]
            table.cell(index, 1).text = str(r["implementers"])
            table.cell(index, 2).text = str(r["partners"])
        table_font(table, 12)


UNITS = {
    "entities_received": gettext_noop("kokonaisuutta"),
    "applications_received": gettext_noop("hakemusta"),
    "eligible": gettext_noop("kokonaisuutta"),
    "selected": gettext_noop("kokonaisuutta"),
    "funded_entities": gettext_noop("kokonaisuutta"),
    "funded_projects": gettext_noop("hanketta"),
}


def funnel_slide(prs, data, footer):
    slide = slide_frame(prs, _("Hakujen eteneminen"), footer)
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
    table_font(table, 12)
    text(
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
