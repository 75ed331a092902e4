"""DOCX via python-docx, paragraphs and tables in document order.

Application forms are mostly tables; a row becomes one line so that a label and
its value stay next to each other.

A DOCX is a zip archive, and 1 MB of zip can unpack to gigabytes. Before python-docx
sees the file, the sizes its parts declare are checked (their sum and each part's
compression ratio). Python's zipfile never unpacks more of a part than its declared
size (more fails the CRC check, reported as a damaged file), so this also caps what
is read.
"""

from __future__ import annotations

import io
import logging
import zipfile

from .. import limits
from .. import messages as M
from ..messages import Message
from .base import Extracted

logger = logging.getLogger(__name__)


def unpacking_refusal(data: bytes) -> Message | None:
    """Why the archive must not be unpacked (too large, or compressed like a bomb), or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    # NotImplementedError: a directory that claims a zip version or compression zipfile lacks.
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        logger.debug("not a readable zip archive: %s", exc)
        return None  # python-docx names it as damaged
    total = sum(part.file_size for part in parts)
    if total > limits.DOCX_MAX_UNPACKED_BYTES:
        return M.make(
            M.DOCX_UNPACKS_TOO_LARGE,
            size=f"{total / 1024 / 1024:.1f}",
            limit=limits.DOCX_MAX_UNPACKED_BYTES // 1024 // 1024,
        )
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size >= limits.DOCX_RATIO_FROM_BYTES and ratio > limits.DOCX_MAX_RATIO:
            return M.make(
                M.DOCX_COMPRESSION_RATIO,
                part=part.filename,
                ratio=int(ratio),
                limit=limits.DOCX_MAX_RATIO,
            )
    return None


def extract_docx(data: bytes, filename: str = "") -> Extracted:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover
        logger.error("python-docx is not installed; DOCX files cannot be read")
        return Extracted(messages=[M.make(M.DOCX_LIBRARY_MISSING)])
    refusal = unpacking_refusal(data)
    if refusal is not None:
        logger.info("DOCX %s refused: %s", filename, refusal.code)
        return Extracted(messages=[refusal], format="docx")
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
    except Exception as exc:  # noqa: BLE001 - any parser failure means a damaged file
        logger.info("DOCX %s could not be read", filename, exc_info=True)
        return Extracted(messages=[M.make(M.DOCX_CORRUPT, error=type(exc).__name__)], format="docx")
    return Extracted(text="\n".join(lines), format="docx")
