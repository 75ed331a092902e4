"""No organisation of the seeds or the evaluation sets is written into the reader's code: the
reader must work on the next document's organisations, not remember the last ones. Official
names of public bodies (cities, ELY centres, regional councils, counties, ministries) are facts
kept in ``reader/data/names/`` and may be mentioned anywhere, and so may the words that name a
kind of body rather than one ("ELY-keskus", "kaupunki": ``roles.toml``'s ``name_ends``), which a
set labels where its text names no more."""

from __future__ import annotations

import json
import re

from conftest import REPO

from hankesalkku.reader import names
from hankesalkku.reader.wordlists import table

READER = REPO / "src" / "hankesalkku" / "reader"
EVALUATION = REPO / "evaluation" / "reader"


def expected_organisation_names() -> set[str]:
    found: set[str] = set()
    files = [*EVALUATION.glob("**/*.expected.json")]
    seeds = json.loads((EVALUATION / "seeds.expected.json").read_text("utf-8"))
    documents = [json.loads(path.read_text("utf-8")) for path in files] + list(seeds.values())
    for expected in documents:
        found.update(name for name, _role in expected.get("organisations", []))
        authority = expected.get("fields", {}).get("funding_authority")
        if authority:
            found.add(authority)
    return found


def test_no_organisation_of_the_seeds_or_evaluation_is_named_in_the_reader_code():
    allowed = names.official_names() | {word.lower() for word in table("roles.toml")["name_ends"]}
    sources = {path: path.read_text("utf-8") for path in READER.glob("**/*.py")}
    offending = []
    for name in sorted(expected_organisation_names()):
        if name.lower() in allowed:
            continue
        # short codes as written; names in any letter case
        pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", 0 if len(name) < 5 else re.I)
        for path, text in sources.items():
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                offending.append(f"{path.relative_to(REPO)}:{line}: {name}")
    assert not offending, "\n".join(offending)


def test_the_expectations_are_many_so_the_test_means_something():
    assert len(expected_organisation_names()) > 100


def test_official_names_are_data_and_a_genitive_finds_its_city():
    assert names.is_official("Pohjois-Pohjanmaan liitto")
    assert names.is_official("Lapin hyvinvointialue")
    assert names.city_of_genitive("Raahen") == "Raahe"
    assert names.city_of_genitive("Kaupungin") is None
    assert names.city_of_diary_prefix("HEL 2023-014238") == "Helsingin kaupunki"
