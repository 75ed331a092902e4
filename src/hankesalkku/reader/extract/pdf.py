"""PDF via pypdf. Scans are read by OCR (``ocr.py``); encrypted and broken files are named
as such."""

from __future__ import annotations

import io
import logging
import subprocess

from .. import limits
from .. import messages as M
from . import ocr
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
        return _scanned(data, text, len(pages))
    return Extracted(text=text, format="pdf")


def _scanned(data: bytes, text: str, page_count: int) -> Extracted:
    """A PDF without a text layer: its text by OCR where the programs are installed."""
    if not ocr.available():
        return Extracted(
            text=text, messages=[M.make(M.PDF_NO_TEXT_LAYER), M.make(M.OCR_UNAVAILABLE)],
            format="pdf",
        )  # fmt: skip
    try:
        found = ocr.recognise(data, page_count)
    except (OSError, subprocess.SubprocessError) as exc:
        logger.warning("OCR of a scanned PDF failed", exc_info=True)
        error = "timeout" if isinstance(exc, subprocess.TimeoutExpired) else type(exc).__name__
        messages = [M.make(M.PDF_NO_TEXT_LAYER)]
        if isinstance(exc, subprocess.TimeoutExpired):
            messages.append(M.make(M.TIME_LIMIT, stage="extract", seconds=_seconds()))
        else:
            messages.append(M.make(M.PDF_CORRUPT, error=error))
        return Extracted(text=text, messages=messages, format="pdf")
    if not found.text.strip():
        return Extracted(
            text=text, messages=[M.make(M.PDF_NO_TEXT_LAYER), M.make(M.OCR_NO_TEXT)], format="pdf"
        )
    messages = [M.make(M.OCR_USED, pages=found.pages, confidence=f"{found.confidence:.0f}")]
    if found.timed_out:
        messages.append(M.make(M.TIME_LIMIT, stage="extract", seconds=_seconds()))
    elif found.pages < found.total_pages:
        messages.append(M.make(M.OCR_TRUNCATED, pages=found.pages, total=found.total_pages))
    return Extracted(
        text=found.text, messages=messages, format="pdf-ocr", ocr_confidence=found.confidence
    )


def _seconds() -> str:
    return f"{limits.DOCUMENT_SECONDS:g}"
