"""Recipients listed by name in a paragraph of granting.

Board minutes and press releases list who gets the money as a run of names rather than a
sentence per name: "Tilläggsunderstöd beviljas A ry, B ry och C rf", "avustettavia yhteisöjä
ovat A ry, B Oy ja C ry", bullets "• D Oy:n hanke … saa rahoitusta 39 914 euroa". A name is
only taken when it ends in a legal form (an association's "ry"/"rf", a company's "Oy"/"Ab",
a compound ending in a foundation's word), so that the shape of the name, not a list of known
names, decides; it starts after the list's joiner (a comma, "ja", "och", …) or, for the first
name, after the last lower-case word before a capital ("beviljas Haapaniemen omakotiyhdistys
ry"). Only a list counts (two names or more in one paragraph or one run of bullets): a lone
name in a form's row or a label's value is read by the label rules, and a label before it
would be read into the name. The paragraph (or the heading over the bullets) must speak of
granting, funding or applying, and a list of examples ("esimerkiksi", "till exempel") names
no recipient.
"""

from __future__ import annotations

import re

from .rewrites import by_first_letter, literal_first
from .scan import folded, gated
from .segments import BULLET, bullet_heading
from .tables import granted_above, is_total, stacked_tables
from .wordlists import alternation, table

_DATA = table("roles.toml")
_ENDINGS = "|".join(_DATA["legal_form_endings"])
# the legal form, also in the genitive a project's owner takes ("Region Oy:n hanke"); a word
# of its own (the pattern starts at the space: faster than at each form's letter) or a
# compound's end
_END = r"(?![\w&-]|\.\w)"
_FORMS = "|".join(re.escape(form) for form in _DATA["legal_forms"])
_LEGAL_WORD = re.compile(r"[ \t](?P<form>(?:" + _FORMS + r")(?::n)?)" + _END)
_LEGAL_ENDING = gated(r"(?<=\w)(?:" + _ENDINGS + r")n?" + _END)
# (speed: grouped by first letter, each alternative starting with a plain character)
_GRANTING = re.compile(by_first_letter([re.escape(stem) for stem in _DATA["granting_stems"]]))
_EXAMPLES = re.compile(
    by_first_letter([literal_first(r"\b" + re.escape(word)) for word in _DATA["example_words"]])
)
_JOINERS = "|".join(_DATA["list_joiners"])
_JOINER_WORDS = frozenset(_DATA["list_joiners"])
# what comes before a name: the joiner of a list, or a mark that opens a clause
_BEFORE = re.compile(r"(?:(?P<join>,|\s(?:" + _JOINERS + r"))|[:;(•\t])\s+")
_LOWER_THEN_CAPITAL = re.compile(r"(?<!\S)[a-zåäö][\w-]*[ \t]+(?=[A-ZÅÄÖ0-9])")
_GENITIVE_ENDING = re.compile("(?:" + _ENDINGS + ")n$")
_OWNED_PROJECT = re.compile(r"\s+(?:" + "|".join(_DATA["owned_project_stems"]) + ")")
_NOT_IN_NAME = re.compile(r"[\d/]")  # "• Päätös nro 15 / X Oy:lle": a bullet that is no name
_MAX_WORDS = 8
_REACH = 160  # characters a name reaches back from its legal form


