"""Server-rendered SVG charts: the same markup goes to the page and into the PDF.

Every chart prints its values next to the bars (readable in black and white and by a screen
reader), carries a <title> and a one-sentence <desc>, and is drawn with plain shapes and text
only, so WeasyPrint's SVG renderer (the PDF export embeds the markup inline) draws it as well as
a browser does. The data tables for screen readers are rendered by the page beside each chart.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape

from .tilemap import GRID_COLUMNS, GRID_ROWS, TILE_GRID, tile_label

WEB_FONT = "system-ui, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif"
INK = "#1a1a1a"
MUTED = "#555555"
BAR = "#0b4f8a"
# Light to dark; text turns white from the fourth shade on (contrast ≥ 4.5:1 both ways).
SHADES = ("#ffffff", "#dbe8f5", "#a9c8e8", "#5b93c7", "#1f5f9e", "#0b3a66")
_ids = itertools.count(1)


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | float
    text: str | None = None  # printed value; defaults to the number itself


@dataclass(frozen=True)
class Group:
    label: str
    bars: list[Bar]


_NARROW = frozenset("fijlrtI.,:;'!|()[]- ")
_WIDEST = frozenset("mwMW%")


def _em(char: str) -> float:
    if char in _NARROW:
        return 0.4
    if char in _WIDEST:
        return 1.0
    if char.isupper() or char.isdigit() or char in "+€":
        return 0.8
    return 0.64


def _text_width(text: str, size: float) -> float:
    """A generous estimate of rendered width; there is no font metrics at hand server-side.
    It is measured against DejaVu Sans, the widest font the charts meet (the PDF's, and Linux
    browsers' fallback), because an SVG clips a label that outgrows its room: at 0.56 em a letter
    "OKM+STM gemensamt" (11.5 em) was clipped, at 0.74 em a capital still by a few pixels."""
    return sum(_em(c) for c in text) * size


def _open_svg(width: float, height: float, title: str, summary: str, font_family: str) -> tuple:
    uid = f"chart-{next(_ids)}"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" font-family="{escape(font_family)}">'
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(summary)}</desc>'
    )
    return head, "</svg>"


def _text(
    x, y, content, *, size=13, weight="normal", anchor="start", fill=INK, font_family=None
) -> str:
    family = f' font-family="{escape(font_family)}"' if font_family else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" '
        f'text-anchor="{anchor}" fill="{fill}"{family}>{escape(str(content))}</text>'
    )


def bar_chart(
    groups: list[Group] | list[Bar],
    *,
    title: str,
    summary: str,
    width: int = 640,
    font_family: str = WEB_FONT,
    label_width: int | None = None,
) -> str:
    """A horizontal bar chart, optionally in labelled groups (sectors under their branch)."""
    if groups and isinstance(groups[0], Bar):
        groups = [Group("", list(groups))]
    bars = [b for g in groups for b in g.bars]
    size, row, group_gap = 13, 24, 10
    longest = max((_text_width(b.label, size) for b in bars), default=60)
    label_width = label_width or int(min(max(longest + 12, 90), width * 0.5))
    value_room = max((_text_width(b.text or str(b.value), size) for b in bars), default=20) + 10
    bar_area = max(width - label_width - value_room - 4, 40)
    top = max(b.value for b in bars) if bars else 0
    height = 6 + sum(row * len(g.bars) + (row + 2 if g.label else 0) + group_gap for g in groups)
    head, tail = _open_svg(width, height, title, summary, font_family)
    parts, y = [head], 4.0
    for group in groups:
        if group.label:
            parts.append(_text(0, y + 16, group.label, size=14, weight="bold"))
            y += row + 2
        for bar in group.bars:
            length = 0 if not top else bar_area * bar.value / top
            parts.append(_text(label_width - 8, y + 16, bar.label, size=size, anchor="end"))
            if length:
                parts.append(
                    f'<rect x="{label_width}" y="{y + 3:.1f}" width="{length:.1f}" '
                    f'height="{row - 7}" fill="{BAR}"/>'
                )
            parts.append(
                f'<line x1="{label_width}" y1="{y + 1:.1f}" x2="{label_width}" '
                f'y2="{y + row - 2:.1f}" stroke="{MUTED}" stroke-width="1"/>'
            )
            parts.append(
                _text(
                    label_width + length + 6,
                    y + 16,
                    bar.text or bar.value,
                    size=size,
                    weight="bold",
                )
            )
            y += row
        y += group_gap
    parts.append(tail)
    return "".join(parts)


def shade_for(value: int, top: int) -> str:
    """Zero is white; the rest are spread over five shades relative to the largest value."""
    if value <= 0 or top <= 0:
        return SHADES[0]
    step = 1 + min(4, int((value - 1) * 5 / max(top, 1)))
    return SHADES[step]


def tile_map(
    rows: list[dict],
    *,
    title: str,
    summary: str,
    legend: str,
    tile: int = 86,
    gap: int = 5,
    font_family: str = WEB_FONT,
    language: str = "fi",
) -> str:
    """Regions as squares in Finland's rough shape: total of implementers and partners large,
    "implementers + partners" small, region name on top."""
    by_slug = {r["slug"]: r for r in rows}
    top = max((r["implementers"] + r["partners"] for r in rows), default=0)
    legend_height = 58
    width = GRID_COLUMNS * (tile + gap)
    height = GRID_ROWS * (tile + gap) + legend_height
    head, tail = _open_svg(width, height, title, summary, font_family)
    parts = [head]
    for slug, (col, row_index) in TILE_GRID.items():
        region = by_slug.get(slug)
        if region is None:
            continue
        total = region["implementers"] + region["partners"]
        x, y = col * (tile + gap), row_index * (tile + gap)
        fill = shade_for(total, top)
        dark = fill in SHADES[3:]
        ink = "#ffffff" if dark else INK
        dash = ' stroke-dasharray="4 3"' if total == 0 else ""
        parts.append(
            f'<rect x="{x}" y="{y}" width="{tile}" height="{tile}" rx="4" fill="{fill}" '
            f'stroke="{MUTED if total == 0 else BAR}" stroke-width="1"{dash}/>'
        )
        lines = tile_label(slug, region["short_name"], language).split("\n")
        for i, line in enumerate(lines):
            parts.append(
                _text(x + tile / 2, y + 14 + 12 * i, line, size=10.5, anchor="middle", fill=ink)
            )
        parts.append(
            _text(
                x + tile / 2,
                y + tile - 22,
                total,
                size=22,
                weight="bold",
                anchor="middle",
                fill=ink,
            )
        )
        parts.append(
            _text(
                x + tile / 2,
                y + tile - 7,
                f"{region['implementers']} + {region['partners']}",
                size=10,
                anchor="middle",
                fill=ink,
            )
        )
    y = GRID_ROWS * (tile + gap) + 6
    for i, shade in enumerate(SHADES):
        parts.append(
            f'<rect x="{i * 22}" y="{y}" width="20" height="14" fill="{shade}" '
            f'stroke="{MUTED}" stroke-width="0.6"/>'
        )
    parts.append(_text(len(SHADES) * 22 + 6, y + 12, f"0 … {top}", size=11, fill=MUTED))
    for i, line in enumerate(_wrap(legend, int(width / (11 * 0.56)))[:2]):
        parts.append(_text(0, y + 32 + 14 * i, line, size=11, fill=MUTED))
    parts.append(tail)
    return "".join(parts)


def _wrap(text: str, limit: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > limit:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return lines
