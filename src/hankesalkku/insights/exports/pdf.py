"""The overview as a printable A4 PDF, drawing the same SVG charts as the page.

Finnish letters need a Unicode TrueType font. DejaVu Sans is used when it can be found (the
directory in HANKESALKKU_FONT_DIR, else the standard system font directories; Debian/Ubuntu
package `fonts-dejavu-core`); otherwise the PDF falls back to the built-in Helvetica, whose
Latin-1 still covers ä, ö and å, and the few characters outside it (€, –, ”) are transliterated.
"""

from __future__ import annotations

import io
import os
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace

from hankesalkku.core.money import format_eur, format_rate

from ..figures import FINANCING_PARTS, chart_specs, financing_labels, key_sentences
from . import results
from .xlsx import step_names

FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
MAX_PROJECT_ROWS = 200
LATIN1_REPLACEMENTS = {
    "€": "EUR",
    "–": "-",
    "—": "-",
    "”": '"',
    "“": '"',
    "’": "'",
    "…": "...",
    "\u2009": " ",
    "\u202f": " ",
}
BRAND = (11, 79, 138)
MUTED = (85, 85, 85)


@lru_cache(maxsize=1)
def find_font_dir() -> Path | None:
    configured = os.environ.get("HANKESALKKU_FONT_DIR")
    roots = [Path(configured)] if configured else [Path(p).expanduser() for p in FONT_DIRS]
    for root in roots:
        if not root.is_dir():
            continue
        direct = root / FONT_FILES[""]
        if direct.is_file() and (root / FONT_FILES["B"]).is_file():
            return root
        for found in root.rglob(FONT_FILES[""]):
            if (found.parent / FONT_FILES["B"]).is_file():
                return found.parent
    return None


class OverviewPDF(FPDF):
    def __init__(self):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        font_dir = find_font_dir()
        self.unicode = font_dir is not None
        if self.unicode:
            for style, filename in FONT_FILES.items():
                self.add_font("DejaVu", style, str(font_dir / filename))
            self.family = "DejaVu"
        else:
            self.family = "helvetica"
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=16)
        self.footer_text = ""

    def t(self, text) -> str:
        """Text the current font can draw."""
        text = str(text)
        if self.unicode:
            return text
        for char, replacement in LATIN1_REPLACEMENTS.items():
            text = text.replace(char, replacement)
        return text.encode("latin-1", "replace").decode("latin-1")

    def footer(self):
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, self.t(f"{self.footer_text} · {self.page_no()}/{{nb}}"), align="R")
        self.set_text_color(0, 0, 0)

    def heading(self, text, size=14, keep_with: float = 40):
        """A heading never ends a page: `keep_with` mm of what follows must fit under it."""
        if self.get_y() + 12 + keep_with > self.h - 18:
            self.add_page()
        self.ln(3)
        self.set_font(self.family, "B", size)
        self.set_text_color(*BRAND)
        self.multi_cell(0, size * 0.5, self.t(text), align="L")
        self.set_text_color(0, 0, 0)
        self.ln(1)

    def para(self, text, size=10, colour=(0, 0, 0)):
        self.set_font(self.family, "", size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 0.5, self.t(text), align="L")
        self.set_text_color(0, 0, 0)
        self.ln(1)

    def svg(self, markup: str, width: float):
        # fpdf2 does not use <title>/<desc>; the page keeps them for screen readers.
        markup = re.sub(r"<(title|desc)[^>]*>.*?</\1>", "", markup, flags=re.S)
        height = svg_height_mm(markup, width)
        if self.get_y() + height > self.h - 18:
            self.add_page()
        self.image(io.BytesIO(markup.encode("utf-8")), x=self.l_margin, w=width)
        self.ln(2)

    def fitted_widths(self, headers, widths) -> tuple:
        """Column widths in which no heading breaks inside a word ("Myöntövaltu|us"): a narrow
        column grows to its heading's longest word, taken from the widest column."""
        self.set_font(self.family, "B", 9)
        padding = 2 * self.c_margin + 1
        needed = [
            max(self.get_string_width(self.t(word)) for word in str(h).split() or [""]) + padding
            for h in headers
        ]
        fitted = [max(w, n) for w, n in zip(widths, needed, strict=True)]
        widest = fitted.index(max(fitted))
        fitted[widest] = max(fitted[widest] - (sum(fitted) - sum(widths)), needed[widest])
        return tuple(fitted)

    def simple_table(self, headers, rows, widths, align_right=()):
        widths = self.fitted_widths(headers, widths)
        self.set_font(self.family, "", 9)
        heading = FontFace(emphasis="BOLD", fill_color=(243, 245, 247))
        with self.table(
            col_widths=widths,
            headings_style=heading,
            line_height=5,
            text_align=tuple("RIGHT" if i in align_right else "LEFT" for i in range(len(headers))),
            width=sum(widths),
            align="LEFT",
        ) as table:
            row = table.row()
            for h in headers:
                row.cell(self.t(h))
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(self.t("" if value is None else value))
        self.ln(2)


def svg_height_mm(markup: str, width_mm: float) -> float:
    width = float(re.search(r'width="([\d.]+)"', markup).group(1))
    height = float(re.search(r'height="([\d.]+)"', markup).group(1))
    return height * width_mm / width


ILLUSTRATIVE = (107, 63, 160)


