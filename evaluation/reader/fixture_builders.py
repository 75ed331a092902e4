"""Small PDF, DOCX and legacy-encoding files built from text, for tests and evaluation.

Binary fixtures are produced by code rather than committed opaque, so anyone can
see exactly what they contain and rebuild them.
"""

from __future__ import annotations

import io


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: list[list[str]] | None, *, blank_pages: int = 0) -> bytes:
    """A PDF with a real text layer (one line per Tj), or blank pages like a scan without OCR."""
    pages = list(pages or []) + [[] for _ in range(blank_pages)]
    objects: list[bytes] = []
    font_id = 3
    page_ids = []
    content_objects = []
    next_id = 4
    for lines in pages:
        stream = (
            b"BT /F1 10 Tf 14 TL 50 800 Td "
            + b" ".join(_pdf_string(t) + b" Tj T*" for t in lines)
            + b" ET"
        )
        content_objects.append((next_id, stream))
        page_ids.append(next_id + 1)
        next_id += 2
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % pid for pid in page_ids)
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(page_ids))
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for content_id, stream in content_objects:
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
            b"/Contents %d 0 R >>" % (font_id, content_id)
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def make_docx(paragraphs: list[str], table: list[tuple[str, str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=0, cols=2)
        for label, value in table:
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = label, value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
