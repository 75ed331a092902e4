"""DOCX via python-docx, paragraphs and tables in document order.

Application forms are mostly tables; a row becomes one line so that a label and
its value stay next to each other.
"""

from __future__ import annotations

import io

from .base import Extracted


def extract_docx(data: bytes) -> Extracted:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover
        return Extracted(errors=["DOCX-tiedostoja ei voi lukea: python-docx puuttuu."])
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(child, document).text)
            elif tag == "tbl":
                for row in Table(child, document).rows:
                    cells = []
                    for cell in row.cells:
                        value = cell.text.strip()
                        if value and (not cells or cells[-1] != value):
                            cells.append(value)
                    lines.append("\t".join(cells))
                lines.append("")
    except Exception as exc:  # noqa: BLE001
        return Extracted(
            errors=[f"DOCX-tiedosto on vioittunut eikä sitä voitu lukea ({type(exc).__name__})."],
            format="docx",
        )
    return Extracted(text="\n".join(lines), format="docx")
