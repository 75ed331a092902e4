"""Finnish inflected organisation names back to the nominative.

Only the head noun of a Finnish noun phrase inflects ("Hämeen ELY-keskukselta",
"kulttuurin edistämisen palvelun"); genitive modifiers stay as they are. So the
head noun alone is reduced, from an explicit table of the nouns that end
organisation names, with their consonant gradation written out (data/inflection.toml).
"""

from __future__ import annotations

from . import morphology
from .wordlists import table

_DATA = table("inflection.toml")
# nominative singular, singular stems, nominative plural, plural stems
_HEADS = [
    (head["nominative"], head["stems"], head["plural"], head["plural_stems"])
    for head in _DATA["head"]
]
_SG = list(_DATA["singular_endings"])
_PL = list(_DATA["plural_endings"])


def _forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for nominative, stems, plural, plural_stems in _HEADS:
        for stem in stems:
            for suffix in _SG:
                forms.setdefault(stem + suffix, nominative)
        for stem in plural_stems:
            for suffix in _PL:
                forms.setdefault(stem + suffix, plural)
        forms[nominative] = nominative
        forms[plural] = plural
    return forms


_FORMS = _forms()


def head_nominative(phrase: str) -> str | None:
    """The phrase with its head noun in the nominative, or None if no known head ends it."""
    # the last word, as re.search(r"[\w-]+$", phrase) finds it without its quadratic backtracking
    end = len(phrase) - phrase.endswith("\n")  # "$" also matches before a final newline
    start = end
    while start > 0 and (phrase[start - 1].isalnum() or phrase[start - 1] in "_-"):
        start -= 1
    if start == end:
        return None
    word = phrase[start:end]
    lowered = word.lower()
    for cut in range(len(word)):  # longest known ending first: "taidekeskukselta" -> "keskukselta"
        nominative = _FORMS.get(lowered[cut:])
        if nominative is not None:
            if word[cut].isupper():
                nominative = nominative[:1].upper() + nominative[1:]
            return phrase[: start + cut] + nominative
    base = _dictionary_nominative(word)
    return phrase[:start] + base if base else None


def _dictionary_nominative(word: str) -> str | None:
    """Voikko's singular base form of a head noun the table does not spell out
    ("kuntayhtymälle" -> "kuntayhtymä"), where Voikko is installed and the base form ends
    with a head noun of the table or of ``dictionary_heads``; else None."""
    readings = morphology.analyse(word) if morphology.available() else None
    if not readings:
        return None
    for reading in readings:
        base = reading.baseform
        if reading.number != "singular" or reading.case in ("nimento", "") or "-" in base:
            continue
        if base.lower().endswith(_DICTIONARY_HEADS):
            return base[:1].upper() + base[1:] if word[:1].isupper() else base.lower()
    return None


HEAD_NOUNS = frozenset(nominative for nominative, *_ in _HEADS)
_DICTIONARY_HEADS = tuple(HEAD_NOUNS | set(_DATA.get("dictionary_heads", ())))
# Without Voikko: the plural genitives the table spells out ("palveluiden", "kuntien").
_PLURAL_GENITIVES = {
    stem + ending: nominative
    for nominative, _stems, _plural, plural_stems in _HEADS
    for stem in plural_stems
    for ending in ("en", "den", "tten")
} | {nominative[:-1] + "ien": nominative for nominative in HEAD_NOUNS if nominative[-1] == "i"}
_PLURAL_GENITIVES |= {n[:-1] + "ien": n for n in HEAD_NOUNS if n[-1] == "a"}  # kunta -> kuntien


def names_several(phrase: str) -> bool:
    """Whether a phrase speaks of several organisations' parts, not one organisation: the
    parts (plural) of an organisation noun in the plural genitive ("Oulun ja Helsingin
    kaupunkien palvelut ja yksiköt", "kuntien yksiköt"). Such a phrase is a description, not
    a name; "Pohjoisten kuntien liitto" (singular) is one organisation."""
    words = phrase.split()
    if not words or not _plural(words[-1].strip(",.;:()").lower()):
        return False
    for word in words[:-1]:
        word = word.strip(",.;:()").lower()
        if not word.endswith("en"):
            continue
        base = morphology.plural_genitive_of(word) if morphology.available() else None
        base = base or _PLURAL_GENITIVES.get(word)
        if base and (base in HEAD_NOUNS or any(base.endswith(h) for h in HEAD_NOUNS)):
            return True
    return False


def _plural(word: str) -> bool:
    readings = morphology.analyse(word) if morphology.available() else None
    if readings:
        return all(r.number == "plural" and r.case == "nimento" for r in readings)
    return _FORMS.get(word, "").endswith("t") or word.endswith(("ut", "yt", "ot", "öt", "et"))
