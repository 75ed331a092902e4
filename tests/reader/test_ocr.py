"""A scanned decision (a PDF of page images, no text layer) is read by OCR into the same facts
as its text, and says that its text was recognised from an image and how sure OCR was."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from scans import scanned_pdf

from hankesalkku.reader import messages as M
from hankesalkku.reader import read_document
from hankesalkku.reader.extract import ocr

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="tesseract or pdftoppm not installed")


def facts(result):
    return (
        {name: field.value for name, field in result.fields.items()},
        sorted((a.eur, a.role, a.qualifier, a.budget_item) for a in result.amounts),
        sorted((o.name, o.role) for o in result.organisations),
    )


@needs_ocr
def test_a_scanned_seed_decision_is_read_by_ocr_with_the_same_fields_and_amounts():
    paths = sorted(SEEDS.glob("000_*"))
    if not paths:
        pytest.skip(f"seed 000 is not present in {SEEDS}")
    text = paths[0].read_bytes()

    scanned = read_document(scanned_pdf(text.decode("utf-8")), "54_skannattu.pdf")
    typed = read_document(text, paths[0].name)

    assert scanned.error_codes == [M.OCR_USED]
    assert scanned.ocr_confidence is not None and scanned.ocr_confidence > 80
    assert "OCR" in scanned.errors[0] and "varmuus" in scanned.errors[0]
    fields, amounts, organisations = facts(scanned)
    want_fields, want_amounts, want_organisations = facts(typed)
    assert fields == want_fields
    assert amounts == want_amounts
    assert organisations == want_organisations
    assert typed.ocr_confidence is None


@needs_ocr
def test_each_value_of_a_scan_quotes_the_recognised_text():
    data = scanned_pdf(
        "Kaupunginhallitus 3.4.2025\n\nHEL 2025-001234\n\n"
        "Hankkeen kokonaisbudjetti on 200 000 euroa, josta haetaan tukea 150 000 euroa."
    )
    result = read_document(data, "skannattu.pdf")
    assert result.value("diary_number") == "HEL 2025-001234"
    for amount in result.amounts:
        assert result.text[amount.evidence.start : amount.evidence.end] == amount.evidence.text


def test_without_tesseract_a_scan_is_refused_with_a_clear_message(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    data = scanned_pdf("Hankkeen kokonaisbudjetti on 200 000 euroa.")
    result = read_document(data, "skannattu.pdf")
    assert result.error_codes[:2] == [M.PDF_NO_TEXT_LAYER, M.OCR_UNAVAILABLE]
    assert "Tesseract" in result.messages[1].text("en")
    assert not result.amounts
