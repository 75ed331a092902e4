"""Plain text in whatever encoding Finnish offices produce.

Files come in UTF-8, Windows-1252 or Latin-1, and sometimes a mix: a UTF-8 file
into which somebody pasted a cp1252 paragraph, or UTF-8 that was once read as
cp1252 and saved again ("Ã¤" for "ä"). Each of these is repaired rather than
refused, and the user is told when a repair was made.
"""

from __future__ import annotations

import codecs
import logging
import re

from .. import messages as M
from ..messages import Message

logger = logging.getLogger(__name__)

_CP1252_FALLBACK = "hankesalkku-cp1252"


def _cp1252_for_bad_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace").replace("\ufffd", "?"), error.end


codecs.register_error(_CP1252_FALLBACK, _cp1252_for_bad_bytes)

# UTF-8 bytes that were decoded as cp1252: a lead char followed by continuation chars.
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3\u00c5\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{1,2}"
)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f]")


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = len(_CONTROL.findall(sample))
    return controls > max(2, len(sample) // 100)


def decode_text(data: bytes) -> tuple[str, list[Message]]:
    found: list[Message] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), found
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        logger.debug("not UTF-8 (%s); bad bytes read as Windows-1252", error.reason)
        text = data.decode("utf-8", errors=_CP1252_FALLBACK)
        if _has_multibyte_utf8(data):
            found.append(M.make(M.MIXED_ENCODING))
    repaired = _repair_mojibake(text)
    if repaired != text:
        found.append(M.make(M.MOJIBAKE_REPAIRED))
    return repaired.replace("\r\n", "\n").replace("\r", "\n"), found


def _has_multibyte_utf8(data: bytes) -> bool:
    return re.search(rb"[\xc2-\xf4][\x80-\xbf]", data) is not None


def _repair_mojibake(text: str) -> str:
    if "\u00c3" not in text and "\u00e2" not in text and "\u00c2" not in text:
        return text

    def fix(match: re.Match) -> str:
        try:
            return match.group().encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            logger.debug("kept %r: not UTF-8 read as Windows-1252", match.group())
            return match.group()

    return _MOJIBAKE.sub(fix, text)
