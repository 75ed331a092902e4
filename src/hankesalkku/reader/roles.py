"""Who does what in the project: role phrases → OrganisationMention."""

from __future__ import annotations

import re
from functools import lru_cache

from . import morphology
from .funders import find_funders
from .grantlists import listed_recipients, tabled_recipients
from .organisations import (
    MINISTRIES,
    ely_name,
    ely_search,
    known_mentions,
    nominative_named,
    says_ely,
    split_list,
)
from .owners import owner_recipients
from .recipients import find_recipients, subject_recipients
from .result import OrganisationMention
from .scan import by_first_letter, folded, gated, lowered
from .textview import TextView
from .wordlists import alternation, table

_DATA = table("roles.toml")

_ORG = r"(?P<org>[^.;:()\n]{2,140}?)"
# Each stop starts with a space, one of ".;:()," or the end: checking that first makes the
# lazy name group below cheap to extend (the full lookahead runs only where it can hold).
_STOP = r"(?=[\s.;:(),]|\Z)(?=\s*[.;:()\n]|,\s+(?:joka|jonka|jolla|joiden|jossa|jotka|mikä|ja\s+[a-zäö])|(?:(?<=kaupunki)|(?<=kunta)|(?<=\bOy)|(?<=\bry)|(?<=yliopisto)|(?<=korkeakoulu))\s+ja\s+[a-zäö]|\s+(?:toimii|toimivat|osallistuu|vastaa)\b|$)"
# a list may carry abbreviations: "X Oy (Xamk) ja Y Oy"
_ORG_LIST = r"(?P<org>(?:[^.;:()\n]|\([A-ZÅÄÖ][\w&+-]{1,11}\)){2,200}?)"
_LIST_STOP = r"(?=[\s.;:(),]|\Z)(?=\s*(?:[.;:)\n]|\((?![A-ZÅÄÖ][\w&+-]{1,11}\)))|,\s+(?:joiden|joilla|jotka|joka|ja\s+[a-zäö]|sekä\s+[a-zäö])|$)"

# keyword first, organisation after: (phrase, role, whether it names a list)
_AFTER = [(entry["phrase"], entry["role"], entry["many"]) for entry in _DATA["before_name"]]
# organisation first, keyword after: "X toimii / on mukana / osallistuu (hankkeeseen) osatoteuttajana"
_VERB = r"\s+(?:" + alternation(_DATA["subject_verbs"]) + r")\s+(?:hankkeen\s+|hankkeessa\s+)?"
# the role word that ends the phrase, and the verb just before it
_BEFORE = {
    word: (entry["role"], entry.get("verb", _VERB)) for word, entry in _DATA["after_name"].items()
}
_ROLE_NOUNS: dict[str, str] = dict(_DATA["role_nouns"])
# "hyväksyä Helsingin kaupungin osallistumisen osatoteuttajana": the name is a genitive
_NOMINALISED = gated(
    r"osallistumi(?:nen|sen)\s+(?:\w+\s+)?(?P<role>" + "|".join(_ROLE_NOUNS) + r")(?:na|ksi)\b"
)
_GENITIVE_TAIL = re.compile(
    r"(?:[A-ZÅÄÖ][\w-]*\s+){0,3}(?:kaupungin|kunnan)\s+$|(?:[A-ZÅÄÖ][\w-]*\s+){1,4}$"
)
# "maksaa toiselle osatoteuttajalle X ry:lle": the name follows the role noun in the same case
_ROLE_THEN_NAME = gated(r"\b(?P<role>" + "|".join(_ROLE_NOUNS) + r")(?:lle|lta)\s+(?=[A-ZÅÄÖ])")
_LABELS: dict[str, str] = dict(_DATA["labels"])
_AFTER_RE = [(gated("(?:" + k + ")" + (_ORG_LIST + _LIST_STOP if many else _ORG + _STOP), re.I), role, many, k)
             for k, role, many in _AFTER]  # fmt: skip
