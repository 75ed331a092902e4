"""`hankesalkku ingest`: the JSON contract, the batch going on past bad files, exit codes."""

import json

import pytest
from django.core.management import CommandError, call_command

from hankesalkku.reader import AMOUNT_ROLES, FIELD_NAMES, KINDS, QUALIFIERS
from hankesalkku.sources.models import SourceDocument

from .conftest import (
    CORRUPT_PDF,
    DECISION,
    JUNK,
    MIXED_ENCODING,
    NOTHING,
    PDF_WITHOUT_TEXT,
    encrypted_pdf,
)

CONTRACT_KEYS = {
    "source",
    "sha256",
    "kind",
    "fields",
    "organisations",
    "amounts",
    "calls",
    "districts",
    "errors",
}


def run(*args):
    """(exit code, stdout, stderr) as a shell would see them."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *args, stdout=out, stderr=err)
        code = 0
    except CommandError as error:
        code = error.returncode
        err.write(str(error))
    return code, out.getvalue(), err.getvalue()


def test_json_of_a_decision_follows_the_output_contract_without_a_database(tmp_path):
    path = tmp_path / "12.txt"
    path.write_bytes(DECISION)

    code, out, _err = run(str(path), "--json")

    assert code == 0
    [item] = json.loads(out)
    assert set(item) == CONTRACT_KEYS
    assert item["source"] == str(path) and len(item["sha256"]) == 64
    assert item["kind"] in KINDS and item["kind"] == "decision"
    assert set(item["fields"]) <= set(FIELD_NAMES)
    diary = item["fields"]["diary_number"]
    assert diary["value"] == "HEL 2024-000777"
    assert set(diary["evidence"]) == {"start", "end", "text"}
    for amount in item["amounts"]:
        assert amount["role"] in AMOUNT_ROLES and amount["qualifier"] in QUALIFIERS
        assert amount["eur"].count(".") == 1 and len(amount["eur"].split(".")[1]) == 2


def test_a_batch_with_bad_files_stays_valid_json_and_exits_non_zero(tmp_path):
    files = {
        "a_paatos.txt": DECISION,
        "b_tyhja.txt": b"",
        "c_roska.bin": JUNK,
        "d_skannattu.pdf": PDF_WITHOUT_TEXT,
        "e_rikki.pdf": CORRUPT_PDF,
        "f_muistio.txt": NOTHING,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    big = tmp_path / "g_iso.txt"
    with big.open("wb") as handle:  # a sparse 50 MB file: refused by its size, never read
        handle.truncate(50 * 1024 * 1024)

    code, out, err = run(str(tmp_path), str(tmp_path / "puuttuu.txt"), "--json")

    items = json.loads(out)
    assert code == 1
    assert [item["source"].rsplit("/", 1)[-1] for item in items] == [
        *sorted(files),
        "g_iso.txt",
        "puuttuu.txt",
    ]
    assert items[0]["errors"] == [] and items[0]["amounts"]
    messages = {item["source"].rsplit("/", 1)[-1]: " ".join(item["errors"]) for item in items}
    assert "tyhjä" in messages["b_tyhja.txt"]
    assert "binääridataa" in messages["c_roska.bin"]
    assert "OCR" in messages["d_skannattu.pdf"]
    assert "vioittunut" in messages["e_rikki.pdf"]
    assert "ei tunnistettu" in messages["f_muistio.txt"]
    assert "liian suuri" in messages["g_iso.txt"]
    assert "ei löydy" in messages["puuttuu.txt"]
    assert "7/8 tiedostoa epäonnistui" in err


def test_an_encrypted_pdf_is_reported_per_file(tmp_path):
    (tmp_path / "salattu.pdf").write_bytes(encrypted_pdf())

    code, out, _err = run(str(tmp_path / "salattu.pdf"), "--json")

    assert code == 1
    assert "salat" in json.loads(out)[0]["errors"][0].lower()


def test_mixed_encodings_are_read_with_a_warning_and_do_not_fail(tmp_path):
    (tmp_path / "sekava.txt").write_bytes(MIXED_ENCODING)

    code, out, _err = run(str(tmp_path / "sekava.txt"), "--json")

    [item] = json.loads(out)
    assert code == 0
    assert item["fields"]["diary_number"]["value"] == "HEL 2024-000777"
    assert any("merkistö" in error for error in item["errors"])


@pytest.mark.django_db
def test_save_stores_each_file_once_and_goes_on_past_bad_ones(tmp_path):
    (tmp_path / "a.txt").write_bytes(DECISION)
    (tmp_path / "b.bin").write_bytes(JUNK)

    code, out, err = run(str(tmp_path), "--save")
    again, out_again, _ = run(str(tmp_path / "a.txt"), "--save")

    assert code == 1 and again == 0
    assert "uusi" in out and "/tarkista/" in out
    assert "binääridataa" in err
    assert "jo tallennettu" in out_again
    assert SourceDocument.objects.count() == 1
