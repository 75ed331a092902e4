"""The inputs the fuzz run and the property-based tests found, kept as plain cases.

Each was a crash before its fix (an exception out of a parser, a 500, a document lost to
`unexpected_failure`); each is now read or refused.
"""

import base64
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from hankesalkku.core.pagination import decode_cursor
from hankesalkku.core.uploads import upload_check
from hankesalkku.documents.matching import parse_amount
from hankesalkku.reader import read_document


def _docx_claiming_zip_version(version: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    data = bytearray(out.getvalue())
    central = data.find(b"PK\x01\x02")
    data[central + 6 : central + 8] = version.to_bytes(2, "little")  # version needed to extract
    return bytes(data)


@pytest.mark.parametrize(
    "typed", ["1" * 40, "2785 2551 2183901125643080527161560714946.5", "1e9999", "NaN", "-0"]
)
def test_an_amount_too_long_or_not_a_number_is_no_amount(typed):
    assert parse_amount(typed) is None


def test_ordinary_amounts_still_read():
    assert str(parse_amount("123 750,00 €")) == "123750.00"
    assert str(parse_amount("495000")) == "495000.00"


def test_a_cursor_of_a_thousand_nested_brackets_is_ignored():
    cursor = base64.urlsafe_b64encode(b"[" * 3000).decode().rstrip("=")
    assert decode_cursor(cursor, 2) is None


def test_a_docx_whose_directory_claims_an_unknown_zip_version_is_told_as_damaged():
    result = read_document(_docx_claiming_zip_version(236), "hakemus.docx")

    assert "unexpected_failure" not in result.error_codes
    assert result.errors


@pytest.mark.django_db
def test_an_attachment_whose_zip_directory_points_before_the_file_is_refused_by_name():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    data = bytearray(out.getvalue())
    end = data.find(b"PK\x05\x06")
    offset = int.from_bytes(data[end + 16 : end + 20], "little") + 100
    data[end + 16 : end + 20] = offset.to_bytes(4, "little")  # members "before" the file start

    with pytest.raises(ValidationError, match="liite.odt"):
        upload_check(name="liite.odt", content=bytes(data))


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["١٢٣", "'", "a b"])
def test_the_overview_organisation_picker_answers_404_to_a_value_that_is_no_slug(client, value):
    assert client.get("/yleiskuva/organisaatio/", {"organisation": value}).status_code == 404
