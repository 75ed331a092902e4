"""Drawing helpers shared by the overview's slides: text boxes, slide frame, native bar charts.

Kept apart from the slides so each slide module reads as a layout, not as python-pptx plumbing.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

BRAND = RGBColor(0x0B, 0x4F, 0x8A)
INK = RGBColor(0x1A, 0x1A, 0x1A)
MUTED = RGBColor(0x55, 0x55, 0x55)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in, exactly 16:9
MARGIN = Inches(0.6)


def fi_date(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%-d.%-m.%Y") if iso else ""


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def text(
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


def slide_frame(prs, title: str, footer: str):
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, Inches(0.12))
    band.fill.solid()
    band.fill.fore_color.rgb = BRAND
    band.line.fill.background()
    text(
        slide,
        MARGIN,
        Inches(0.35),
        WIDTH - 2 * MARGIN,
        Inches(0.8),
        title,
        size=30 if len(title) <= 45 else 24 if len(title) <= 62 else 20,
        bold=True,
        colour=BRAND,
    )
    text(
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


def bar_chart(slide, left, top, width, height, categories, values, *, font_size=12, series=None):
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


def table_font(table, size):
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)