def listed_recipients(flat: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each organisation listed in a paragraph about granting."""
    hits = sorted(
        [m.span("form") for m in _LEGAL_WORD.finditer(flat)]
        + [m.span() for m in _LEGAL_ENDING.finditer(flat)]
    )
    if len(hits) < 2:  # (a list has two names or more)
        return []
    low = folded(flat)
    units: dict[int, list[tuple[int, int, str]]] = {}
    line_end, unit, granting = -1, -1, False
    for hit_start, hit_end in hits:
        line_start = flat.rfind("\n", 0, hit_start) + 1
        if hit_start > line_end:
            line_end = flat.find("\n", hit_end)
            line_end = len(flat) if line_end < 0 else line_end
            heading = bullet_heading(flat, line_start)
            unit = heading if heading is not None else line_start
            where = (heading, line_start) if heading is not None else (line_start, line_end)
            granting = bool(_GRANTING.search(low, line_start, line_end)) or (
                heading is not None and bool(_GRANTING.search(low, *where))
            )
            granting = granting and not _EXAMPLES.search(low, *where)
        if granting:
            name = _name_before(flat, hit_start, hit_end, line_start)
            if name:
                units.setdefault(unit, []).append(name)
    found = []
    for names in units.values():
        if len({name for *_, name in names}) >= 2:
            found.extend(names)
    return found


def _name_before(
    flat: str, legal_start: int, legal_end: int, line_start: int
) -> tuple[int, int, str] | None:
    """The name that ends in this legal form, back to the list's joiner or the clause start."""
    window_start = max(line_start, legal_start - _REACH)
    bullet = BULLET.match(flat, line_start)
    if bullet and bullet.end() >= window_start and flat[bullet.end() : bullet.end() + 1].isupper():
        # "- Koivurannan asukastaloyhdistys Majakka ry 29 500 euroa": the bullet holds
        # one name, from its first word
        window_start = bullet.end()
        before = flat[window_start:legal_start]
        if not _BEFORE.search(before) and not _NOT_IN_NAME.search(before):
            return _trimmed(flat, window_start, legal_end)
    before = flat[window_start:legal_start]
    joints = [j for j in _BEFORE.finditer(before) if _ends_an_item(before, j)]
    begin, opened = (joints[-1].end(), not joints[-1].group("join")) if joints else (0, True)
    if opened or not before[begin : begin + 1].isupper():
        # the first name of a list: after the last lower-case word before a capital
        cuts = [
            c for c in _LOWER_THEN_CAPITAL.finditer(before, begin) if not _inner_joiner(before, c)
        ]
        if cuts:
            begin = cuts[-1].end()
    return _trimmed(flat, window_start + begin, legal_end)


# what ends a listed item before "ja"/"och": its legal form, its sum, a bracket
_ITEM_END = re.compile(r"(?:\b(?:" + _FORMS + r")|\d|euro\w*|€|\))$")


def _ends_an_item(before: str, joint: re.Match) -> bool:
    """Whether a joint separates two items: a comma or a mark always, a word ("ja", "och")
    only after a whole item ("A ry ja B ry", "A ry 400 euroa ja B ry"), not inside a name
    ("Harjulan Voimistelu ja Liikunta ry")."""
    word = joint.group("join")
    if not word or word == ",":
        return True
    return bool(_ITEM_END.search(before[: joint.start()].rstrip(" .,")))


def _inner_joiner(before: str, cut: re.Match) -> bool:
    """Whether a lower-case word before a capital is a joiner inside a name ("Harjulan
    Voimistelu ja Liikunta ry"), where no item ends before it."""
    return cut.group().strip() in _JOINER_WORDS and not _ITEM_END.search(
        before[: cut.start()].rstrip(" .,")
    )


def _trimmed(flat: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The name ``flat[start:end]``, without a genitive's ending, or None for what names no one."""
    text = flat[start:end]
    genitive = text.endswith(":n") or bool(_GENITIVE_ENDING.search(text))
    if genitive and not _OWNED_PROJECT.match(flat, end):
        return None  # "yhteistyössä X Oy:n kanssa": a partner, not the owner of a project
    if genitive:  # "Region Oy:n hanke", "Diakoniasäätiön hanke"
        cut = 2 if text.endswith(":n") else 1
        text, end = text[:-cut], end - cut
    words = text.split()
    if len(words) > _MAX_WORDS or not words or not words[0][:1].isupper():
        return None
    if len(words) < 2 and not _GENITIVE_ENDING.search(words[0] + "n"):
        return None  # a bare "ry" or "Oy"
    return start, end, " ".join(words)


_TABLE_NAME = re.compile(r"[ \t]*(?P<name>[^\W\d][^\n]{1,118}?)[ \t.,:]*$")
_NOT_A_NAME = re.compile(r"[,\t]")  # (a tab: the row of a table with columns, read elsewhere)
_ORGANISATION_END = re.compile(
    r"(?:\b(?:" + _FORMS + r")|(?:" + _ENDINGS + "|" + alternation(_DATA["name_ends"]) + r"))$",
    re.IGNORECASE,
)


def tabled_recipients(flat: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each row's name in a table of euros that lists grants ("Hakija |
    euroa" under "… päätti jakaa avustuksia seuraavasti:"): a name that ends as an
    organisation's does (a legal form, a foundation's or a city's word), not a total, not a
    budget line ("Kokoustilat, johtajan käytettäväksi") nor a cost ("Henkilöstökulut")."""
    low = folded(flat) if "\n" in flat else ""
    found = []
    for intro, heading, rows in stacked_tables(flat):
        if not granted_above(low, (intro, heading)):
            continue
        for (start, end), _ in rows:
            m = _TABLE_NAME.match(flat, start, end)
            name = m.group("name") if m else ""
            if (
                name
                and len(name.split()) <= _MAX_WORDS
                and not _NOT_A_NAME.search(name)
                and not is_total(name)
                and _ORGANISATION_END.search(name)
            ):
                found.append((m.start("name"), m.end("name"), name))
    return found
