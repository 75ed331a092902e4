"""Every message has a stable code and a text in Finnish, Swedish and English."""

from __future__ import annotations

import json
import string

import pytest

from hankesalkku.reader import NOTHING_FOUND, read_document
from hankesalkku.reader import messages as M
from hankesalkku.reader.messages import LANGUAGES, MESSAGES, message_text


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_each_message_has_all_languages_with_the_same_placeholders(code):
    texts = MESSAGES[code]
    assert set(texts) == set(LANGUAGES)
    assert len({frozenset(_placeholders(t)) for t in texts.values()}) == 1, texts
    for text in texts.values():
        assert text.strip() == text and text[-1] in ".)", text


def test_codes_are_the_constants_of_the_module():
    constants = {
        v for k, v in vars(M).items() if k.isupper() and isinstance(v, str) and k != "LANGUAGES"
    }
    assert set(MESSAGES) <= constants
    assert all(code == code.lower() and " " not in code for code in MESSAGES)


def test_text_in_each_language_and_for_unknown_codes_and_languages():
    assert message_text(M.EMPTY_FILE, "fi", filename="a.txt") == "Tiedosto a.txt on tyhjä."
    assert message_text(M.EMPTY_FILE, "sv", filename="a.txt") == "Filen a.txt är tom."
    assert message_text(M.EMPTY_FILE, "en", filename="a.txt") == "The file a.txt is empty."
    assert message_text(M.EMPTY_FILE, "de", filename="a.txt") == "Tiedosto a.txt on tyhjä."
    assert message_text("no_such_code", "sv") == "no_such_code"
    failed = M.make(M.STAGE_FAILED, stage="amounts", error="ValueError")
    assert "rahamäärät" in failed.text("fi") and "belopp" in failed.text("sv")
    with pytest.raises(KeyError):
        M.make(M.EMPTY_FILE)  # a parameter missing is a bug found where it is made


def test_results_keep_finnish_errors_and_gain_codes_and_parameters():
    result = read_document(b"", "tyhja.txt")
    assert result.errors == ["Tiedosto tyhja.txt on tyhjä."]
    assert result.error_codes == [M.EMPTY_FILE]
    assert result.messages[0].params == {"filename": "tyhja.txt"}
    assert result.messages[0].text("sv") == "Filen tyhja.txt är tom."

    nothing = read_document(b"Kahvinkeitin sammutetaan illalla.\n", "muistio.txt")
    assert nothing.errors == [NOTHING_FOUND] and nothing.error_codes == [M.NOTHING_FOUND]
    assert set(nothing.to_json_dict()) == {
        "source", "sha256", "kind", "fields", "organisations", "amounts", "calls", "districts",
        "errors",
    }  # fmt: skip
    with_codes = nothing.to_json_dict(messages=True)
    assert with_codes["messages"] == [
        {"code": "nothing_found", "params": {}, "text": NOTHING_FOUND}
    ]
    json.dumps(with_codes)


def test_messages_of_extractors_have_codes():
    too_large = read_document(b"x" * (21 * 1024 * 1024), "iso.txt")
    assert too_large.error_codes == [M.FILE_TOO_LARGE]
    assert too_large.messages[0].params == {"filename": "iso.txt", "size": "21.0", "limit": "20"}
    old_word = read_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "vanha.doc")
    assert old_word.error_codes == [M.OLD_OFFICE_FORMAT]
    mixed = "Hämeen ELY-keskus\n".encode() + "Kokonaisbudjetti 10 000 € ja sähkö\n".encode("cp1252")
    assert read_document(mixed, "sekainen.txt").error_codes[0] == M.MIXED_ENCODING
    assert read_document("teksti", "x.txt").error_codes == [M.NOT_BYTES]  # type: ignore[arg-type]
