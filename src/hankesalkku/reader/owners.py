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
from .recipients import EUROS, QUALIFIER_WORDS, SENTENCE_END
from .scan import gated
from .wordlists import table

_DATA = table("roles.toml")
_GRANT = "|".join(_DATA["owned_grant_words"])
_QUALIFIER = r"(?:(?:" + QUALIFIER_WORDS + r"|kokonaisuudessaan)[ \t]+){0,2}"
_NAME = r"(?P<org>[A-ZÅÄÖ][\w-]*(?:[ \t]+[A-ZÅÄÖ][\w-]*){0,3}?)"
# "X:n avustus on 6 600 euroa", "X:n avustuksen suuruus on 6000 euroa": the grant's words
# are looked for first, then the name right before them (a name may start at any capital)
_GRANT_IS = gated(
    r"[ \t](?:" + _GRANT + r")(?:[ \t]+\w+)?[ \t]+on[ \t]+" + _QUALIFIER + EUROS
)  # fmt: skip
_NAME_BEFORE = re.compile(r"(?<![\w-])" + _NAME + r"\Z")
_NAME_REACH = 120  # characters a name of four words reaches back from its grant's word
# the others of the same sentence: "…, Y:n 5 600 euroa ja Z:n 4 700 euroa"
_NEXT_OWNER = re.compile(r"(?:,|[ \t]ja)[ \t]+" + _NAME + r"[ \t]+" + _QUALIFIER + EUROS)


def owner_recipients(flat: str) -> list[tuple[int, int, str]]:
    """(start, end, nominative name) of each recipient named as its grant's owner, each place
    once; a sentence is read once from its first owner to its end."""
    found = []
    scanned = 0
    for grant in _GRANT_IS.finditer(flat):
        if grant.start() < scanned:
            continue
        m = _NAME_BEFORE.search(flat, max(0, grant.start() - _NAME_REACH), grant.start())
        if m is None:
            continue
        end = SENTENCE_END.search(flat, grant.end())
        scanned = end.start() if end else len(flat)
        for owner in [m, *_NEXT_OWNER.finditer(flat, grant.end(), scanned)]:
            named = _nominative(flat, owner.start("org"), owner.group("org"))
            if named:
                found.append(named)
    return found


def _nominative(flat: str, start: int, phrase: str) -> tuple[int, int, str] | None:
    """(start, end, the name in the nominative) of the genitive name ``phrase`` at ``start``."""
    words = list(re.finditer(r"\S+", phrase))
    while words and not words[0].group().endswith("n"):
        words = words[1:]  # (an apposition or a word of the sentence in front)
    if len(words) < 2 or not all(w.group().endswith("n") for w in words[:-1]):
        return None
    head = words[-1].group()
    nominative = _head_nominative(head)
    if nominative is None:
        return None
    name = " ".join([*(w.group() for w in words[:-1]), nominative])
    return start + words[0].start(), start + words[-1].end(), name


def _head_nominative(head: str) -> str | None:
    """The nominative of a genitive by Voikko's base form: singular as the base form, plural
    as the base form with "t" where Voikko reads that as the plural nominative of the same
    word ("Palloilijoiden" → "Palloilijat"; "Haukkojen" has no such plural: None)."""
    analyses = [a for a in morphology.analyse(head) or () if a.case == "omanto"]
    if not analyses:
        return None
    plural = [a for a in analyses if a.number == "plural"]
    base = (plural or analyses)[0].baseform
    if plural:
        candidate = base + "t"
        readings = morphology.analyse(candidate) or ()
        if not any(r.case == "nimento" and r.number == "plural" and r.baseform == base
                   for r in readings):  # fmt: skip
            return None
        base = candidate
    if base[:1].lower() != head[:1].lower():
        return None
    return head[0] + base[1:]
