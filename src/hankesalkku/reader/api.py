"""``read_document``: bytes and a file name in, a checked :class:`ReadResult` out."""

from __future__ import annotations

import hashlib
import logging

from . import limits
from . import messages as M
from .limits import MAX_BYTES
from .pipeline import STAGES, run
from .result import ReadResult

logger = logging.getLogger(__name__)

NOTHING_FOUND = M.message_text(M.NOTHING_FOUND)
"""The Finnish text of ``nothing_found`` ("Asiakirjasta ei tunnistettu rahoitustietoja.")."""


def read_document(data: bytes, filename: str, *, stages=STAGES) -> ReadResult:
    """Read one document. Never raises: every problem becomes a message in ``errors``.

    ``stages`` is :data:`~hankesalkku.reader.pipeline.STAGES` unless a test replaces one.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        result = ReadResult(filename=str(filename), sha256="")
        result.add_message(M.make(M.NOT_BYTES))
        return result
    data = bytes(data)
    result = ReadResult(filename=filename, sha256=hashlib.sha256(data).hexdigest())
    if not data.strip():
        result.add_message(M.make(M.EMPTY_FILE, filename=filename))
        return result
    if len(data) > limits.MAX_BYTES:
        result.add_message(
            M.make(
                M.FILE_TOO_LARGE,
                filename=filename,
                size=f"{len(data) / 1024 / 1024:.1f}",
                limit=limits.MAX_BYTES // 1024 // 1024,
            )
        )
        return result
    try:
        run(data, filename, stages).fill(result)
    except Exception as exc:  # noqa: BLE001 - the batch must go on whatever one file does
        logger.error("reading %s failed", filename, exc_info=True)
        result.add_message(
            M.make(M.UNEXPECTED_FAILURE, filename=filename, error=type(exc).__name__)
        )
    return result


__all__ = ["MAX_BYTES", "NOTHING_FOUND", "read_document"]
