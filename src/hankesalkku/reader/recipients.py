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
_GRANTING = re.compile(r"\b(?:" + alternation(_DATA["granting_verbs"]) + r")\b")
_REACH = 120  # characters either side within the sentence


def find_recipients(flat: str) -> list[tuple[int, int, str]]:
    """(start, end, nominative name) of each organisation granted money in its sentence."""
    if not _GRANTING.search(flat):
        return []  # (speed: most texts grant nothing, and this says so in one pass)
    found = []
    for m in _RECIPIENT.finditer(flat):
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
