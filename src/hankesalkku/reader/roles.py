"""Who does what in the project: role phrases → OrganisationMention."""

from __future__ import annotations

import re

from .organisations import ELY, MINISTRIES, ely_name, nominative, split_list
from .result import OrganisationMention
from .textview import TextView

_ORG = r"(?P<org>[^.;:()\n]{2,140}?)"
_STOP = r"(?=\s*[.;:()\n]|,\s+(?:joka|jonka|jolla|joiden|jossa|jotka|mikä|ja\s+[a-zäö])|\s+(?:toimii|toimivat|osallistuu|vastaa)\b|$)"
_ORG_LIST = r"(?P<org>[^.;:()\n]{2,200}?)"
_LIST_STOP = r"(?=\s*[.;:()\n]|,\s+(?:joiden|joilla|jotka|joka)|$)"

_AFTER = [  # keyword first, organisation after
    (r"pääkoordinaattori(?:na|ksi)\s+(?:toimii|on)\s+", "lead_coordinator", False),
    (r"\bhanketta\s+koordinoi\s+", "lead_coordinator", False),
    (r"päätoteuttaja(?:na|ksi)\s+(?:toimii|on)\s+", "main_implementer", False),
    (r"osatoteuttaj(?:ina|ana)\s+(?:toimivat|ovat|toimii|on)\s+", "co_implementer", True),
    (r"(?:partnereina|yhteistyökumppaneina|kumppaneina)\s+(?:ovat|toimivat|on|ovat mukana)\s+", "partner", True),
    (r"(?:hankeosuudesta|osahankkeesta|osuudesta)\s+vastaa\s+", "implementer", False),
    (r"\bhanketta\s+toteuttaa\s+|\btoteuttaja(?:na|ksi)\s+(?:toimii|on)\s+", "implementer", False),
    (r"rahoitusta\s+haetaan\s+|tukea\s+haetaan\s+", "funding_authority", False),
]
_BEFORE = [  # organisation first, keyword after
    (r"\s+(?:toimii|on)\s+(?:hankkeen\s+)?pääkoordinaattorina", "lead_coordinator"),
    (r"\s+(?:toimii|on)\s+(?:hankkeen\s+)?päätoteuttajana", "main_implementer"),
    (r"\s+(?:osallistuu\s+hankkeeseen|toimii|on\s+mukana)\s+osatoteuttajana", "co_implementer"),
    (r"\s+(?:osallistuu\s+hankkeeseen|toimii|on\s+mukana)\s+(?:partnerina|yhteistyökumppanina)", "partner"),
]
_LABELS = {
    "pääkoordinaattori": "lead_coordinator",
    "päätoteuttaja": "main_implementer",
    "osatoteuttaja": "co_implementer",
    "osatoteuttajat": "co_implementer",
    "toteuttaja": "implementer",
    "toteuttajat": "implementer",
    "toimijat": "implementer",
    "hankkeen toteuttaja": "implementer",
    "partnerit": "partner",
    "partneri": "partner",
    "yhteistyökumppanit": "partner",
    "kumppanit": "partner",
    "hakija": "applicant",
    "hakijaorganisaatio": "applicant",
    "hakijan nimi": "applicant",
    "tuensaaja": "applicant",
    "tuen saaja": "applicant",
    "stödmottagare": "applicant",
    "sökande": "applicant",
    "rahoittaja": "funding_authority",
    "rahoitus": "funding_authority",
    "rahoittava viranomainen": "funding_authority",
    "välittävä toimielin": "funding_authority",
}
_AFTER_RE = [(re.compile("(?:" + k + ")" + (_ORG_LIST + _LIST_STOP if many else _ORG + _STOP), re.I), role, many)
             for k, role, many in _AFTER]  # fmt: skip
_BEFORE_RE = [(re.compile(r"(?:^|(?<=[.\n]))\s*(?P<org>[A-ZÅÄÖ][^.;:\n]{1,140}?)" + k, re.M), role)
              for k, role in _BEFORE]  # fmt: skip
_LABEL_RE = re.compile(
    r"(?:^|\n)[-•*]?\s*(?P<label>" + "|".join(sorted(_LABELS, key=len, reverse=True))
    + r")\s*[:\t]\s*(?P<org>[^\n]{2,200})",
    re.I,
)  # fmt: skip
_AUTHORISED = re.compile(r"\bvaltuutta\w*\s+(?P<org>[^.;\n]{2,160}?)\s+toimimaan\s+\w+\s+edustajana")
_NOT_ORG = re.compile(r"^(?:ESR\+?|EAKR|JTF|EU|hankkeen|hanke|[\d\s.,€%]+)$", re.I)


def find_roles(view: TextView, funding_authority: str | None) -> list[OrganisationMention]:
    flat = view.flat
    found: list[tuple[int, int, str, str]] = []

    def add(start: int, end: int, phrase: str, role: str, many: bool) -> None:
        parts = split_list(phrase) if many else [phrase]
        offset = start
        for part in parts:
            part_start = flat.find(part, offset, end) if part else -1
            if part_start < 0:
                part_start = start
            offset = part_start + len(part)
            name = _classify(part, role)
            if name:
                found.append((part_start, part_start + len(part.rstrip(" .,")), name[0], name[1]))

    for pattern, role, many in _AFTER_RE:
        for m in pattern.finditer(flat):
            add(m.start("org"), m.end("org"), m.group("org"), role, many)
    for m in _AUTHORISED.finditer(flat):
        add(m.start("org"), m.end("org"), m.group("org"), "authorised_unit", False)
    for pattern, role in _BEFORE_RE:
        for m in pattern.finditer(flat):
            phrase = re.sub(r"^(?:Lisäksi|Myös|Hankkeessa|Hanketta)\s+", "", m.group("org"))
            add(m.end("org") - len(phrase), m.end("org"), phrase, role, False)
    for m in _LABEL_RE.finditer(flat):
        role = _LABELS[m.group("label").lower()]
        add(m.start("org"), m.end("org"), m.group("org").strip(), role, True)
    if funding_authority:
        for m in ELY.finditer(flat):
            if ely_name(m) == funding_authority:
                found.append((m.start(), m.end(), funding_authority, "funding_authority"))
                break
    for code, pattern in MINISTRIES.items():
        m = pattern.search(flat)
        if m:
            found.append((m.start(), m.end(), code, "ministry"))
    return _unique(view, found)


def _classify(phrase: str, role: str) -> tuple[str, str] | None:
    phrase = phrase.strip().rstrip(".")
    if _NOT_ORG.match(phrase) or len(phrase.split()) > 14:
        return None
    for code, pattern in MINISTRIES.items():
        if pattern.fullmatch(phrase):
            return code, "ministry"
    ely = ELY.search(phrase)
    if ely and role in ("funding_authority", "implementer"):
        return ely_name(ely), "funding_authority"
    if role == "funding_authority":
        name = nominative(phrase)
        if name and re.search(r"ELY|liitto|keskus|Business Finland|ministeriö", name):
            return name, role
        return None
    name = nominative(phrase)
    return (name, role) if name else None


def _unique(view: TextView, found) -> list[OrganisationMention]:
    seen: set[tuple[str, str]] = set()
    mentions = []
    for start, end, name, role in sorted(found):
        key = (name.lower(), role)
        if key in seen:
            continue
        seen.add(key)
        mentions.append(OrganisationMention(name=name, role=role, evidence=view.evidence(start, end)))
    return mentions
