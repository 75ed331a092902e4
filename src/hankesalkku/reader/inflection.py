"""Finnish inflected organisation names back to the nominative.

Only the head noun of a Finnish noun phrase inflects ("Hämeen ELY-keskukselta",
"kulttuurin edistämisen palvelun"); genitive modifiers stay as they are. So the
head noun alone is reduced, from an explicit table of the nouns that end
organisation names, with their consonant gradation written out.
"""

from __future__ import annotations

# nominative singular, singular stems, nominative plural, plural stems
_HEADS = [
    ("palvelu", ["palvelu"], "palvelut", ["palvelui", "palveluj"]),
    ("yksikkö", ["yksikö", "yksikkö"], "yksiköt", ["yksiköi"]),
    ("keskus", ["keskukse", "keskust"], "keskukset", ["keskuksi"]),
    (
        "kaupunki",
        ["kaupungi", "kaupunki", "kaupunke"],
        "kaupungit",
        ["kaupunkie", "kaupunkei", "kaupungei"],
    ),
    ("kunta", ["kunna", "kunta", "kuntaa"], "kunnat", ["kunti", "kuntie"]),
    ("liitto", ["liito", "liitto"], "liitot", ["liittoje", "liitoi"]),
    ("yliopisto", ["yliopisto"], "yliopistot", ["yliopistoi"]),
    ("korkeakoulu", ["korkeakoulu"], "korkeakoulut", ["korkeakouluj", "korkeakoului"]),
    ("säätiö", ["säätiö"], "säätiöt", ["säätiöi"]),
    ("toimiala", ["toimiala"], "toimialat", ["toimialoi", "toimialoj"]),
    (
        "hyvinvointialue",
        ["hyvinvointialuee", "hyvinvointialuet"],
        "hyvinvointialueet",
        ["hyvinvointialuei"],
    ),
    ("virasto", ["virasto"], "virastot", ["virastoi"]),
    ("laitos", ["laitokse", "laitost"], "laitokset", ["laitoksi"]),
    ("yhdistys", ["yhdistykse", "yhdistyst"], "yhdistykset", ["yhdistyksi"]),
    ("opisto", ["opisto"], "opistot", ["opistoi"]),
    ("akatemia", ["akatemia"], "akatemiat", ["akatemioi"]),
    ("hallitus", ["hallitukse", "hallitust"], "hallitukset", ["hallituksi"]),
    ("talo", ["talo"], "talot", ["taloi", "taloj"]),
    ("kirjasto", ["kirjasto"], "kirjastot", ["kirjastoi"]),
    ("museo", ["museo"], "museot", ["museoi"]),
    ("ministeriö", ["ministeriö"], "ministeriöt", ["ministeriöi"]),
    ("koulu", ["koulu"], "koulut", ["kouluj", "koului"]),
    ("järjestö", ["järjestö"], "järjestöt", ["järjestöj", "järjestöi"]),
    ("verkosto", ["verkosto"], "verkostot", ["verkostoj", "verkostoi"]),
    ("kanslia", ["kanslia"], "kansliat", ["kanslioi"]),
    ("osasto", ["osasto"], "osastot", ["osastoj", "osastoi"]),
    ("kokonaisuus", ["kokonaisuude", "kokonaisuut"], "kokonaisuudet", ["kokonaisuuksi"]),
    ("instituutti", ["instituuti", "instituutti"], "instituutit", ["instituutte", "instituutei"]),
    ("seura", ["seura"], "seurat", ["seuroj", "seuroi"]),
]
_SG = [
    "n",
    "lle",
    "lta",
    "ltä",
    "ssa",
    "ssä",
    "sta",
    "stä",
    "na",
    "nä",
    "ksi",
    "lla",
    "llä",
    "a",
    "ä",
    "ta",
    "tä",
    "hin",
    "han",
    "on",
    "ön",
    "un",
    "yn",
    "en",
    "in",
    "an",
    "än",
    "sa",
    "sä",
    "",
]
_PL = [
    "den",
    "tten",
    "en",
    "lle",
    "lta",
    "ltä",
    "ssa",
    "ssä",
    "sta",
    "stä",
    "na",
    "nä",
    "ksi",
    "lla",
    "llä",
    "hin",
    "in",
    "ta",
    "tä",
    "a",
    "ä",
]


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
