"""Finnish inflected organisation names back to the nominative.

Only the head noun of a Finnish noun phrase inflects ("Hämeen ELY-keskukselta",
"kulttuurin edistämisen palvelun"); genitive modifiers stay as they are. So the
head noun alone is reduced, from an explicit table of the nouns that end
organisation names, with their consonant gradation written out (data/inflection.toml).
"""

from __future__ import annotations

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
    return None
