"""Organisations and the role each one plays, named in the nominative.

Roles come from the Finnish phrases that state them ("pääkoordinaattorina toimii",
"osallistuu hankkeeseen osatoteuttajana", "valtuuttaa … toimimaan kaupungin
edustajana"); the named thing is then reduced to its nominative form.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import morphology
from .inflection import head_nominative
from .names import city_of_genitive, rows
from .scan import Gated, gated
from .wordlists import alternation, table

_DATA = table("organisations.toml")


def _ministry(code: str, name: str, as_word: bool = True) -> re.Pattern:
    """The code as a word (unless it is also another word), or the name with a capital or
    small first letter and any ending."""
    # (both are written into the pattern as they are)
    if not re.fullmatch(r"[A-ZÅÄÖ]+", code) or not re.fullmatch(r"[a-zåäö][a-zåäö -]*", name):
        raise ValueError(f"names/ministries.txt: {code} = {name!r} is not a code and words")
    named = rf"\b[{name[0].upper()}{name[0]}]{name[1:]}\w*"
    return re.compile(rf"\b{code}\b|{named}" if as_word else named)


def _ministries() -> dict[str, re.Pattern]:
    """Every ministry of ``data/names/ministries.txt`` by its code, its Finnish name or its
    Swedish one ("arbets- och näringsministeriets"); a code that is also another word ("SM"
    of "SM-kisat", "VM i fotboll") only by its names."""
    found = {}
    for code, finnish, *others in rows("ministries"):
        as_word = code not in _DATA["ministry_codes_named_only"]
        patterns = [_ministry(code, finnish, as_word).pattern]
        patterns += [_ministry(code, other, as_word=False).pattern for other in others]
        found[code] = re.compile("|".join(patterns))
    return found


MINISTRIES = _ministries()
_ANY_MINISTRY = re.compile("|".join(p.pattern for p in MINISTRIES.values()))

# canonical name -> pattern of its written forms (inflected and abbreviated)
_KNOWN = [(known["name"], known["forms"]) for known in _DATA["known"]]
_KNOWN_RE = [(name, re.compile(pattern)) for name, pattern in _KNOWN]
# "\\b[A-ZÅÄÖ]" written as "[A-ZÅÄÖ](?<!\\w.)": the same matches, but the regex engine can
# skip from capital to capital instead of trying every character.
_CAPITAL = r"[A-ZÅÄÖ](?<!\w.)"
_REGION = _CAPITAL + r"[a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?(?:n|en)"
ELY = gated(
    r"(" + _REGION + r")\s+(?:ELY|elinkeino-, liikenne- ja ympäristökeskus|elinvoimakeskus)"
    r"(?:[- ]keskuk?s?\w*|n\b|:\w+)?"
)
_CITY = gated(
    r"("
    + _CAPITAL
    + r"[a-zåäö]+(?:n|en)) (?:kaupun(?:ki|gi\w*|kia)|kun(?:ta|nan|nalle|nalta|nassa)\b)"
)
_COUNCIL_CASES = r"liit(?:to|on|olle|olta|ossa|tona|osta)\b"
REGIONAL_COUNCIL = gated(r"(" + _REGION + r") " + _COUNCIL_CASES)
# "Pohjois-Karjalan maakuntaliitto", "Satakuntaliitto": the council word is part of a compound
SATAKUNTA = gated(r"(?:(" + _REGION + r") maakunta|(?<![\w-])(Satakunta))" + _COUNCIL_CASES)
# the same, lower case: letterheads print the name in capitals ("KESKI-SUOMEN LIITTO")
_COUNCIL_LOWER = re.compile(
    r"(?<![\w-])([a-zåäö]+(?:-[a-zåäö]+)?(?:n|en)) (maakunta)?" + _COUNCIL_CASES
    + r"|(?<![\w-])(satakunta)" + _COUNCIL_CASES
)  # fmt: skip


def council_name(match: re.Match) -> str:
    """Nominative name of a regional council (maakunnan liitto)."""
    if match.re is SATAKUNTA.regex:
        return f"{match.group(1)} maakuntaliitto" if match.group(1) else "Satakuntaliitto"
    if match.re.groups >= 3 and match.group(3):
        return "Satakuntaliitto"
    region = "-".join(part[:1].upper() + part[1:] for part in match.group(1).split("-"))
    return f"{region} {'maakuntaliitto' if match.re.groups >= 2 and match.group(2) else 'liitto'}"


# "Kustlands förbund", "Egentliga Kustlands förbund": a regional council named in Swedish
_SWEDISH_COUNCIL = gated(
    r"(?:Egentliga )?" + _CAPITAL + r"[a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?s förbund\b"
)
_SWEDISH_COUNCIL_FUNDS = re.compile(r"\s*(?:" + alternation(_DATA["swedish_council_funds"]) + ")")
_SWEDISH_COUNCIL_FUNDED_BY = re.compile(
    r"(?:" + alternation(_DATA["swedish_council_funded_by"]) + r")\s+$"
)


def swedish_council_funder(flat: str) -> tuple[int, int, str] | None:
    """A Swedish regional council that opens a call or grants, or that a project is funded by."""
    if not _SWEDISH_COUNCIL.could_match(flat):
        return None
    for m in _SWEDISH_COUNCIL.finditer(flat):
        before = flat[max(0, m.start() - 30) : m.start()]
        if _SWEDISH_COUNCIL_FUNDS.match(flat, m.end()) or _SWEDISH_COUNCIL_FUNDED_BY.search(before):
            return m.start(), m.end(), m.group()
    return None


def letterhead_council(flat: str, head: int = 300) -> tuple[int, int, str] | None:
    """A regional council named in the first lines, in any letter case."""
    m = _COUNCIL_LOWER.search(flat[:head].lower())
    return (m.start(), m.end(), council_name(m)) if m else None


# Swedish: "NTM-central(en) i Lappland", "ELY-central(en) i Egentliga Finland"
SWEDISH_ELY = gated(
    r"(?:NTM|ELY)-central(?:en|s)? i (" + _CAPITAL + r"[a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?)"
)


def swedish_ely_name(match: re.Match) -> str:
    return f"{match.group(0).split('-')[0]}-centralen i {match.group(1)}"


_WELLBEING = gated(r"(" + _REGION + r") hyvinvointialue\w*")
_COMPANY = gated(r"(" + _CAPITAL + r"[\w&-]*\s(?:[A-ZÅÄÖ][\w&-]*\s){0,3}(?:Oy|Oyj|ry|r\.y\.|sr)\b)")


_ELY_NEEDLES = getattr(ELY, "needles", ())
_ELY_WORDS = re.compile("|".join(map(re.escape, _ELY_NEEDLES))) if _ELY_NEEDLES else None


def ely_search(text: str) -> re.Match | None:
    """``ELY.search(text)`` for a short text: a test for the words it needs first."""
    return ELY.search(text) if _ELY_WORDS is None or _ELY_WORDS.search(text) else None


_LONG_ELY = "elinkeino-, liikenne- ja ympäristökeskus"
# "ELY" as a word of its own: a diary number's office code ("POPELY/33/2012") is no short form
_ELY_WORD = re.compile(r"ELY(?<!\w...)")
_SAYS_ELY: list = [None, False]  # the last text asked about and the answer (speed)


def says_ely(text: str) -> bool:
    """Whether ``text`` says "ELY" as a word of its own (which names a centre by its short form)."""
    if _SAYS_ELY[0] is not text:
        _SAYS_ELY[:] = [text, "ELY" in text and _ELY_WORD.search(text) is not None]
    return _SAYS_ELY[1]


def ely_name(match: re.Match, within: str | None = None, short: bool | None = None) -> str:
    """The centre's nominative name in the form the document uses: a document that writes
    only the official long form ("Hämeen elinkeino-, liikenne- ja ympäristökeskus", as EURA
    prints do) is named by it; one that says "ELY" anywhere, by the short form. ``short``:
    whether the document says "ELY", where the caller knows it already."""
    region = match.group(1)
    if "elinvoimakeskus" in match.group(0):
        return f"{region} elinvoimakeskus"
    if _LONG_ELY in match.group(0):
        if short is None:
            short = says_ely(match.string if within is None else within)
        if not short:
            return f"{region} {_LONG_ELY}"
    return f"{region} ELY-keskus"


# Words every match of each _KNOWN pattern contains (speed: see known_mentions_in).
_KNOWN_NEEDLES = tuple(tuple(known["needles"]) for known in _DATA["known"])
_GATED_KINDS = ("ely", "council", "satakunta", "wellbeing", "city", "company", "swedish ely")


def known_mentions(text: str, within: str | None = None) -> list[tuple[int, int, str]]:
    """Organisations recognisable without context: (start, end, nominative name).

    ``within`` is a text that ``text`` is part of (the whole document): patterns
    whose words it lacks cannot match in ``text`` either and are not tried.
    """
    active = _active(within) if within is not None else None
    found = []
    for i, (name, pattern) in enumerate(_KNOWN_RE):
        if active is not None and not active[i]:
            continue
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), name))
    gates = active[len(_KNOWN_RE) :] if active is not None else (True,) * len(_GATED_KINDS)
    if gates[0]:
        for m in _matches(ELY, text):
            found.append((m.start(), m.end(), ely_name(m, within)))
    for pattern, on in ((REGIONAL_COUNCIL, gates[1]), (SATAKUNTA, gates[2])):
        if on:
            for m in _matches(pattern, text):
                found.append((m.start(), m.end(), council_name(m)))
    if gates[3]:
        for m in _matches(_WELLBEING, text):
            found.append((m.start(), m.end(), f"{m.group(1)} hyvinvointialue"))
    if gates[4]:
        for m in _matches(_CITY, text):
            kind = "kaupunki" if "kaupun" in m.group(0) else "kunta"
            found.append((m.start(), m.end(), f"{m.group(1)} {kind}"))
    if gates[5]:
        for m in _matches(_COMPANY, text):
            found.append((m.start(), m.end(), m.group(1).strip()))
    if gates[6]:
        for m in _matches(SWEDISH_ELY, text):
            found.append((m.start(), m.end(), swedish_ely_name(m)))
    found.sort(key=lambda item: (item[0], -item[1]))
    return found


def _matches(pattern, text: str):
    """``pattern.finditer(text)``, skipped at once when a word every match needs is missing
    (sentences are short, so the gate's own test for small texts does not apply). The
    plain pattern runs: on a sentence, the gate's search would only cost more."""
    regex, needles = _PLAIN.get(pattern) or (pattern, ())
    if needles:
        for needle in needles:
            if needle in text:
                return regex.finditer(text)
        return ()
    return regex.finditer(text)


_active_cache: dict[int, tuple[str, tuple[bool, ...]]] = {}
# each gated pattern of known_mentions -> its plain pattern and the words one of which every
# match holds (none: always tried); these patterns are case-sensitive, so no folded text
_PLAIN = {
    p: (p.regex, p.needles if p.requirement else ())
    for p in (ELY, REGIONAL_COUNCIL, SATAKUNTA, _WELLBEING, _CITY, _COMPANY, SWEDISH_ELY)
    if isinstance(p, Gated) and not p.fold
}


def _could(pattern, text: str) -> bool:
    return pattern.could_match(text) if hasattr(pattern, "could_match") else True


def _active(within: str) -> tuple[bool, ...]:
    """Per pattern of known_mentions: whether ``within`` holds a word its matches need."""
    cached = _active_cache.get(id(within))
    if cached is not None and cached[0] is within:
        return cached[1]
    flags = tuple(any(n in within for n in needles) for needles in _KNOWN_NEEDLES) + tuple(
        _could(p, within)
        for p in (ELY, REGIONAL_COUNCIL, SATAKUNTA, _WELLBEING, _CITY, _COMPANY, SWEDISH_ELY)
    )
    if len(_active_cache) > 8:
        _active_cache.clear()
    _active_cache[id(within)] = (within, flags)
    return flags


def ministry_codes(text: str) -> list[str]:
    codes = []
    for code, pattern in MINISTRIES.items():
        match = pattern.search(text)
        if match:
            codes.append((match.start(), code))
    return [code for _, code in sorted(codes)]


_FILLER = re.compile(r"^(?:" + alternation(_DATA["openers"]) + r")\s+", re.I)
# "Mikkelin kaupungin ohella Kajaanin kaupunki": what comes after the postposition is the name
_ALONGSIDE = re.compile(
    r"^(?:[\w-]+\s+){1,4}?(?:" + alternation(_DATA["alongside"]) + r")\s+(?=[A-ZÅÄÖ])"
)
_TAIL_WORDS = tuple(_DATA["tails"])
_TAIL = re.compile(r"\s+(?:" + "|".join(_TAIL_WORDS) + r")\b.*$")
_TAIL_GATE = re.compile("|".join(_TAIL_WORDS))
_SPACES = re.compile(r"\s+")
_ODD_SPACE = re.compile(r"[^\S ]| {2}")  # what _SPACES.sub(" ", …) would change
_KNOWN_GATE = re.compile("|".join(re.escape(n) for needles in _KNOWN_NEEDLES for n in needles))
_ABBREVIATION_END = re.compile(r"\s*\([A-ZÅÄÖ][\w&+-]{1,11}\)$")


def nominative(phrase: str, within: str | None = None) -> str | None:
    """A role phrase reduced to an organisation name in the nominative (``within``: the
    document it is part of, whose usage names an ELY centre)."""
    return nominative_named(phrase, None if within is None else says_ely(within))


def nominative_named(phrase: str, short_ely: bool | None) -> str | None:
    """:func:`nominative` of a phrase in a document that says "ELY" (``short_ely``; None: as
    the phrase itself does)."""
    return _nominative(phrase, short_ely, morphology.available())


@lru_cache(maxsize=8192)
def _nominative(phrase: str, short_ely: bool | None, dictionary: bool) -> str | None:
    """Remembered: the same names recur from document to document, and the answer depends
    only on the phrase, the document's "ELY" and whether Voikko is there (``dictionary``)."""
    phrase = _FILLER.sub("", phrase.strip(" ,.;:-\n"))
    phrase = _ALONGSIDE.sub("", phrase)
    if phrase.endswith(")"):  # (the cheap tests below skip patterns that cannot match)
        phrase = _ABBREVIATION_END.sub("", phrase)  # "X Oy (XAMK)"
    if _TAIL_GATE.search(phrase):
        phrase = _TAIL.sub("", phrase).rstrip(" ,;")
    if _ODD_SPACE.search(phrase):
        phrase = _SPACES.sub(" ", phrase)
    if len(phrase) < 2 or len(phrase) > 120:
        return None
    if _KNOWN_GATE.search(phrase):
        for (name, pattern), needles in zip(_KNOWN_RE, _KNOWN_NEEDLES, strict=True):
            if not any(needle in phrase for needle in needles):
                continue
            m = pattern.search(phrase)
            if m and (m.end() == len(phrase) or len(phrase) - len(m.group()) < 6):
                return name
    for code, pattern in MINISTRIES.items():
        m = pattern.fullmatch(phrase)
        if m:
            return code
    m = ely_search(phrase)
    if m and m.end() >= len(phrase) - 1:
        return ely_name(m, short=short_ely)
    reduced = head_nominative(phrase)
    if reduced:
        return reduced
    if re.search(r"\b(?:Oy|Oyj|ry|sr)$", phrase):
        return phrase
    return phrase if phrase[:1].isupper() else None


def split_list(phrase: str) -> list[str]:
    """'X, Y ja Z' into names, keeping 'sivistys- ja kulttuuripalvelut' together."""
    parts = [p for p in re.split(r"(?<!-)(,\s+|\s+(?:ja|sekä)\s+(?=[A-ZÅÄÖ]))", phrase)]
    merged: list[str] = []
    glue = ""
    for part in parts:
        if re.fullmatch(r",\s+|\s+(?:ja|sekä)\s+", part):
            glue = part
            continue
        if merged and re.fullmatch(r"[A-ZÅÄÖ][\w-]*n", merged[-1]):
            # "Oulun ja Helsingin kaupunkien palvelut": a lone genitive belongs to what follows
            merged[-1] = merged[-1] + glue + part
        else:
            merged.append(part)
    return [p for p in merged if p.strip()]


def city_organisation(genitive: str) -> str | None:
    """ "Raahen" -> "Raahen kaupunki" where the genitive names a city (``data/names``)."""
    return f"{genitive} kaupunki" if city_of_genitive(genitive) else None