def render_pdf(data) -> bytes:
    o = data.overview
    pdf = OverviewPDF()
    stamp = date.fromisoformat(o["generated"]).strftime("%-d.%-m.%Y")
    pdf.footer_text = _("Hankesalkku · yleiskuva %(date)s") % {"date": stamp}
    pdf.set_title(pdf.t(_("Yleiskuva hankkeista")))
    pdf.add_page()
    pdf.set_font(pdf.family, "B", 22)
    pdf.set_text_color(*BRAND)
    pdf.cell(0, 11, pdf.t(_("Yleiskuva hankkeista")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    for item in o["selection"]:
        pdf.para(f"{item['field']}: {item['value']}", size=11)
    scope = (
        _("Rahoitetut hankekokonaisuudet (valittu, käynnissä, päättynyt).")
        if o["counts_funded_only"]
        else ""
    )
    pdf.para(f"{scope} {_('Tilanne %(date)s.') % {'date': stamp}}".strip(), size=9, colour=MUTED)
    if o["illustrative_note"]:
        pdf.para(o["illustrative_note"], size=10, colour=ILLUSTRATIVE)
    _key_boxes(pdf, o)
    for sentence in key_sentences(o).values():
        pdf.para(sentence, size=10)
    family = pdf.family
    specs = {spec.key: spec for spec in chart_specs(o)}
    for key in ("ministries", "sectors", "organisation_types"):
        spec = specs[key]
        markup = spec.svg(font_family=family) if spec.groups else ""
        pdf.heading(spec.title, keep_with=svg_height_mm(markup, 170) if markup else 10)
        if markup:
            pdf.svg(markup, width=170)
        pdf.para(spec.summary, size=9, colour=MUTED)
    spec = specs["map"]
    pdf.add_page()
    pdf.heading(spec.title)
    pdf.svg(spec.svg(font_family=family), width=120)
    pdf.para(spec.summary, size=10)
    pdf.simple_table(spec.columns, spec.rows, (60, 30, 50, 30), align_right=(1, 2, 3))
    _financing(pdf, o)
    if data.funnel:
        _funnel(pdf, data)
    results.pdf_section(pdf, data.results or [])
    _projects(pdf, data)
    _sources(pdf, data)
    pdf.alias_nb_pages()
    return bytes(pdf.output())


def _key_boxes(pdf, o):
    boxes = [
        (str(o["entities"]), _("hankekokonaisuutta")),
        (f"{o['entities_single']}+{o['entities_group']}", _("yksin + ryhmänä")),
        (str(o["implementers"]), _("hanketoteuttajaa")),
        (str(o["partners"]), _("yhteistyökumppania")),
    ]
    width = (pdf.w - pdf.l_margin - pdf.r_margin) / len(boxes)
    top = pdf.get_y() + 2
    for index, (number, caption) in enumerate(boxes):
        x = pdf.l_margin + index * width
        pdf.set_fill_color(243, 245, 247)
        pdf.rect(x + 1, top, width - 2, 24, style="F")
        pdf.set_xy(x + 1, top + 2)
        pdf.set_font(pdf.family, "B", 20)
        pdf.set_text_color(*BRAND)
        pdf.cell(width - 2, 10, pdf.t(number), align="C")
        pdf.set_xy(x + 1, top + 13)
        pdf.set_font(pdf.family, "", 9)
        pdf.set_text_color(0, 0, 0)
        pdf.cell(width - 2, 8, pdf.t(caption), align="C")
    pdf.set_xy(pdf.l_margin, top + 28)


def _financing(pdf, o):
    fin = o["financing"]
    labels = financing_labels()
    pdf.heading(_("Rahoitus"))
    # A part no project reported sums to nothing, not to a zero the documents never gave:
    # the PDF writes "–" as the site does.
    rows = [
        [labels[k], format_eur(fin[k]) if fin[k] else "–"] for k in ("total_cost", *FINANCING_PARTS)
    ]
    rows.append([labels["support_rate"], format_rate(fin["support_rate"])])
    pdf.simple_table([_("Rahoitus"), _("Euroa")], rows, (90, 50), align_right=(1,))
    pdf.para(_("– = ei ilmoitettu valituissa hankkeissa."), size=8, colour=MUTED)


def _funnel(pdf, data):
    pdf.heading(_("Hakujen eteneminen"))
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
    pdf.simple_table(
        [_("Haku"), _("Vaihe"), _("Raportoitu"), _("Kirjattu")],
        rows,
        (70, 30, 55, 25),
        align_right=(3,),
    )


def _projects(pdf, data):
    from .project_rows import project_rows

    pdf.add_page()
    pdf.heading(_("Hankekokonaisuudet"))
    rows = []
    for index, row in enumerate(
        project_rows(data.selection, data.language, limit=MAX_PROJECT_ROWS + 1)
    ):
        if index == MAX_PROJECT_ROWS:
            pdf.para(
                _("Luettelo on rajattu %(n)s ensimmäiseen; koko luettelo on XLSX-viennissä.")
                % {"n": MAX_PROJECT_ROWS},
                size=9,
                colour=MUTED,
            )
            break
        name = row["name"] + (f" ({row['acronym']})" if row["acronym"] else "")
        rows.append([name, row["ministries"], row["implementers"], format_eur(row["total_cost"])])
    pdf.simple_table(
        [_("Nimi"), _("Myöntövaltuus"), _("Toteuttajia"), _("Kokonaiskustannukset")],
        rows,
        (100, 25, 20, 35),
        align_right=(2, 3),
    )


def _sources(pdf, data):
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
    if not by_document:
        return
    pdf.heading(_("Lähteet"))
    for document, quotes in by_document.items():
        pdf.para(document, size=9)
        for quote in quotes:
            pdf.para(f"  “{quote}”", size=8, colour=MUTED)
