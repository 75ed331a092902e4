"""Mutated documents never make the reader raise, fail a stage or point outside its text.

A seeded generator mutates pieces of the evaluation documents and small snippets (cuts,
repeats, inserted digits, signs and markup, other encodings, wrappers as HTML or JSON), so
every run tries the same few hundred inputs.
"""

from __future__ import annotations

import json
import random

import pytest
from conftest import EVAL_DOCS

from hankesalkku.reader import ReadResult, read_document
from hankesalkku.reader import messages as M

CASES = 400
SNIPPETS = [
    "Kaupunginhallitus päätti 3.4.2025 myöntää 20 000 euroa. HEL 2025-001234\n",
    "Hankkeen kokonaisbudjetti on 1,5 milj. euroa ja tuki enintään 80 %.\n",
    "Hakija\nY-tunnus\nHankkeen nimi\nTestiyhdistys ry\n1234567-8\nHyvä hanke\n\n",
    "- Espoon osuus 12 500 €\n- Vantaan osuus 2 M€\n",
    "Haku on avoinna 1.2.-31.3.2025. Haettavana 4 000 000 euroa (OKM).\n",
    "Pääkoordinaattorina toimii Helsingin kaupunki ja osatoteuttajana X Oy (XAMK).\n",
    "§ 54\nAsia/6\nTiedoksi Hämeen ELY-keskus\nMuutoksenhaku: oikaisuvaatimus\n",
]
INSERTS = ["0", "9", "000", " ", "\n", "\n\n", "\t", "€", "§", ".", ",", "-", "(", ")", '"', "”",
           "%", "/", ":", "M€", " milj. ", "euroa", "ä", "Ö", "\u00a0", "\u200b", "\x00", "Ã¤",
           "İ", "ß", "**", "# ", "<p>", "</div>", "&amp;", "{", "[", "\ufffd", "1" * 45]  # fmt: skip


def _seeds() -> list[str]:
    texts = list(SNIPPETS)
    for path in sorted(EVAL_DOCS.glob("*.txt")):
        texts.append(path.read_text("utf-8", errors="replace"))
    return texts


def _mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randrange(1, 6)):
        n = len(text)
        at = rng.randrange(n + 1)
        choice = rng.randrange(7)
        if choice == 0 and n:  # cut a piece out
            text = text[:at] + text[at + rng.randrange(1, 200) :]
        elif choice == 1 and n:  # repeat a piece
            piece = text[at : at + rng.randrange(1, 120)]
            text = text[:at] + piece * rng.randrange(2, 30) + text[at:]
        elif choice == 2:  # insert signs, digits, markup
            text = text[:at] + "".join(rng.choices(INSERTS, k=rng.randrange(1, 8))) + text[at:]
        elif choice == 3:  # keep a window only
            text = text[at : at + rng.randrange(1, 3000)]
        elif choice == 4 and n:  # swap the case of a piece
            end = at + rng.randrange(1, 80)
            text = text[:at] + text[at:end].swapcase() + text[end:]
        elif choice == 5:  # splice in another part of the text
            start = rng.randrange(n + 1)
            text = text[:at] + text[start : start + rng.randrange(1, 400)] + text[at:]
        else:  # break lines
            text = text.replace(" ", "\n", rng.randrange(1, 5))
    return text


def _encode(rng: random.Random, text: str) -> tuple[bytes, str]:
    form = rng.randrange(8)
    if form == 0:
        return text.encode("cp1252", errors="replace"), "vanha.txt"
    if form == 1:
        return "\ufeff".encode() + text.encode("utf-16-le", errors="replace"), "utf16.txt"
    if form == 2:
        return f'<html><body><div class="paatos"><p>{text}</p></div></body></html>'.encode(
            errors="replace"
        ), "sivu.html"
    if form == 3:
        decision = {"CaseIDLabel": "HEL 2025-000001", "Section": "12", "Content": text}
        return json.dumps({"decisions": [decision]}).encode(), "ahjo.json"
    if form == 4:
        data = text.encode(errors="replace")
        cut = rng.randrange(len(data) + 1)
        return data[:cut] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 5))) + data[
            cut:
        ], "rikki.txt"
    if form == 5:
        return b"%PDF-1.4\n" + text.encode(errors="replace")[:500], "outo.pdf"
    return text.encode(errors="replace"), rng.choice(["a.txt", "b", "c.md", "d.htm", "e.json"])


def _evidences(result: ReadResult):
    for f in result.fields.values():
        if f.evidence:
            yield f.evidence
    for group in (result.organisations, result.amounts, result.calls, result.districts):
        for item in group:
            yield item.evidence


@pytest.mark.parametrize("batch", range(4))
def test_mutated_documents_are_read_without_failures(batch):
    rng = random.Random(20261201 + batch)
    seeds = _seeds()
    for case in range(CASES // 4):
        data, name = _encode(rng, _mutate(rng, rng.choice(seeds)))
        result = read_document(data, name)
        where = f"batch {batch} case {case} ({name}, {len(data)} bytes)"
        assert isinstance(result, ReadResult), where
        assert not {M.STAGE_FAILED, M.UNEXPECTED_FAILURE} & set(result.error_codes), (
            where, result.errors)  # fmt: skip
        assert len(result.errors) == len(result.messages), where
        for evidence in _evidences(result):
            assert 0 <= evidence.start <= evidence.end <= len(result.text), (where, evidence)
            assert evidence.text == result.text[evidence.start : evidence.end], (where, evidence)
