"""The Django side relies on this contract: shape, names and evidence that quotes the text."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest
from conftest import EVAL_DOCS, REPO, SEEDS

from hankesalkku.reader import (
    AMOUNT_ROLES,
    FIELD_NAMES,
    KINDS,
    ORGANISATION_ROLES,
    QUALIFIERS,
    ReadResult,
    read_document,
)


def all_documents():
    paths = sorted(p for p in EVAL_DOCS.iterdir() if not p.name.endswith(".expected.json"))
    if SEEDS.is_dir():
        paths += sorted(SEEDS.iterdir())
    return paths


def evidences(result: ReadResult):
    for f in result.fields.values():
        if f.evidence:
            yield f.evidence
    for group in (result.organisations, result.amounts, result.calls, result.districts):
        for item in group:
            yield item.evidence


@pytest.mark.parametrize("path", all_documents(), ids=lambda p: p.name)
def test_every_value_quotes_the_text_it_came_from(path):
    result = read_document(path.read_bytes(), path.name)
    quoted = list(evidences(result))
    assert quoted or result.kind == "unknown", "a test document should yield something to check"
    for evidence in quoted:
        assert evidence.text == result.text[evidence.start : evidence.end]
        assert evidence.text.strip()


@pytest.mark.parametrize("path", all_documents(), ids=lambda p: p.name)
def test_only_names_from_the_contract_are_used(path):
    result = read_document(path.read_bytes(), path.name)
    assert result.kind in KINDS
    assert set(result.fields) <= set(FIELD_NAMES)
    assert {a.role for a in result.amounts} <= set(AMOUNT_ROLES)
    assert {a.qualifier for a in result.amounts} <= set(QUALIFIERS)
    assert {o.role for o in result.organisations} <= set(ORGANISATION_ROLES)
    assert all(a.eur == a.eur.quantize(Decimal("0.01")) for a in result.amounts)


def test_json_output_matches_the_ingest_contract():
    path = EVAL_DOCS / "tampere_kaupunginhallitus.txt"
    data = read_document(path.read_bytes(), "docs/tampere.txt").to_json_dict()
    json.dumps(data)  # serialisable as it is
    assert set(data) == {
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
    assert data["source"] == "docs/tampere.txt"
    assert len(data["sha256"]) == 64
    assert data["fields"]["diary_number"]["value"] == "TRE:4812/02.05.01/2024"
    assert set(data["fields"]["diary_number"]["evidence"]) == {"start", "end", "text"}
    total = next(a for a in data["amounts"] if a["role"] == "project_total")
    assert total["eur"] == "420000.00" and total["qualifier"] == "exact"
    assert set(total) == {"eur", "role", "qualifier", "party", "budget_item", "evidence"}


def test_call_budget_is_a_decimal_string_in_json():
    path = EVAL_DOCS / "hakuilmoitus_hame.txt"
    call = read_document(path.read_bytes(), path.name).to_json_dict()["calls"][0]
    assert call == {
        **call,
        "opens": "2025-02-03",
        "closes": "2025-03-14",
        "budget_eur": "4000000.00",
    }


def test_reader_does_not_import_django():
    code = (
        "import sys; sys.path.insert(0, 'src'); import hankesalkku.reader as r;"
        "r.read_document(b'Hankkeen kokonaisbudjetti on 100 000 euroa.', 'a.txt');"
        "print('django' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
