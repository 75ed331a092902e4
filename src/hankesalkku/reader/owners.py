"""A grant's recipient named as the owner of its grant in a news report's sentence.

Local papers list who got what as genitives: "Harjulan Haukkojen avustus on 6 600 euroa,
Harjulan Viestin 5 600 euroa ja Koivulan Uimareiden 4 700 euroa", "Harjulan Kisan avustuksen
suuruus on 6000 euroa". The owner of the grant is its recipient. The name's last word is put in the
nominative by Voikko (a plural genitive "Palloilijoiden" is the plural "Palloilijat"); without
Voikko, or for a word it does not know, nothing is proposed (a wrong name costs more than a
missing one). The words before it must be genitives too ("Harjulan", "Koivulan"): an apposition
in front ("Jääkiekkoseura Harjulan Haukkojen") is no part of the name. A name of one word is
not taken. After the first owner of a sentence, the others may drop the grant's word
("…, Harjulan Viestin 5 600 euroa").
"""

from __future__ import annotations

import re

from . import morphology
from .scan import gated
from .wordlists import table

_DATA = table("roles.toml")
_GRANT = "|".join(_DATA["owned_grant_words"])
_QUALIFIER = r"(?:(?:noin|n\.|lähes|yli|runsaat|vajaat|reilut|kokonaisuudessaan)[ \t]+){0,2}"
_NAME = r"(?P<org>[A-ZÅÄÖ][\w-]*(?:[ \t]+[A-ZÅÄÖ][\w-]*){0,3}?)"
# "X:n avustus on 6 600 euroa", "X:n avustuksen suuruus on 6000 euroa"
_OWNER = gated(
    r"(?<![\w-])" + _NAME + r"[ \t]+(?:" + _GRANT + r")(?:[ \t]+\w+)?[ \t]+on[ \t]+"
    + _QUALIFIER + r"\d"
)  # fmt: skip
# the others of the same sentence: "…, Y:n 5 600 euroa ja Z:n 4 700 euroa"
_NEXT_OWNER = re.compile(r"(?:,|[ \t]ja)[ \t]+" + _NAME + r"[ \t]+" + _QUALIFIER + r"\d")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def owner_recipients(flat: str) -> list[tuple[int, int, str]]:
    """(start, end, nominative name) of each recipient named as its grant's owner."""
    found = []
    for m in _OWNER.finditer(flat):
        end = _SENTENCE_END.search(flat, m.end())
        sentence_end = end.start() if end else len(flat)
        for owner in [m, *_NEXT_OWNER.finditer(flat, m.end(), sentence_end)]:
            named = _nominative(owner.group("org"))
            if named:
                found.append((owner.end("org") - len(named[0]), owner.end("org"), named[1]))
    return found


def _nominative(phrase: str) -> tuple[str, str] | None:
    """(the words of the name as written, the name in the nominative) or None."""
    words = phrase.split()
    while words and not words[0].endswith("n"):
        words = words[1:]  # (an apposition or a word of the sentence in front)
    if len(words) < 2:
        return None
    head = words[-1]
    analyses = [a for a in morphology.analyse(head) or () if a.case == "omanto"]
    if not analyses or not all(w.endswith("n") for w in words[:-1]):
        return None
    plural = [a for a in analyses if a.number == "plural"]
    base = (plural or analyses)[0].baseform + ("t" if plural else "")
    nominative = head[0] + base[1:] if base[:1].lower() == head[:1].lower() else None
    if nominative is None:
        return None
    return " ".join(words), " ".join([*words[:-1], nominative])
