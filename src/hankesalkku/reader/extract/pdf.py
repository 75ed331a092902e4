"""PDF via pypdf. Scans, encrypted and broken files are named as such."""

from __future__ import annotations

import io
import logging

from .. import messages as M
from .base import Extracted

logger = logging.getLogger(__name__)

_MIN_TEXT_CHARS_PER_PAGE = 15


def extract_pdf(data: bytes, filename: str = "") -> Extracted:
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - dependency missing in the environment
        logger.error("pypdf is not installed; PDF files cannot be read")
        return Extracted(messages=[M.make(M.PDF_LIBRARY_MISSING)])
    pypdf_logger = logging.getLogger("pypdf")
    level = pypdf_logger.level
    pypdf_logger.setLevel(logging.ERROR)
    try:
        return _read(PdfReader, data)
    except Exception as exc:  # noqa: BLE001 - any parser failure means a corrupt file
        logger.info("PDF %s could not be read", filename, exc_info=True)
        return Extracted(messages=[M.make(M.PDF_CORRUPT, error=type(exc).__name__)], format="pdf")
    finally:
        pypdf_logger.setLevel(level)


def _read(reader_class, data: bytes) -> Extracted:
    reader = reader_class(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception:  # noqa: BLE001 - e.g. AES without a crypto library
            logger.info("an encrypted PDF could not be opened without a password", exc_info=True)
            opened = 0
        if not opened:
            return Extracted(messages=[M.make(M.PDF_ENCRYPTED)], format="pdf")
    pages = []
    for page in reader.pages:
        pages.append((page.extract_text() or "").strip())
    text = "\n\n".join(pages)
    if not reader.pages:
        return Extracted(messages=[M.make(M.PDF_NO_PAGES)], format="pdf")
    if len(text.strip()) < _MIN_TEXT_CHARS_PER_PAGE * len(pages):
        return Extracted(text=text, messages=[M.make(M.PDF_NO_TEXT_LAYER)], format="pdf")
    return Extracted(text=text, format="pdf")
