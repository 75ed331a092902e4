"""Which extractor reads a file: every format the reader knows, declared once, in order.

The bytes decide first and the file name second: file names lie (a PDF saved as .txt, a
web page saved as .doc), so magic bytes win. :data:`FORMATS` is tried in order; the first
format whose ``claims`` is true reads the file. Binary formats look at the bytes; text
formats (``text=True``) look at the decoded text, and their extractor may return None
("not mine after all": JSON that does not parse is read as HTML or plain text).

To read a new kind of file, write its extractor (bytes and file name in, an
:class:`Extracted` out) and add one :class:`Format` here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import messages as M
from .ahjo_json import extract_ahjo_json, looks_like_json
from .base import Extracted
from .docx import extract_docx
from .html import extract_html, looks_like_html
from .pdf import extract_pdf
from .text import decode_text, looks_binary

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Format:
    """One kind of file: how it is recognised and what reads it."""

    name: str
    claims: Callable[[bytes | str, str], bool]
    """(the bytes, or the decoded text for a text format; the lower-case file name) -> mine?"""
    read: Callable[..., Extracted | None]
    """(bytes, file name) -> Extracted for binary formats, (text) -> Extracted | None for text"""
    text: bool = False


def _refuse(code: str) -> Callable[[bytes, str], Extracted]:
    """An extractor that reads nothing and says why (``code`` of messages)."""

    def refuse(data: bytes, filename: str) -> Extracted:
        return Extracted(messages=[M.make(code, filename=filename)])

    return refuse


def _plain_text(text: str) -> Extracted:
    return Extracted(text=text, format="text")


FORMATS: tuple[Format, ...] = (
    Format(
        "pdf",
        lambda data, name: (
            data[:1024].lstrip().startswith(b"%PDF")
            or (name.endswith(".pdf") and b"%PDF" in data[:1024])
        ),
        extract_pdf,
    ),
    Format(
        "docx",
        lambda data, name: (
            data.startswith(_ZIP_MAGIC)
            and (name.endswith((".docx", ".docm", ".dotx")) or b"word/" in data[:4096])
        ),
        extract_docx,
    ),
    Format("zip", lambda data, name: data.startswith(_ZIP_MAGIC), _refuse(M.ZIP_NOT_DOCX)),
    Format("doc/xls", lambda data, name: data.startswith(_OLE_MAGIC), _refuse(M.OLD_OFFICE_FORMAT)),
    Format("binary", lambda data, name: looks_binary(data), _refuse(M.BINARY_DATA)),
    Format(
        "json",
        lambda text, name: name.endswith(".json") or looks_like_json(text),
        extract_ahjo_json,
        text=True,
    ),
    Format(
        "html",
        lambda text, name: name.endswith((".html", ".htm", ".xhtml")) or looks_like_html(text),
        extract_html,
        text=True,
    ),
    Format("text", lambda text, name: True, _plain_text, text=True),
)


def extract(data: bytes, filename: str) -> Extracted:
    """The text of a file by the first format of :data:`FORMATS` that claims it."""
    name = filename.lower()
    decoded = None
    for kind in FORMATS:
        if not kind.text:
            if kind.claims(data, name):
                return kind.read(data, filename)
            continue
        if decoded is None:
            decoded = decode_text(data)  # (text, what the decoding repaired)
        text, repairs = decoded
        if kind.claims(text, name):
            extracted = kind.read(text)
            if extracted is not None:
                extracted.messages[:0] = repairs
                return extracted
    return Extracted()  # (not reached while the last format claims every text)