# Speed: find the rare role word first, then check the verb in a short window before it.
_BEFORE_WORD = gated(r"(?<!\w)(?:" + "|".join(_BEFORE) + r")(?!\w)")
_BEFORE_VERB = {word: re.compile(verb + "$") for word, (_, verb) in _BEFORE.items()}
# "X on hakenut / hakee … rahoitusta": applying only when support is what is applied for
_APPLYING = {word for word, entry in _DATA["after_name"].items() if entry["role"] == "applicant"}
_APPLIED_FOR = re.compile(r"[^\n]{0,100}?(?:tukea|rahoitusta|avustusta)")
# Cheap substring tests that let most documents skip most patterns (speed, item 7).
_NEEDLES = ("koordin", "toteutta", "partner", "kumppan", "vastaa", "haetaan", "hake")
# the needles in each phrase: a phrase is skipped when the text has none of its own
# (a phrase of the data file that holds none of them is always tried)
_AFTER_NEEDLES = [tuple(n for n in _NEEDLES if n in keyword) for *_, keyword in _AFTER_RE]
_MINISTRIES_GATED = {code: gated(pattern) for code, pattern in MINISTRIES.items()}
_CLAUSE_START = re.compile(r"[.;:\n]\s*")
_CLAUSE_OPENER = re.compile(r"^(?:" + alternation(_DATA["clause_openers"]) + r")\s+")
_LABEL_TAIL = (
    r"[-•*]?\s*(?P<label>" + by_first_letter(sorted(_LABELS, key=len, reverse=True))
    + r")(?:[ \t]*[:\t]\s*|[ \t]*\n(?=[^\n.]{2,80}(?:\n|$)))(?P<org>[^\n]{2,200})"
)  # fmt: skip
# (a label alone on its line names the organisation on the next one: "Toteuttaja\nX Oy")
# Case-insensitive by running on the folded text (lower-case, same offsets): twice as fast
# as re.IGNORECASE. The "Osa / " prefix can only match around a spaced slash, and trying it
# at every line start is most of the cost, so texts without one use the pattern without it.
# The lookahead only skips the "Osa / " prefix early where no "/" follows within its reach.
_SLASHED = r"(?:(?=[^/]{2,31}/)[\w ]{1,30}\s/\s)?"
_LABEL_RE = re.compile(r"(?:^|\n|\.\s)" + _SLASHED + _LABEL_TAIL)
_LABEL_RE_PLAIN = re.compile(r"(?:^|\n|\.\s)" + _LABEL_TAIL)
# the same after the start of the text: these begin with "\n" or ".", which the engine skips to
_LABEL_AFTER = {
    _LABEL_RE: re.compile(r"(?:\n|\.\s)" + _SLASHED + _LABEL_TAIL),
    _LABEL_RE_PLAIN: re.compile(r"(?:\n|\.\s)" + _LABEL_TAIL),
}
_AUTHORISED = gated(
    r"\bvaltuutta\w*\s+(?P<org>[^.;\n]{2,160}?)\s+(?:toimimaan\s+\w+\s+edustajana|allekirjoittamaan|edustamaan)"
)
_GENERIC = frozenset(word.lower() for word in _DATA["name_ends"])
# what ends the name of an organisation, for a value on the line after its label
_ORG_HEAD = re.compile(r"(?:\b(?:Oy|Oyj|ry|sr)|" + alternation(_DATA["name_ends"]) + ")$")
# column headings of a partner table ("Yhteistyökumppanit   Rooli") are not names
_ABBREVIATION_TAIL = re.compile(r"\s+(?:\([\w&+-]{2,12}\)|[A-ZÅÄÖ]{2,6})$")
_NOT_ORG = re.compile(
    "^(?:" + alternation(_DATA["not_names"]) + r"|[\d\s.,€%]+)$",
    re.I,
)


