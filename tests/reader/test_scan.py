"""The speed-ups must not change a single match: gated search, folded case, rewritten patterns."""

from __future__ import annotations

import re

import pytest
from conftest import EVAL_DOCS

from hankesalkku.reader import (
    calls,
    dates,
    districts,
    fields,
    forms,
    kinds,
    money,
    organisations,
    patterns,
    roles,
    scan,
    segments,
)
from hankesalkku.reader.extract import extract
from hankesalkku.reader.scan import Gated, folded, lowered
from hankesalkku.reader.segments import Segments
from hankesalkku.reader.textview import TextView, _strip_trailing_decoration


def _reader_patterns() -> list[tuple[str, re.Pattern]]:
    found = []

    def collect(name, obj, depth=0):
        obj = getattr(obj, "regex", obj)
        if isinstance(obj, re.Pattern):
            found.append((name, obj))
        elif depth < 3 and isinstance(obj, dict):
            for key, value in obj.items():
                collect(f"{name}[{key}]", value, depth + 1)
        elif depth < 3 and isinstance(obj, (list, tuple)):
            for i, value in enumerate(obj):
                collect(f"{name}[{i}]", value, depth + 1)

    for module in (
        calls,
        dates,
        districts,
        fields,
        forms,
        kinds,
        money,
        organisations,
        patterns,
        roles,
    ):
        for name, obj in vars(module).items():
            collect(f"{module.__name__}.{name}", obj)
    return found


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The evaluation documents as read, cleaned, lower- and upper-cased, and all glued together."""
    out = []
    for path in sorted(EVAL_DOCS.iterdir()):
        if path.name.endswith(".expected.json"):
            continue
        text = extract(path.read_bytes(), path.name).text
        if text.strip():
            out += [text, TextView(text).flat, text.upper()]
    return out + ["\n\n".join(out)]


@pytest.mark.parametrize(("name", "pattern"), _reader_patterns(), ids=lambda v: str(v)[:60])
def test_gated_pattern_finds_exactly_what_the_plain_pattern_finds(
    name, pattern, texts, monkeypatch
):
    monkeypatch.setattr(scan, "_SMALL_TEXT", 0)  # take the fast path even on short documents
    gated = Gated(pattern)
    for text in texts:
        third = len(text) // 3
        for pos, endpos in ((0, len(text)), (third, len(text)), (third, 2 * third)):
            plain = [(m.span(), m.groups()) for m in pattern.finditer(text, pos, endpos)]
            fast = [(m.span(), m.groups()) for m in gated.finditer(text, pos, endpos)]
            assert fast == plain, (name, pos, endpos)
            first = pattern.search(text, pos, endpos)
            assert (first and first.span()) == ((m := gated.search(text, pos, endpos)) and m.span())


def test_gated_skips_a_text_without_the_required_words():
    gated = Gated(re.compile(r"\bpäätti\b|\bbeslutade\b"))
    assert gated.needles == ("beslutade", "päätti")
    assert not gated.could_match("Kaupunginhallitus päättää asiasta. " * 40)
    assert gated.search("Kaupunginhallitus päätti asiasta. " * 40).span() == (18, 24)


def test_case_insensitive_gating_matches_as_ignorecase_does():
    pattern = re.compile(r"\bhakuaika\b", re.I)
    text = "x " * 300 + "HAKUAİKA HakuAika"
    assert [m.span() for m in Gated(pattern).finditer(text)] == [
        m.span() for m in pattern.finditer(text)
    ]


def test_lowered_and_folded_keep_every_offset():
    text = "İstanbul ja ſ-kirjain: Hakuaika 1.–31.3.2025"
    assert len(lowered(text)) == len(text) == len(folded(text))
    assert folded(text).index("hakuaika") == text.index("Hakuaika")
    assert folded("ſ") == "s"


@pytest.mark.parametrize("line", ["abc **", "x ***", "x *** ", "a* *", "x** **", "**", "  ", "ok"])
def test_trailing_decoration_is_removed_as_the_old_pattern_did(line):
    assert _strip_trailing_decoration(line) == re.sub(r"(?:\*\*|\s)+$", "", line)


def test_abbreviation_before_a_line_break_is_not_a_sentence_end():
    # as "(\w+)$" did, the word before a full stop may end just before a newline
    text = "Hankkeessa on mm\n. Toinen lause. Kolmas esim. Neljäs."
    assert segments._abbreviation_before(text, text.index(". Toinen"))
    assert Segments(text).sentence_starts == [0, text.index(" Kolmas")]
