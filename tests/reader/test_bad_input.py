"""A batch of uploads goes on whatever one file contains; each problem is named in Finnish."""

from __future__ import annotations

import time

import pytest
from fixture_builders import make_docx, make_pdf

from hankesalkku.reader import MAX_BYTES, NOTHING_FOUND, read_document

DECISION_LINES = [
    "Strategiajohtaja päätti hyväksyä osallistumisen hankkeeseen.",
    "Hankkeen kokonaisbudjetti on 200 000 euroa.",
]


def test_empty_file_is_reported_as_empty():
    result = read_document(b"", "tyhja.txt")
    assert result.errors == ["Tiedosto tyhja.txt on tyhjä."]
    assert result.kind == "unknown" and result.amounts == []


def test_binary_junk_is_not_read_as_text():
    junk = bytes(range(256)) * 40
    result = read_document(junk, "kuva.txt")
    assert result.text == ""
    assert "ei ole luettavaa tekstiä" in result.errors[0]


def test_pdf_without_text_layer_needs_ocr():
    result = read_document(make_pdf(None, blank_pages=2), "skannattu.pdf")
    assert any("tekstintunnistuksen (OCR)" in e for e in result.errors)


def test_pdf_with_text_layer_is_read():
    result = read_document(make_pdf([DECISION_LINES]), "paatos.pdf")
    assert result.errors == []
    assert [(a.eur, a.role) for a in result.amounts][0][1] == "project_total"


def test_encrypted_pdf_is_named_as_encrypted():
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(make_pdf([DECISION_LINES]))))
    writer.encrypt(user_password="salainen", owner_password="omistaja", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    result = read_document(out.getvalue(), "salattu.pdf")
    assert any("salattu" in e for e in result.errors)
    assert result.amounts == []


def test_corrupt_pdf_is_named_as_corrupt():
    broken = make_pdf([DECISION_LINES])[:120] + b"\x00garbage" * 10
    result = read_document(broken, "rikki.pdf")
    assert result.errors and ("vioittunut" in result.errors[0] or "OCR" in result.errors[0])


def test_corrupt_docx_is_named_as_corrupt():
    result = read_document(b"PK\x03\x04" + b"\x00" * 200, "rikki.docx")
    assert "vioittunut" in result.errors[0]


def test_docx_form_table_is_read():
    data = make_docx(["Hakemus"], [("Hakija", "Testiyhdistys ry"), ("Haettava tuki (€)", "30 000")])
    result = read_document(data, "hakemus.docx")
    assert ("30000.00", "project_support") in {(f"{a.eur:.2f}", a.role) for a in result.amounts}
    assert ("Testiyhdistys ry", "applicant") in {(o.name, o.role) for o in result.organisations}


def test_fifty_megabyte_file_is_refused_quickly():
    huge = b"a" * (50 * 1024 * 1024)
    started = time.perf_counter()
    result = read_document(huge, "valtava.txt")
    assert time.perf_counter() - started < 1.0
    assert "liian suuri" in result.errors[0] and str(MAX_BYTES // 1024 // 1024) in result.errors[0]


def test_windows_1252_text_is_decoded():
    text = "Päätös: hankkeen kokonaisbudjetti on 50 000 € ja tuki 37 500 €."
    result = read_document(text.encode("cp1252"), "vanha.txt")
    assert "Päätös" in result.text and "€" in result.text
    assert result.errors == []


def test_mixed_encodings_are_repaired_and_reported():
    data = "Hämeen ELY-keskus\n".encode() + "Kokonaisbudjetti 10 000 € ja sähkö\n".encode("cp1252")
    result = read_document(data, "sekainen.txt")
    assert "Hämeen" in result.text and "sähkö" in result.text
    assert any("sekaisin" in e for e in result.errors)


def test_double_encoded_utf8_is_repaired():
    data = (
        "Hankkeen kokonaisbudjetti on 10 000 euroa, päätös tehty.".encode()
        .decode("cp1252")
        .encode()
    )
    result = read_document(data, "mojibake.txt")
    assert "päätös" in result.text


def test_nothing_recognisable_says_so():
    result = read_document(b"Kahvinkeitin sammutetaan illalla.\n", "muistio.txt")
    assert result.kind == "unknown"
    assert NOTHING_FOUND in result.errors


def test_document_without_funding_content_has_no_funding_fields():
    text = (
        "Kaupunkiympäristölautakunta päätti vahvistaa kadunnimet.\n"
        "Talvikunnossapito tehdään kaudella 2024–2025.\nHEL 2024-001122 T 10 03 00\n"
    )
    result = read_document(text.encode(), "katu.txt")
    assert result.amounts == []
    for name in ("programme", "funding_authority", "period_start", "cost_model"):
        assert name not in result.fields


@pytest.mark.parametrize(
    "data", [b"\xff\xfe" + "Tuki 1 000 €".encode("utf-16-le"), b"{not json", b"<html><p>x"]
)
def test_odd_but_textual_input_never_raises(data):
    result = read_document(data, "outo")
    assert isinstance(result.errors, list)


def test_non_bytes_input_is_an_error_not_an_exception():
    result = read_document("teksti", "x.txt")  # type: ignore[arg-type]
    assert result.errors
