"""Decide the format from the bytes first and the file name second.

File names lie (a PDF saved as .txt, a web page saved as .doc), so magic bytes win.
"""

from __future__ import annotations

from .ahjo_json import extract_ahjo_json, looks_like_json
from .base import Extracted
from .docx import extract_docx
from .html import extract_html, looks_like_html
from .pdf import extract_pdf
from .text import decode_text, looks_binary

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def extract(data: bytes, filename: str) -> Extracted:
    name = filename.lower()
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF") or (name.endswith(".pdf") and b"%PDF" in head):
        return extract_pdf(data)
    if head.startswith(b"PK\x03\x04"):
        if name.endswith((".docx", ".docm", ".dotx")) or b"word/" in data[:4096]:
            return extract_docx(data)
        return Extracted(errors=[_unsupported(filename, "ZIP-paketti, ei DOCX-asiakirja")])
    if head.startswith(_OLE_MAGIC):
        return Extracted(
            errors=[
                "Vanhaa Word- tai Excel-muotoa (.doc/.xls) ei tueta; "
                "tallenna asiakirja DOCX- tai PDF-muodossa."
            ]
        )
    if looks_binary(data):
        return Extracted(errors=[_unsupported(filename, "binääridataa")])
    text, errors = decode_text(data)
    if name.endswith(".json") or looks_like_json(text):
        extracted = extract_ahjo_json(text)
        if extracted is not None:
            extracted.errors[:0] = errors
            return extracted
    if name.endswith((".html", ".htm", ".xhtml")) or looks_like_html(text):
        extracted = extract_html(text)
        extracted.errors[:0] = errors
        return extracted
    return Extracted(text=text, errors=errors, format="text")


def _unsupported(filename: str, what: str) -> str:
    return (
        f"Tiedosto {filename} ei ole luettavaa tekstiä ({what}). "
        "Tuetut muodot ovat teksti, PDF (tekstikerroksella), DOCX, HTML ja Ahjon JSON."
    )
