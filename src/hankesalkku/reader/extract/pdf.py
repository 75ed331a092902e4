"""PDF via pypdf. Scans, encrypted and broken files are named as such."""

from __future__ import annotations

import io
import logging

from .base import Extracted

_MIN_TEXT_CHARS_PER_PAGE = 15


def extract_pdf(data: bytes) -> Extracted:
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - dependency missing in the environment
        return Extracted(errors=["PDF-tiedostoja ei voi lukea: pypdf-kirjasto puuttuu."])
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return _read(PdfReader, data)
    except Exception as exc:  # noqa: BLE001 - any parser failure means a corrupt file
        return Extracted(
            errors=[f"PDF-tiedosto on vioittunut eikä sitä voitu lukea ({type(exc).__name__})."],
            format="pdf",
        )
    finally:
        logger.setLevel(level)


def _read(reader_class, data: bytes) -> Extracted:
    reader = reader_class(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception:  # noqa: BLE001 - e.g. AES without a crypto library
            opened = 0
        if not opened:
            return Extracted(
                errors=["PDF-tiedosto on salattu (suojattu salasanalla); sitä ei voi lukea."],
                format="pdf",
            )
    pages = []
    for page in reader.pages:
        pages.append((page.extract_text() or "").strip())
    text = "\n\n".join(pages)
    if not reader.pages:
        return Extracted(errors=["PDF-tiedostossa ei ole yhtään sivua."], format="pdf")
    if len(text.strip()) < _MIN_TEXT_CHARS_PER_PAGE * len(pages):
        return Extracted(
            text=text,
            errors=[
                "PDF-tiedostossa ei ole tekstikerrosta; se tarvitsee tekstintunnistuksen (OCR)."
            ],
            format="pdf",
        )
    return Extracted(text=text, format="pdf")
