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
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from hankesalkku.core.money import format_eur, format_rate

from ..figures import FINANCING_PARTS, financing_labels, ministry_label, social_health_sentence
from . import results
from .pptx_map import funnel_slide, map_slide
from .pptx_shapes import (
    BRAND,
    HEIGHT,
    MARGIN,
    MUTED,
    WHITE,
    WIDTH,
    bar_chart,
    fi_date,
    slide_frame,
    table_font,
    text,
)


def render_pptx(data) -> bytes:
    o = data.overview
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    subject = "; ".join(item["value"] for item in o["selection"]) or _("Kaikki hankkeet")
    stamp = date.fromisoformat(o["generated"]).strftime("%-d.%-m.%Y")
    footer = f"Hankesalkku · {stamp}"
    if o["illustrative_entities"]:
        footer += " · " + _("Sisältää havainnollistavia tietueita (ei tosiasioita).")
    _title_slide(prs, o, subject, stamp)
    _key_numbers(prs, data, footer)
    _sectors(prs, o, footer)
    _organisation_types(prs, o, footer)
    map_slide(prs, o, footer)
    _financing(prs, o, footer)
    if data.funnel:
        funnel_slide(prs, data, footer)
    if data.results and results.chart_rows(data.results)[0]:
        results.pptx_slide(prs, data.results, footer)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _title_slide(prs, o, subject, stamp):
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, HEIGHT)
    band.fill.solid()
    band.fill.fore_color.rgb = BRAND
    band.line.fill.background()
    text(
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
    text(slide, Inches(0.9), Inches(2.9), Inches(11.5), Inches(2.0), subject, size=24, colour=WHITE)
    scope = (
        _("Rahoitetut hankekokonaisuudet (valittu, käynnissä, päättynyt)")
        if o["counts_funded_only"]
        else ""
    )
    text(
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
    slide = slide_frame(prs, _("Yleiskuva hankkeista"), footer)
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
        text(
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
        text(
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
                "date": fi_date(data.reported["entities"]["as_of"]),
                "n": data.reported["entities"]["value"],
                "impl": data.reported.get("implementers", {}).get("value", "–"),
            }
        )
    text(slide, MARGIN, Inches(4.7), WIDTH - 2 * MARGIN, Inches(2.0), "\n".join(lines), size=18)


def _sectors(prs, o, footer):
    slide = slide_frame(
        prs, _("Hankkeiden (N=%(n)s) toimi- ja koulutusalat") % {"n": o["entities"]}, footer
    )
    text(
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
        text(
            slide, left, Inches(1.85), width, Inches(0.5), branch, size=18, bold=True, colour=BRAND
        )
        height = min(Inches(0.62) * len(rows) + Inches(0.3), Inches(4.6))
        bar_chart(
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
    slide = slide_frame(
        prs,
        _("Hanketoteuttajat (N=%(n)s) organisaatiotyypin mukaan") % {"n": o["implementers"]},
        footer,
    )
    rows = [r for r in o["by_organisation_type"] if r["implementers"]]
    if not rows:
        text(slide, MARGIN, Inches(1.5), Inches(8), Inches(1), _("Ei toteuttajia."), size=18)
        return
    height = min(Inches(0.55) * len(rows) + Inches(0.4), Inches(5.5))
    bar_chart(
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


def _financing(prs, o, footer):
    slide = slide_frame(prs, _("Rahoitus"), footer)
    fin = o["financing"]
    labels = financing_labels()
    text(
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
    text(
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
    table_font(table, 16)
    note = _(
        "Hakemusten rahoitussuunnitelmien summa; tukiprosentti niistä hakemuksista, joiden "
        "kokonaiskustannukset ja tuki ovat tiedossa."
    )
    text(slide, MARGIN, Inches(5.6), WIDTH - 2 * MARGIN, Inches(0.8), note, size=12, colour=MUTED)
