"""The reader's accuracy gate: every evaluation set is read as `make test` runs, and a set
whose precision or recall falls below today's figure in the README fails the build. So the
figures the README states are the figures the code has."""

from __future__ import annotations

import re

import evaluate
import pytest
from conftest import REPO, SEEDS

README = REPO / "README.md"
ROW = re.compile(
    r"^\| `(?P<set>[\w]+)/`(?P<seeds> \+ seeds)? \|[^|]*\|[^|]*\|[^|]*\| "
    r"(?P<precision>[01]\.\d{3}) / (?P<recall>[01]\.\d{3}) \|$",
    re.M,
)


@pytest.fixture(autouse=True)
def time_enough_to_read(monkeypatch):
    """The gate measures what the reader reads, not how fast: on a loaded machine a scan's OCR
    can outlast the per-document limit, which has its own tests (tests/reader)."""
    from hankesalkku.reader import limits

    monkeypatch.setattr(limits, "DOCUMENT_SECONDS", 600.0)


def stated() -> list[tuple[str, bool, float, float]]:
    rows = [
        (m["set"], bool(m["seeds"]), float(m["precision"]), float(m["recall"]))
        for m in ROW.finditer(README.read_text("utf-8"))
    ]
    assert len(rows) >= 5, "the README's table of evaluation sets is missing"
    return rows


@pytest.mark.parametrize(("name", "seeds", "precision", "recall"), stated(), ids=lambda v: str(v))
def test_no_evaluation_set_falls_below_the_figure_the_readme_states(name, seeds, precision, recall):
    folder = REPO / "evaluation" / "reader" / name
    assert folder.is_dir(), f"the README names {folder}, which does not exist"
    count, totals = evaluate.measure(seeds and SEEDS.is_dir(), folder)
    assert count == len(list(evaluate.documents(seeds and SEEDS.is_dir(), folder)))  # none missing
    tp, predicted, expected = totals["overall"]
    # the README rounds to three places
    assert round(tp / predicted, 3) >= precision, f"{name}: precision {tp / predicted:.3f}"
    assert round(tp / expected, 3) >= recall, f"{name}: recall {tp / expected:.3f}"


def test_every_evaluation_set_is_in_the_readme_table():
    folders = {p.name for p in (REPO / "evaluation" / "reader").iterdir() if p.is_dir()}
    folders -= {"__pycache__"}
    assert folders <= {name for name, *_ in stated()}
