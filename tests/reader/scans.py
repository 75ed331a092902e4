"""Image-only PDFs made in the test, like a decision printed and scanned: text drawn with
Pillow onto white A4 pages, saved as a PDF that has no text layer."""

from __future__ import annotations

import io
import re
import textwrap
from pathlib import Path

FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
)
DPI = 200
WIDTH, HEIGHT = int(8.27 * DPI), int(11.69 * DPI)  # A4
MARGIN = int(0.8 * DPI)


def font(size: int):
    from PIL import ImageFont

    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def scanned_pdf(text: str, *, size: int = 30) -> bytes:
    """``text`` as pages of pixels (11 pt at 200 dpi), one PDF without any text."""
    from PIL import Image, ImageDraw

    text = printed(text)
    face = font(size)
    step = int(size * 1.45)
    lines: list[str] = []
    for paragraph in text.splitlines():
        lines.extend(textwrap.wrap(paragraph, 80, break_on_hyphens=False) or [""])
    per_page = (HEIGHT - 2 * MARGIN) // step
    pages = []
    for first in range(0, len(lines), per_page):
        page = Image.new("L", (WIDTH, HEIGHT), 255)
        draw = ImageDraw.Draw(page)
        for i, line in enumerate(lines[first : first + per_page]):
            draw.text((MARGIN, MARGIN + i * step), line, font=face, fill=0)
        pages.append(page)
    out = io.BytesIO()
    pages[0].save(out, "PDF", resolution=DPI, save_all=True, append_images=pages[1:])
    return out.getvalue()


def printed(text: str) -> str:
    """A text file as it looks on paper: Markdown's heading marks and rules are typography
    (bold, a line), not characters a scanner would see."""
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)
    return re.sub(r"^(?:-{3,}|\*{3,})\s*$", "", text, flags=re.M)
