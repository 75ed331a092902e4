"""Text of a scanned PDF (no text layer) by OCR: pdftoppm rasterises, Tesseract reads.

Both are programs, not Python packages (Debian ``poppler-utils``, ``tesseract-ocr`` with its
Finnish and Swedish models), called with a timeout so that a long scan cannot hold a worker
beyond ``limits.DOCUMENT_SECONDS``. Where either is missing the reader says so
(``ocr_unavailable``) instead of failing. Text read this way is marked with ``ocr_used`` and
the mean word confidence, because a misread digit in a figure is the typical OCR error and
the person checking the values must know to look at the image.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .. import limits
from ..wordlists import lines as word_lines

logger = logging.getLogger(__name__)

DPI = 300
"""Tesseract reads body text best at about 300 dots per inch."""

# One thread: Tesseract's OpenMP threads spin on a shared machine and make it slower, not faster.
_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
_JOINING = frozenset(word_lines("joining_words.txt"))
# Tesseract's usual misreading of the section sign on a line of its own: "54 §" as "54 8" / "54 S"
_SECTION_LINE = re.compile(r"^(\d{1,4}) ?[8S$]$", re.M)


@dataclass
class OcrText:
    text: str
    confidence: float  # mean word confidence, 0-100
    pages: int
    total_pages: int
    timed_out: bool = False


def available() -> bool:
    """Whether both programs are installed."""
    return bool(shutil.which("pdftoppm") and shutil.which("tesseract"))


def languages() -> str:
    """Finnish and Swedish where their models are installed (English always is)."""
    try:
        listed = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=10
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        logger.warning("tesseract --list-langs failed; reading with English", exc_info=True)
        return "eng"
    chosen = [lang for lang in ("fin", "swe") if lang in listed]
    return "+".join(chosen) or "eng"


def recognise(data: bytes, page_count: int) -> OcrText:
    """OCR the first ``limits.OCR_MAX_PAGES`` pages of a PDF, page by page, within the time
    limit; raises OSError or subprocess errors when the programs fail."""
    started = time.monotonic()
    pages = min(page_count, limits.OCR_MAX_PAGES)
    lang = languages()
    texts, confidences, done, timed_out = [], [], 0, False
    with tempfile.TemporaryDirectory(prefix="reader-ocr-") as folder:
        pdf = Path(folder) / "in.pdf"
        pdf.write_bytes(data)
        for number in range(1, pages + 1):
            left = limits.DOCUMENT_SECONDS - (time.monotonic() - started)
            if left <= 1:
                timed_out = True
                break
            image = Path(folder) / f"page-{number}"
            subprocess.run(
                ["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile",
                 "-f", str(number), "-l", str(number), str(pdf), str(image)],
                check=True, capture_output=True, timeout=left, env=_ENV,
            )  # fmt: skip
            left = limits.DOCUMENT_SECONDS - (time.monotonic() - started)
            tsv = subprocess.run(
                ["tesseract", f"{image}.png", "stdout", "-l", lang, "--psm", "3", "tsv"],
                check=True, capture_output=True, text=True, timeout=max(left, 1), env=_ENV,
            ).stdout  # fmt: skip
            text, words = _from_tsv(tsv)
            texts.append(text)
            confidences.extend(words)
            done += 1
    confidence = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrText("\n\n".join(texts), confidence, done, page_count, timed_out)


def _from_tsv(tsv: str) -> tuple[str, list[float]]:
    """Tesseract's TSV (one word a row with its block, paragraph and line) back to text: a
    paragraph on one line (the scan's line breaks are only the page's width, and a title or a
    sentence must not be cut by them), paragraphs apart; and each word's confidence."""
    paragraphs: list[str] = []
    confidences: list[float] = []
    words: list[str] = []
    where = None
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        key = (cells[2], cells[3])  # block, paragraph
        line = cells[4]
        if where is not None and key != where[0]:
            paragraphs.append(" ".join(words))
            words = []
        elif where is not None and line != where[1] and words and _hyphenated(words[-1], cells[11]):
            # "kulttuuri-" + "palvelut"; "ELY-" + "keskus" keeps its hyphen
            words[-1] = words[-1][: -1 if words[-1][-2].islower() else None] + cells[11]
            where = (key, line)
            _confidence(cells[10], confidences)
            continue
        where = (key, line)
        words.append(cells[11])
        _confidence(cells[10], confidences)
    if words:
        paragraphs.append(" ".join(words))
    return _SECTION_LINE.sub(r"\1 §", "\n\n".join(paragraphs)), confidences


def _hyphenated(word: str, following: str) -> bool:
    """A word broken at a line end ("kulttuuri-" / "palvelut", "ELY-" / "keskus"), not a
    shared part ("sivistys-" / "ja kulttuuripalvelut")."""
    return (
        word.endswith("-")
        and len(word) > 2
        and word[-2].isalpha()
        and following[:1].islower()
        and following.lower() not in _JOINING
    )


def _confidence(cell: str, confidences: list[float]) -> None:
    with contextlib.suppress(ValueError):
        confidences.append(max(float(cell), 0.0))
