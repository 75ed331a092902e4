"""Attachments people upload (to applications, payment claims, reports): checked by content.

Why here: applying, payments and reporting all take attachments, and a file's name says
nothing about what it is (a program renamed `liite.pdf` is still a program). One function
decides what a file is from its first bytes and, for zip-based office files, from the zip's own
table of contents, and refuses what is too large or not one of the kinds the caller allows,
with a message in the UI language that names the file. The original bytes are never changed.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# What a person may attach, by the kind read from the content.
KIND_LABELS = {
    "pdf": gettext_lazy("PDF-asiakirja"),
    "docx": gettext_lazy("Word-asiakirja (DOCX)"),
    "xlsx": gettext_lazy("Excel-taulukko (XLSX)"),
    "odt": gettext_lazy("OpenDocument-teksti (ODT)"),
    "ods": gettext_lazy("OpenDocument-taulukko (ODS)"),
    "png": gettext_lazy("PNG-kuva"),
    "jpeg": gettext_lazy("JPEG-kuva"),
    "text": gettext_lazy("tekstitiedosto"),
}
DOCUMENT_KINDS = frozenset({"pdf", "docx", "xlsx", "odt", "ods", "png", "jpeg", "text"})
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_ZIP_MEMBER_LIMIT = 10_000  # a zip with more parts than any office file has is refused


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed: its bytes as received, the kind read from them, their hash."""

    name: str
    content: bytes
    kind: str
    sha256: str

    @property
    def size(self) -> int:
        return len(self.content)


def _zip_kind(content: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            infos = archive.infolist()
            if len(infos) > _ZIP_MEMBER_LIMIT:
                return None
            names = {info.filename for info in infos}
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100]
                if mimetype == b"application/vnd.oasis.opendocument.text":
                    return "odt"
                if mimetype == b"application/vnd.oasis.opendocument.spreadsheet":
                    return "ods"
                return None
            if "[Content_Types].xml" in names:
                if any(name.startswith("word/") for name in names):
                    return "docx"
                if any(name.startswith("xl/") for name in names):
                    return "xlsx"
    except (
        zipfile.BadZipFile,
        OSError,
        KeyError,
        RuntimeError,
        ValueError,  # a damaged directory: "negative seek value"
        NotImplementedError,  # a compression method zipfile does not know
        EOFError,
        zlib.error,
    ):
        return None
    return None


def content_kind(content: bytes) -> str | None:
    """What the bytes are, whatever the file is called; None for anything not recognised."""
    head = content[:1024]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(content)
    if b"\x00" in head:
        return None
    try:
        content[:65536].decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < 65530:  # a character cut at the sample's end is still text
            return None
    return "text"


def upload_check(
    *,
    name: str,
    content: bytes,
    allowed: frozenset[str] = DOCUMENT_KINDS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> CheckedUpload:
    """The upload if it may be kept; otherwise ValidationError saying what is wrong with it."""
    if not content:
        raise ValidationError(_("Liite %(name)s on tyhjä.") % {"name": name}, code="empty")
    if len(content) > max_bytes:
        raise ValidationError(
            _("Liite %(name)s on liian suuri (%(size)s); suurin sallittu koko on %(max)s.")
            % {
                "name": name,
                "size": filesizeformat(len(content)),
                "max": filesizeformat(max_bytes),
            },
            code="too_large",
        )
    kind = content_kind(content)
    if kind not in allowed:
        accepted = ", ".join(str(KIND_LABELS[k]) for k in sorted(allowed))
        raise ValidationError(
            _(
                "Liitettä %(name)s ei voi ottaa vastaan: sen sisältö ei ole mikään sallituista (%(accepted)s)."
            )
            % {"name": name, "accepted": accepted},
            code="refused_type",
        )
    return CheckedUpload(
        name=name, content=content, kind=kind, sha256=hashlib.sha256(content).hexdigest()
    )
