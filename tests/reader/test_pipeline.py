"""The reader is a declared pipeline: stages in one list, formats in one registry, and a
stage that fails loses only its own values."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from conftest import EVAL_DOCS
from fixture_builders import make_pdf

from hankesalkku.reader import messages as M
from hankesalkku.reader import pipeline, read_document
from hankesalkku.reader.extract import FORMATS, extract
from hankesalkku.reader.pipeline import MISSING, STAGES, Stage

README = Path(pipeline.__file__).with_name("README.md")
DECISION = (
    "Kaupunginhallitus päätti 3.4.2025 myöntää Hämeen ELY-keskuksen rahoittamalle hankkeelle "
    "kuntarahoitusta 20 000 euroa. Diaarinumero HEL 2025-001234.\n"
    "Hankkeen kokonaisbudjetti on 200 000 euroa. Hanke toteutetaan Kontulassa.\n"
).encode()


def test_every_stage_reads_only_what_an_earlier_stage_gave():
    given = {"data", "filename"}
    names = set()
    for stage in STAGES:
        assert stage.name not in names
        names.add(stage.name)
        assert set(stage.reads) <= given, (stage.name, set(stage.reads) - given)
        assert stage.gives and stage.run.__doc__, stage.name
        given |= set(stage.gives)
    assert [s.name for s in STAGES][:4] == ["extract", "text view", "segments", "fields"]
    assert STAGES[-1].name == "kind"


def test_each_stage_is_named_in_the_messages_and_in_the_readme_table_in_order():
    assert set(M.STAGE_NAMES) == {s.name for s in STAGES}
    table = re.findall(r"^\| `([a-z ]+)` \|", README.read_text("utf-8"), re.M)
    assert table == [s.name for s in STAGES]
    documented = re.findall(r"^([a-z][a-z ]+?) {2,}\S", pipeline.__doc__, re.M)
    assert [name for name in documented if name in M.STAGE_NAMES] == [s.name for s in STAGES]


def test_a_failing_stage_loses_only_its_values_and_says_so():
    def broken(**_values):
        raise ZeroDivisionError("boom")

    stages = tuple(
        dataclasses.replace(s, run=_like(s.run, broken)) if s.name == "figures" else s
        for s in STAGES
    )
    result = read_document(DECISION, "paatos.txt", stages=stages)
    whole = read_document(DECISION, "paatos.txt")
    assert whole.amounts and not result.amounts  # the figures' values, and the amounts after
    assert result.fields == whole.fields
    assert result.organisations == whole.organisations
    assert result.districts == whole.districts
    assert result.error_codes == [M.STAGE_FAILED]
    assert "euromäärien tunnistus" in result.errors[0] and "ZeroDivisionError" in result.errors[0]
    assert result.messages[0].text("en").startswith("Some information was not read")


def test_a_failing_extractor_is_a_message_not_an_exception(monkeypatch):
    def broken(data, filename):
        raise MemoryError

    monkeypatch.setattr(pipeline, "extract", broken)
    result = read_document(DECISION, "paatos.txt")
    assert result.text == "" and result.error_codes == [M.UNEXPECTED_FAILURE]
    assert result.errors == [
        "Tiedoston paatos.txt lukeminen epäonnistui odottamattomasti (MemoryError)."
    ]
    assert result.kind == "unknown"


def test_no_text_stops_the_pipeline_after_the_text_view():
    reading = pipeline.run(b"   \n\x0c ", "tyhja.txt")
    assert reading.values["view"] is MISSING
    assert set(reading.values) == {"data", "filename", "extracted", "view", "funding_text"}


def test_a_stage_that_gives_other_values_than_it_declares_is_a_bug():
    wrong = Stage("segments", lambda view: {"segments": None, "extra": 1}, ("segments",))
    stages = tuple(wrong if s.name == "segments" else s for s in STAGES)
    result = read_document(DECISION, "paatos.txt", stages=stages)
    assert result.error_codes == [M.UNEXPECTED_FAILURE]


def test_formats_are_declared_once_and_the_bytes_decide_before_the_name():
    assert [f.name for f in FORMATS] == [
        "pdf", "docx", "zip", "doc/xls", "binary", "json", "html", "text"
    ]  # fmt: skip
    assert FORMATS[-1].claims("anything", "x.bin")
    pdf = make_pdf([["Hankkeen kokonaisbudjetti on 200 000 euroa."]])
    assert extract(pdf, "tallennettu_vaarin.txt").format == "pdf"
    assert extract(b"<html><body><p>Tuki 5 000 euroa</p></body></html>", "x.txt").format == "html"
    assert extract(b"{not json", "x.json").format == "text"  # JSON that does not parse
    ahjo = (EVAL_DOCS / "ahjo_paatos.json").read_bytes()
    assert extract(ahjo, "ahjo.json").format == "json"


def _like(original, replacement):
    """``replacement`` with the signature of ``original`` (a stage reads by parameter names)."""

    def run(*args, **kwargs):
        return replacement(*args, **kwargs)

    run.__signature__ = __import__("inspect").signature(original)
    run.__doc__ = original.__doc__
    return run
