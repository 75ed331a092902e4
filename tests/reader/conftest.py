"""Make the reader importable without installing the project, and find the seeds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
EVAL_DOCS = REPO / "evaluation" / "reader" / "docs"
for extra in (REPO / "src", REPO / "evaluation" / "reader"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))


@pytest.fixture
def seed():
    """Read a seed document by its number, skipping when ../shared/seeds is absent."""
    from hankesalkku.reader import read_document

    def read(number: str):
        if not SEEDS.is_dir():
            pytest.skip(f"seed folder {SEEDS} is not present")
        matches = sorted(SEEDS.glob(f"{number}_*"))
        if not matches:
            pytest.skip(f"seed {number} is not present in {SEEDS}")
        return read_document(matches[0].read_bytes(), matches[0].name)

    return read


@pytest.fixture(scope="module")
def flats() -> list[str]:
    """The development documents' flat texts, which the fast-path tests cut and compare."""
    from hankesalkku.reader.extract import extract
    from hankesalkku.reader.textview import TextView

    out = []
    for path in sorted(EVAL_DOCS.iterdir()):
        if not path.name.endswith((".expected.json", "README.md")):  # (the set's notes)
            text = extract(path.read_bytes(), path.name).text
            if text.strip():
                out.append(TextView(text).flat)
    return out
