"""A project's name written before the word "hanke": "Kainuu Wind -hankkeen", "Ratkaisupolku
kestävän kasvun ekosysteemeihin (RAKKE) -nimisen hankkeen".

Finnish joins a name of several words to its head noun with a spaced hyphen, so the words
before " -hanke" (" -projekti", " -nimisen hankkeen") are the name. Where it starts is the
closest capitalised word that follows a lower-case one (the verb or the recipient before the
name: "myöntää Espoon kaupungille Ratkaisupolku …", "käynnistänyt Kainuu Wind"), passing over
a capitalised word in a place case inside the name ("… käynnistäminen Lahdessa"). Used only
where no label, quotation or heading names the project.
"""

from __future__ import annotations

import re

from .scan import gated
from .wordlists import table

_DATA = table("fields.toml")
_HEAD = gated(
    r"[ \t](?:\((?P<acr>[A-ZÅÄÖ][\w+&-]{1,11})\)[ \t]*)?-(?:"
    + "|".join(_DATA["project_head_words"])
    + r")"
)
_CLAUSE_BREAK = re.compile(r"[.;:!?\n\t”“\"»«]|\s[-–]\s")
_PLACE_CASE = re.compile(r"(?:" + "|".join(_DATA["place_case_endings"]) + r")$")
_REACH = 200  # characters the name reaches back from its head word
_MAX_WORDS = 12


def named_project(flat: str) -> tuple[int, int, str] | None:
    """(start, end, name) of the first project named before its head word, or None."""
    for m in _HEAD.finditer(flat):
        found = _name_before(flat, m.start())
        if found:
            return found
    return None


def _name_before(flat: str, end: int) -> tuple[int, int, str] | None:
    window_start = max(0, end - _REACH)
    window = flat[window_start:end]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end() :] if breaks else window
    offset = end - len(clause)
    words = [(w.start(), w.group()) for w in re.finditer(r"\S+", clause)]
    for i in range(len(words) - 1, -1, -1):
        start, word = words[i]
        if not word[:1].isupper() or _PLACE_CASE.search(word):
            continue
        if i == 0 or words[i - 1][1][:1].islower():
            name_words = [w for _, w in words[i:]]
            if len(name_words) > _MAX_WORDS:
                return None
            if len(name_words) == 1 and name_words[0].isupper():
                return None  # a fund or programme's acronym ("ESR -hanke"), not a name
            return offset + start, end, " ".join(name_words)
    return None
