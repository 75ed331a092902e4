"""An attachment is judged by what it contains, not by what it is called."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from hankesalkku.core.uploads import content_kind, upload_check


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


@pytest.mark.parametrize(
    "content,kind",
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\x89PNG\r\n\x1a\n....", "png"),
        (b"\xff\xd8\xff\xe0....", "jpeg"),
        (DOCX, "docx"),
        (XLSX, "xlsx"),
        (ODT, "odt"),
        ("Hankkeen väliraportti".encode(), "text"),
        (b"MZ\x90\x00\x03\x00\x00\x00", None),
        (_zip({"a.exe": b"x"}), None),
    ],
)
def test_the_kind_comes_from_the_content(content, kind):
    assert content_kind(content) == kind


def test_a_program_named_like_a_pdf_is_refused_with_its_name():
    with pytest.raises(ValidationError) as error:
        upload_check(name="liite.pdf", content=b"MZ\x90\x00\x03\x00\x00\x00")
    assert "liite.pdf" in error.value.messages[0]
    assert error.value.code == "refused_type"


def test_a_file_over_the_limit_is_refused_saying_both_sizes():
    with pytest.raises(ValidationError) as error:
        upload_check(name="iso.pdf", content=b"%PDF-" + b"0" * 2000, max_bytes=1000)
    assert error.value.code == "too_large"
    assert "iso.pdf" in error.value.messages[0]


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError) as error:
        upload_check(name="tyhja.pdf", content=b"")
    assert error.value.code == "empty"


def test_an_accepted_upload_keeps_its_bytes_and_their_hash():
    checked = upload_check(name="budjetti.xlsx", content=XLSX, allowed=frozenset({"xlsx"}))
    assert checked.content == XLSX
    assert checked.kind == "xlsx"
    assert len(checked.sha256) == 64