def find_roles(
    view: TextView, funding_authority: tuple | None, extra: list | None = None
) -> list[OrganisationMention]:
    flat = view.flat
    found: list[tuple[int, int, str, str]] = list(extra or [])

    def add(start: int, end: int, phrase: str, role: str, many: bool) -> None:
        parts = split_list(phrase) if many else [phrase]
        offset = start
        for part in parts:
            part_start = flat.find(part, offset, end) if part else -1
            if part_start < 0:
                part_start = start
            offset = part_start + len(part)
            name = _classify(part, role, flat)
            if name:
                found.append((part_start, part_start + len(part.rstrip(" .,")), name[0], name[1]))

    low = lowered(flat)
    present = {needle for needle in _NEEDLES if needle in low}
    for (pattern, role, many, _keyword), needles in zip(_AFTER_RE, _AFTER_NEEDLES, strict=True):
        if needles and not any(needle in present for needle in needles):
            continue
        for m in pattern.finditer(flat):
            add(m.start("org"), m.end("org"), m.group("org"), role, many)
    for m in _AUTHORISED.finditer(flat):
        add(m.start("org"), m.end("org"), m.group("org"), "authorised_unit", False)
    for word_match in _BEFORE_WORD.finditer(flat):
        word = word_match.group()
        if word in _APPLYING and not _APPLIED_FOR.match(flat, word_match.end()):
            continue
        m = _BEFORE_VERB[word].search(flat, max(0, word_match.start() - 60), word_match.start())
        if m:
            role = _BEFORE[word][0]
            # the organisation is the subject: from the start of the clause up to the verb
            window_start = max(0, m.start() - 160)
            starts = [c.end() for c in _CLAUSE_START.finditer(flat, window_start, m.start())]
            clause_start = starts[-1] if starts else (0 if window_start == 0 else m.start())
            phrase = re.sub(
                r"^.*\bettä\s+", "", flat[clause_start : m.start()]
            )  # "päättää, että X"
            phrase = _CLAUSE_OPENER.sub("", phrase)
            if phrase[:1].isupper():
                add(m.start() - len(phrase), m.start(), phrase, role, False)
    for m in _NOMINALISED.finditer(flat):
        tail = _GENITIVE_TAIL.search(flat, max(0, m.start() - 80), m.start())
        if tail:
            org = tail.group().rstrip()
            add(tail.start(), tail.start() + len(org), org, _ROLE_NOUNS[m.group("role")], False)
    for m in _ROLE_THEN_NAME.finditer(flat):
        mentions = known_mentions(flat[m.end() : m.end() + 120], flat)
        if mentions and mentions[0][0] == 0:
            start, end, name = mentions[0]
            found.append((m.end() + start, m.end() + end, name, _ROLE_NOUNS[m.group("role")]))
    label_re = _LABEL_RE if _has_spaced_slash(flat) else _LABEL_RE_PLAIN
    for m in _label_matches(label_re, folded(flat)):
        role = _LABELS[m.group("label")]
        value = flat[m.start("org") : m.end("org")].strip()
        bare = _ABBREVIATION_TAIL.sub("", value)  # "… yliopisto LUT", "… Oy (Xamk)"
        if "\n" in flat[m.end("label") : m.start("org")] and not _ORG_HEAD.search(bare):
            continue  # a stack of labels ("Hakijaorganisaatio / Y-tunnus"), not a label and its value
        add(m.start("org"), m.end("org"), value, role, True)
    if _BUSINESS_ID.search(flat):
        for m in _LISTED.finditer(folded(flat)):  # "Osatoteuttajat\n\nX Oy, 1234567-8\nY, …"
            for start, end, name in _id_rows(flat, m.end()):
                add(start, end, name, _LABELS[m.group("label")], False)
    found.extend((*recipient, "applicant") for recipient in find_recipients(flat))
    named = {entry[2].lower() for entry in found}  # a listed name with a role of its own keeps it
    found.extend(
        (*listed, "applicant")
        for listed in listed_recipients(flat) + tabled_recipients(flat)
        if listed[2].lower() not in named
    )
    givers = [(*giver, "funding_authority") for giver in find_funders(flat)]
    if funding_authority:  # (start, end, name) of the funding_authority field
        givers.append((*funding_authority, "funding_authority"))
    # a sentence's receiver or a grant's owner that gives the money is its giver, not its
    # recipient ("Harjulan Kulttuurirahaston apuraha on 20 000 euroa")
    named |= {giver[2].lower() for giver in givers}
    found.extend(subject for subject in subject_recipients(flat) if subject[2].lower() not in named)
    found.extend((*o, "applicant") for o in owner_recipients(flat) if o[2].lower() not in named)
    found.extend(givers)
    for code, pattern in _MINISTRIES_GATED.items():
        m = pattern.search(flat)
        if m:
            found.append((m.start(), m.end(), code, "ministry"))
    return _unique(view, found)


