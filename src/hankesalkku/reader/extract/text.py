"""Plain text in whatever encoding Finnish offices produce.

Files come in UTF-8, Windows-1252 or Latin-1, and sometimes a mix: a UTF-8 file
into which somebody pasted a cp1252 paragraph, or UTF-8 that was once read as
cp1252 and saved again ("Ã¤" for "ä"). Each of these is repaired rather than
refused, and the user is told when a repair was made.
"""

from __future__ import annotations

import codecs
import re

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


def decode_text(data: bytes) -> tuple[str, list[str]]:
    errors: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), errors
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors=_CP1252_FALLBACK)
        if _has_multibyte_utf8(data):
            errors.append(
                "Tiedostossa on sekaisin UTF-8- ja Windows-1252-merkistöä; "
                "merkistö korjattiin automaattisesti, tarkista ääkköset."
            )
    repaired = _repair_mojibake(text)
    if repaired != text:
        errors.append(
            "Tiedostossa oli väärin tulkittuja ääkkösiä (esim. \u201c\u00c3\u00a4\u201d); ne korjattiin."
        )
    return repaired.replace("\r\n", "\n").replace("\r", "\n"), errors


def _has_multibyte_utf8(data: bytes) -> bool:
    return re.search(rb"[\xc2-\xf4][\x80-\xbf]", data) is not None


def _repair_mojibake(text: str) -> str:
    if "\u00c3" not in text and "\u00e2" not in text and "\u00c2" not in text:
        return text

    def fix(match: re.Match) -> str:
        try:
            return match.group().encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return match.group()

    return _MOJIBAKE.sub(fix, text)
