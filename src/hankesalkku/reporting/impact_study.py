"""The impact study of a call as a PDF: every level, indicator, target vs achieved, narratives,
and results per district, from the same aggregation as the impact page.

Finnish letters need a Unicode font: DejaVu Sans from HANKESALKKU_FONT_DIR or the system's font
directories, as the overview's PDF export finds it; without it the built-in Helvetica is used
and letters outside Latin-1 are replaced.
"""

import os
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext as _
from fpdf import FPDF

from .aggregation import aggregate, district_comparison, parts_per_district

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")


@lru_cache(maxsize=1)
def _font_dir() -> Path | None:
    configured = os.environ.get("HANKESALKKU_FONT_DIR")
    for root in [Path(configured)] if configured else [Path(p).expanduser() for p in FONT_DIRS]:
        if root.is_dir():
            for found in root.rglob("DejaVuSans.ttf"):
                if (found.parent / "DejaVuSans-Bold.ttf").is_file():
                    return found.parent
    return None


class _PDF(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        folder = _font_dir()
        self.family = "helvetica"
        if folder is not None:
            self.add_font("DejaVu", "", str(folder / "DejaVuSans.ttf"))
            self.add_font("DejaVu", "B", str(folder / "DejaVuSans-Bold.ttf"))
            self.family = "DejaVu"
        self.set_auto_page_break(True, margin=15)
        self.add_page()

    def t(self, text) -> str:
        text = str(text)
        if self.family == "DejaVu":
            return text
        return text.replace("–", "-").encode("latin-1", "replace").decode("latin-1")

    def line_of(self, text, size=10, bold=False):
        self.set_font(self.family, "B" if bold else "", size)
        self.multi_cell(0, size * 0.55, self.t(text), new_x="LMARGIN", new_y="NEXT")


def _figure(value) -> str:
    return "–" if value is None else f"{value:n}".replace(",", " ")


def impact_study_pdf(call) -> bytes:
    pdf = _PDF()
    pdf.line_of(_("Vaikuttavuusselvitys: %(call)s") % {"call": call.name}, 16, True)
    if call.impact_framework_id:
        pdf.line_of(call.impact_framework.name, 11)
    for level in aggregate(call):
        pdf.ln(3)
        pdf.start_section(pdf.t(level.name))  # the outline lets a reader jump to a level
        pdf.line_of(level.name, 13, True)
        for result in level.indicators:
            indicator = result.indicator
            pdf.line_of(str(indicator), 10, True)
            if result.distribution:
                spread = ", ".join(f"{k:n}: {v}" for k, v in result.distribution.items())
                pdf.line_of(_("Jakauma %(d)s; keskiarvo %(m)s") % {"d": spread, "m": result.mean})
            elif indicator.kind != "narrative":
                pdf.line_of(
                    _("Tavoite %(t)s, toteutunut %(a)s %(u)s")
                    % {"t": _figure(result.target), "a": _figure(result.total), "u": indicator.unit}
                )
            for name, total in result.by_district.items():
                pdf.line_of(f"  {name}: {_figure(total)}", 9)
            for who, period, text in result.narratives:
                pdf.line_of(f"{who} ({period}): {text}", 9)
    pdf.ln(3)
    pdf.line_of(_("Kohdekaupunginosat"), 13, True)
    for comparison in district_comparison(call):
        pdf.line_of(
            _("%(name)s (kaupungin mediaani %(median)s %(unit)s)")
            % {
                "name": comparison.name,
                "median": _figure(comparison.median),
                "unit": comparison.unit,
            },
            10,
            True,
        )
        for district, value, year, source, illustrative in comparison.rows:
            mark = " (" + _("havainnollistava") + ")" if illustrative else ""
            pdf.line_of(f"  {district}: {_figure(value)} ({year}, {source}){mark}", 9)
    for district, projects in parts_per_district(call).items():
        pdf.line_of(f"{district}: {', '.join(projects) or '–'}", 9)
    return bytes(pdf.output())