# a role label alone on its line over a list of organisations with their business IDs
# (written to start with its hyphen, which the engine skips to: "\d{7}-\d" is tried at each digit)
_BUSINESS_ID = re.compile(r"-(?<=\d{7}-)\d")
_LISTED = re.compile(
    r"(?:^|\n)(?P<label>"
    + alternation(sorted(_LABELS, key=len, reverse=True))
    + r")[ \t]*:?[ \t]*\n(?:[ \t]*\n)?(?=[^\n]{1,150}\d{7}-\d)"
)  # (searched in the folded text: lower case, the same offsets)
_ID_ROW = re.compile(r"(?P<org>[A-ZÅÄÖ][^\n]{1,150}?),?[ \t]+\d{7}-\d[ \t]*(?:\n|$)")


def _id_rows(flat: str, position: int) -> list[tuple[int, int, str]]:
    """The names of the consecutive rows, from ``position``, that each give an organisation
    and its business ID: the list under a role label of a print."""
    rows = []
    m = _ID_ROW.match(flat, position)
    while m:
        rows.append((m.start("org"), m.end("org"), m.group("org")))
        m = _ID_ROW.match(flat, m.end())
    return rows


def _label_matches(label_re: re.Pattern, low: str):
    """Exactly ``label_re.finditer(low)``: "^" can match only at 0, so after the first
    position the pattern without it, which the engine scans for much faster."""
    first = label_re.match(low, 0)
    if first is not None:
        yield first
    yield from _LABEL_AFTER[label_re].finditer(low, first.end() if first is not None else 0)


def _has_spaced_slash(flat: str) -> bool:
    """Whether ``\\s/\\s`` occurs anywhere."""
    position = flat.find("/", 1)
    while position > 0:
        if flat[position - 1].isspace() and flat[position + 1 : position + 2].isspace():
            return True
        position = flat.find("/", position + 1)
    return False


_AUTHORITY_NAME = re.compile(alternation(_DATA["authority_words"]))


def _classify(phrase: str, role: str, flat: str | None = None) -> tuple[str, str] | None:
    """The organisation a role phrase names and the role it plays, or None."""
    short_ely = None if flat is None else says_ely(flat)
    return _classified(phrase, role, short_ely, morphology.available())


@lru_cache(maxsize=8192)
def _classified(
    phrase: str, role: str, short_ely: bool | None, dictionary: bool
) -> tuple[str, str] | None:
    """:func:`_classify` in a document that says "ELY" (``short_ely``), with or without
    Voikko (``dictionary``); remembered, as the same phrases recur from document to
    document and nothing else decides the answer."""
    phrase = phrase.strip().rstrip(".")
    if _NOT_ORG.match(phrase) or len(phrase.split()) > 14:
        return None
    for code, pattern in MINISTRIES.items():
        if pattern.fullmatch(phrase):
            return code, "ministry"
    ely = ely_search(phrase)
    if ely and role in ("funding_authority", "implementer"):
        return ely_name(ely, short=short_ely), "funding_authority"
    if role == "funding_authority":
        name = nominative_named(phrase, short_ely)
        if name and _AUTHORITY_NAME.search(name):
            return name, role
        return None
    name = nominative_named(phrase, short_ely)
    return (name, role) if name else None


def _unique(view: TextView, found) -> list[OrganisationMention]:
    seen: set[tuple[str, str]] = set()
    mentions = []
    for start, end, name, role in sorted(found):
        key = (name.lower(), role)
        if key in seen or key[0] in _GENERIC:  # a bare "Liitto" or "kaupunki" names no one
            continue
        seen.add(key)
        mentions.append(
            OrganisationMention(name=name, role=role, evidence=view.evidence(start, end))
        )
    return mentions
