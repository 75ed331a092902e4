"""Organisations and the role each one plays, named in the nominative.

Roles come from the Finnish phrases that state them ("pääkoordinaattorina toimii",
"osallistuu hankkeeseen osatoteuttajana", "valtuuttaa … toimimaan kaupungin
edustajana"); the named thing is then reduced to its nominative form.
"""

from __future__ import annotations

import re

from .inflection import head_nominative
from .scan import gated

MINISTRIES = {
    "OKM": re.compile(r"\bOKM\b|\b[Oo]petus- ja kulttuuriministeriö\w*"),
    "STM": re.compile(r"\bSTM\b|\b[Ss]osiaali- ja terveysministeriö\w*"),
    "TEM": re.compile(r"\bTEM\b|\b[Tt]yö- ja elinkeinoministeriö\w*"),
}
_ANY_MINISTRY = re.compile("|".join(p.pattern for p in MINISTRIES.values()))

# canonical name -> pattern of its written forms (inflected and abbreviated)
_KNOWN = [
    ("Forum Virium Helsinki", r"Forum Virium Helsin\w*(?: Oy)?"),
    ("Opetushallitus", r"Opetushallitu\w*|\bOPH\b"),
    ("SOS-Lapsikylä", r"SOS-[Ll]apsiky\w*"),
    ("Nuorten Akatemia", r"Nuorten [Aa]katemi\w*"),
    ("Business Finland", r"Business Finland\w*"),
    ("Kela", r"\bKela\w{0,4}\b"),
    ("Terveyden ja hyvinvoinnin laitos", r"Terveyden ja hyvinvoinnin laito\w*|\bTHL\b"),
    ("Lasten ja nuorten taidekeskus Annantalo", r"(?:Lasten ja nuorten taidekeskus )?Annantal\w*"),
]
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


def letterhead_council(flat: str, head: int = 300) -> tuple[int, int, str] | None:
    """A regional council named in the first lines, in any letter case."""
    m = _COUNCIL_LOWER.search(flat[:head].lower())
    return (m.start(), m.end(), council_name(m)) if m else None


_WELLBEING = gated(r"(" + _REGION + r") hyvinvointialue\w*")
_COMPANY = gated(r"(" + _CAPITAL + r"[\w&-]*\s(?:[A-ZÅÄÖ][\w&-]*\s){0,3}(?:Oy|Oyj|ry|r\.y\.|sr)\b)")
_CITY_STEMS = {
    "Helsingin": "Helsinki", "Tampereen": "Tampere", "Espoon": "Espoo", "Vantaan": "Vantaa",
    "Oulun": "Oulu", "Turun": "Turku", "Lahden": "Lahti", "Jyväskylän": "Jyväskylä",
}  # fmt: skip


def ely_name(match: re.Match) -> str:
    region = match.group(1)
    if "elinvoimakeskus" in match.group(0):
        return f"{region} elinvoimakeskus"
    return f"{region} ELY-keskus"


def known_mentions(text: str) -> list[tuple[int, int, str]]:
    """Organisations recognisable without context: (start, end, nominative name)."""
    found = []
    for name, pattern in _KNOWN_RE:
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), name))
    for m in ELY.finditer(text):
        found.append((m.start(), m.end(), ely_name(m)))
    for pattern in (REGIONAL_COUNCIL, SATAKUNTA):
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), council_name(m)))
    for m in _WELLBEING.finditer(text):
        found.append((m.start(), m.end(), f"{m.group(1)} hyvinvointialue"))
    for m in _CITY.finditer(text):
        kind = "kaupunki" if "kaupun" in m.group(0) else "kunta"
        found.append((m.start(), m.end(), f"{m.group(1)} {kind}"))
    for m in _COMPANY.finditer(text):
        found.append((m.start(), m.end(), m.group(1).strip()))
    found.sort(key=lambda item: (item[0], -item[1]))
    return found


def ministry_codes(text: str) -> list[str]:
    codes = []
    for code, pattern in MINISTRIES.items():
        match = pattern.search(text)
        if match:
            codes.append((match.start(), code))
    return [code for _, code in sorted(codes)]


_FILLER = re.compile(r"^(?:myös|lisäksi|hankkeessa|hankkeen|kaupungin puolesta|vielä)\s+", re.I)
# "Mikkelin kaupungin ohella Kajaanin kaupunki": what comes after the postposition is the name
_ALONGSIDE = re.compile(
    r"^(?:[\w-]+\s+){1,4}?(?:lisäksi|ohella|kanssa|rinnalla|ohessa|sekä)\s+(?=[A-ZÅÄÖ])"
)
_TAIL = re.compile(r"\s+(?:hankkeessa|hankkeeseen|kanssa|osana|yhdessä)\b.*$")


def nominative(phrase: str) -> str | None:
    """A role phrase reduced to an organisation name in the nominative."""
    phrase = _FILLER.sub("", phrase.strip(" ,.;:-\n"))
    phrase = _ALONGSIDE.sub("", phrase)
    phrase = re.sub(r"\s*\([A-ZÅÄÖ][\w&+-]{1,11}\)$", "", phrase)  # "X Oy (XAMK)"
    phrase = _TAIL.sub("", phrase)
    phrase = re.sub(r"\s+", " ", phrase)
    if len(phrase) < 2 or len(phrase) > 120:
        return None
    for name, pattern in _KNOWN_RE:
        m = pattern.search(phrase)
        if m and (m.end() == len(phrase) or len(phrase) - len(m.group()) < 6):
            return name
    for code, pattern in MINISTRIES.items():
        m = pattern.fullmatch(phrase)
        if m:
            return code
    m = ELY.search(phrase)
    if m and m.end() >= len(phrase) - 1:
        return ely_name(m)
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
    return f"{genitive} kaupunki" if genitive in _CITY_STEMS else None
