"""Charts of the results as server-rendered SVG: one horizontal bar per row, with the figures
written beside the bars, so the chart reads without colour and without script.

Each chart is an `<svg role="img">` whose title and description say in words what the bars show;
the page shows the same figures in a table next to it, which is the text alternative a screen
reader user or a copy-paste into a memo needs. The same rows feed the exports.
"""

from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 230
BAR_WIDTH = 260
FIGURE_WIDTH = 120
WIDTH = LABEL_WIDTH + BAR_WIDTH + FIGURE_WIDTH


def _figure(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return f"{value:n}".replace(".", ",")


def bar_rows(result) -> list[tuple[str, Decimal, str]]:
    """(label, value, figure text) for one indicator's result: achieved vs target, the scale's
    distribution, or the totals per district; an empty list when there is nothing to draw."""
    if result.distribution:
        return [
            (_figure(point), Decimal(count), _("%(n)s vastausta") % {"n": count})
            for point, count in result.distribution.items()
        ]
    rows = []
    if result.total is not None:
        rows.append((_("Toteutunut"), result.total, _figure(result.total)))
    if result.target:
        rows.append((_("Tavoite"), result.target, _figure(result.target)))
    for name, total in result.by_district.items():
        rows.append((name, total, _figure(total)))
    return rows if result.total is not None else []


def description(result) -> str:
    rows = bar_rows(result)
    return "; ".join(f"{label}: {text}" for label, _value, text in rows)


def bar_chart(result, *, chart_id: str) -> SafeString:
    """The SVG of one indicator's result, or an empty string when there is nothing to draw."""
    rows = bar_rows(result)
    if not rows:
        return SafeString("")
    top = max((value for _label, value, _text in rows), default=Decimal(0)) or Decimal(1)
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    bars = []
    for index, (label, value, text) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = int(BAR_WIDTH * (value / top)) if value > 0 else 0
        bars.append(
            (
                LABEL_WIDTH - 6,
                y + BAR_HEIGHT * 0.7,
                label,
                LABEL_WIDTH,
                y,
                max(width, 1),
                BAR_HEIGHT,
                LABEL_WIDTH + width + 6,
                y + BAR_HEIGHT * 0.7,
                text,
            )
        )
    body = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" font-size="13" fill="#1f1f1f">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#1a5a96"></rect>'
        '<text x="{}" y="{}" font-size="13" fill="#1f1f1f">{}</text>',
        bars,
    )
    return format_html(
        '<svg class="chart" role="img" aria-labelledby="{0}-t {0}-d" viewBox="0 0 {1} {2}" '
        'width="{1}" height="{2}" preserveAspectRatio="xMinYMin meet" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{0}-t">{3}</title><desc id="{0}-d">{4}</desc>{5}</svg>',
        chart_id,
        WIDTH,
        height,
        str(result.indicator),
        description(result),
        body,
    )


def with_charts(levels, *, prefix="chart"):
    """Give each result of an aggregation its chart (`result.chart`), ids unique on the page."""
    for li, level in enumerate(levels):
        for ri, result in enumerate(level.indicators):
            result.chart = bar_chart(result, chart_id=f"{prefix}-{li}-{ri}")
    return levels
