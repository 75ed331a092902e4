"""A grant's recipient: the organisation named in the allative beside a verb of granting.

"5 500 € myönnetään Kaakon X ry:lle", "X Oy:lle myönnetään hankkeeseen …", "Valtionavustuksen
myöntäminen Y:n kaupungille": whoever is granted the money applied for it, whatever the
document calls it. Only a name of the shape of an organisation counts (capitalised words
and words that end an organisation's name, ending in a company or association suffix or in
such a word), so that a person or a purpose in the allative is not taken for one.
"""

from __future__ import annotations

import re

from .scan import gated
from .wordlists import alternation, table

_DATA = table("roles.toml")
_CASES: dict[str, str] = dict(_DATA["recipient_cases"])
_NAME_ENDS = alternation(_DATA["name_ends"])
_WORD = r"(?:[A-ZÅÄÖ][\w&.-]*|[\w-]*(?:" + _NAME_ENDS + r"))"
_RECIPIENT = gated(
    r"(?<![\w-])(?P<org>" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,5}?"
    r"(?:[ \t]+(?P<suffix>Oy|Oyj|ry|rf|sr|Ab)|[ \t]+[\w-]*?(?P<case>" + alternation(_CASES)
    + r")))(?::lle|(?<=lle))\b"
)  # fmt: skip
_GRANTING = gated(r"\b(?:" + alternation(_DATA["granting_verbs"]) + r")\b")
_REACH = 120  # characters either side within the sentence
_ENDING = gated(r"(?::lle|(?:" + alternation(_CASES) + r"))\b")
_RECIPIENT_ENDING_HERE = re.compile(_RECIPIENT.pattern + r"\Z")
_NAME_REACH = 200  # characters a name of six words reaches back from its ending
_WINDOW = 400  # searched for names around each verb (a name and its reach fit in it)


def find_recipients(flat: str) -> list[tuple[int, int, str]]:
    """(start, end, nominative name) of each organisation granted money in its sentence."""
    found = []
    for m in _near_verbs(flat):
        low, high = max(0, m.start() - _REACH), min(len(flat), m.end() + _REACH)
        before = flat[low : m.start()]
        after = flat[m.end() : high]
        before = before[max(before.rfind(". "), before.rfind("\n")) + 1 :]
        after = after[: min(i for i in (after.find(". "), after.find("\n"), len(after)) if i >= 0)]
        if not (_GRANTING.search(before) or _GRANTING.search(after)):
            continue
        if m.group("suffix"):
            name = m.group("org")
        else:
            case = m.group("case")
            name = m.group("org")[: -len(case)] + _CASES[case]
        found.append((m.start("org"), m.end("org"), name))
    return found


def _near_verbs(flat: str):
    """The name matches in the stretches around the verbs of granting (speed: the pattern
    can start at any letter, so it is not run over the whole text); a name farther from
    every verb than ``_WINDOW`` could not be taken anyway."""
    stretches: list[list[int]] = []
    for verb in _GRANTING.finditer(flat):
        start, end = max(0, verb.start() - _WINDOW), min(len(flat), verb.end() + _WINDOW)
        if stretches and start <= stretches[-1][1]:
            stretches[-1][1] = end
        else:
            stretches.append([start, end])
    taken = 0
    for start, end in stretches:
        for ending in _ENDING.finditer(flat, start, end):  # (a name ends in one of these)
            low = max(start, taken, ending.start() - _NAME_REACH)
            m = _RECIPIENT_ENDING_HERE.search(flat, low, ending.end())
            if m:
                taken = m.end()
                yield m
