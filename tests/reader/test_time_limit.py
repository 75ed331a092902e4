"""A document that takes too long is given up with a coded message, not left to hold a worker:
the web and the command line both read through ``read_document`` and share the limit."""

from __future__ import annotations

import dataclasses

from hankesalkku.reader import limits, pipeline, read_document
from hankesalkku.reader import messages as M
from hankesalkku.reader.pipeline import STAGES

DECISION = (
    "Kaupunginhallitus päätti 3.4.2025 myöntää Hämeen ELY-keskuksen rahoittamalle hankkeelle "
    "kuntarahoitusta 20 000 euroa. Diaarinumero HEL 2025-001234.\n"
).encode()


def test_a_document_slower_than_the_limit_is_given_up_after_the_stage_that_ran_over(
    monkeypatch,
):
    # A fake clock: the "figures" stage takes a minute and a half of it, nothing else any.
    now = [0.0]
    monkeypatch.setattr(pipeline, "clock", lambda: now[0])
    monkeypatch.setattr(limits, "DOCUMENT_SECONDS", 60.0)

    def slow(run):
        def stage(**values):
            now[0] += 90
            return run(**values)

        stage.__signature__ = pipeline.inspect.signature(run)
        return stage

    stages = tuple(
        dataclasses.replace(s, run=slow(s.run)) if s.name == "figures" else s for s in STAGES
    )
    result = read_document(DECISION, "hidas.txt", stages=stages)

    assert result.error_codes == [M.TIME_LIMIT]
    assert result.fields["diary_number"].value == "HEL 2025-001234"  # read before the limit
    assert not result.amounts  # the stage after the limit did not run
    assert "60 sekunnin" in result.errors[0]
    assert result.messages[0].text("en").startswith("Reading the document was stopped after 60")
    assert "calls" in result.messages[0].text("en") or "call" in result.messages[0].text("en")


def test_an_ordinary_document_is_far_inside_the_limit():
    result = read_document(DECISION, "nopea.txt")
    assert M.TIME_LIMIT not in result.error_codes and result.amounts
