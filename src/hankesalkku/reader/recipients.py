"""A grant's recipient: the organisation named in the allative beside a verb of granting,
or the subject of a verb of receiving.

"5 500 € myönnetään Kaakon X ry:lle", "X Oy:lle myönnetään hankkeeseen …", "Valtionavustuksen
myöntäminen Y:n kaupungille", "X sai 7 500 euroa", "7 500 euroa sai X", "X förordas 15.354
euro": whoever is granted the money applied for it, whatever the document calls it. Only a name of the shape of an organisation counts (capitalised words
and words that end an organisation's name, ending in a company or association suffix or in
such a word), so that a person or a purpose in the allative is not taken for one.
"""

from __future__ import annotations

import re
from functools import cache

from . import morphology, names
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


# -- the subject of a verb of receiving -------------------------------------------------------

_RECEIVING = alternation(_DATA["receiving_verbs"])
_INNER = alternation(re.escape(word) for word in _DATA["name_inner_words"])
_INNER_WORDS = frozenset(_DATA["name_inner_words"]) | frozenset(_DATA["legal_forms"])
_NAME_WORD = r"(?:[A-ZÅÄÖ][\w&-]*|" + _INNER + r"|[\w-]*(?:" + _NAME_ENDS + r"))"
# (the last word may be a common noun in lower case: "Koivby byalag", "Koivby idrottskamrater")
_SUBJECT_NAME = (
    r"[A-ZÅÄÖ][\w&-]*(?:[ \t]+" + _NAME_WORD + r"){0,5}?(?:[ \t]+(?P<tail>[a-zåäö][\w.-]*))?"
)
_NOT_TAILS = frozenset(_DATA["not_name_tails"])
_NOT_STARTS = frozenset(_DATA["not_name_starts"])
_OTHERS = r"(?:[ \t]+(?:" + alternation(re.escape(w) for w in _DATA["and_others"]) + r"))?"
# the qualifier words of a sum ("noin", "yli", "drygt") and a sum in euros ("7 500 euroa",
# "2,3 miljoonaa euroa", "15.354 euro"), as patterns: owners.py reads sums the same way
QUALIFIER_WORDS = alternation(re.escape(q) for q in table("money.toml")["qualifiers"])
EUROS = r"\d[\d \u00a0.,]*[ \t]*(?:milj\w*\.?[ \t]*)?(?:euro\w*|€)"
_QUALIFIER = r"(?:(?:" + QUALIFIER_WORDS + r")[ \t]+)?"
# the name right before its verb, in the verb's sentence ("Listan kärjessä Ylämaa sai …"),
# and after the verb at most three words before the sum
_SUBJECT_BEFORE = re.compile(r"(?<![\w&-])(?P<org>" + _SUBJECT_NAME + r")" + _OTHERS + r"[ \t]+\Z")
_PROJECT_BEFORE = re.compile(r"\b(?:" + alternation(_DATA["project_stems"]) + r")\w*[ \t]", re.I)
_AFTER_VERB = re.compile(r"(?P<between>[ \t]+(?:[\w-]+[ \t]+){0,3}?)" + _QUALIFIER + r"(?=\d)")
_EUROS = re.compile(EUROS)  # (the sum that follows the verb)
_NEGATION = re.compile(r"\b(?:" + alternation(_DATA["negations"]) + r")\b")
# after the verb when the sum comes first: the name up to the sentence's end ("… euroa sai X.")
_NAME_TO_END = re.compile(r"[ \t]+(?P<org>" + _SUBJECT_NAME + r")(?=[.!?]|\n|$)")
_SUM_BEFORE = re.compile(r"\d[ \t]+(?:euro\w*|€)")
# the others of the same sentence, each with its own sum ("…, Alamaa 755 000 euroa")
_NEXT_SUBJECT = re.compile(
    r"(?:,|[ \t](?:ja|och))[ \t]+(?P<org>[A-ZÅÄÖ][\w&-]*(?:[ \t]+" + _NAME_WORD + r"){0,5}?)"
    r"(?P<tail>)[ \t]+" + _QUALIFIER + r"(?=" + EUROS + r")"
)
# where a sentence starts: after its full stop and a capital, or a line (not "r.y. sai")
_SENTENCE_START = re.compile(r"(?:[.!?][ \t]+(?=[A-ZÅÄÖ0-9])|\n)")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")  # (not the dot of "15.354")
# Speed: the verbs are looked for first (a name can start at any capital letter)
_VERB = gated(r"(?<![\w-])(?:" + _RECEIVING + r")(?![\w-])")
_SENTENCE_REACH = 160  # characters from a sentence's start to its verb
_SUM_REACH = 80  # characters from a sum to the verb after it
# money received for a project ("X sai hankkeelleen 185 000 euroa") makes X its implementer
_PROJECT = re.compile(alternation(_DATA["project_stems"]), re.I)


def subject_recipients(flat: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, role) of each organisation that receives euros as a verb's subject:
    the applicant of a grant, the implementer of a project it receives the money for.

    A name of one word is not taken: a capitalised word opening a sentence ("Hanke sai …") is
    no name, and a place alone ("Satakunta saa EU-rahoitusta") may be a region that no one
    applied for. A word opening the sentence that is no part of a name ("Myös", or what
    Voikko reads as an adverb, a pronoun or a case no name starts with: "Kokonaisuudessaan
    Ylämaa sai …") is left out (without Voikko only the listed ones). The sum must be in
    euros ("sai 3 ääntä", "120 hakemusta" are no grants), and a negated verb grants nothing.
    """
    found = []
    for verb in _VERB.finditer(flat):
        at = verb.start()
        starts = list(_SENTENCE_START.finditer(flat, max(0, at - _SENTENCE_REACH), at))
        opening = starts[-1].end() if starts else (0 if at <= _SENTENCE_REACH else -1)
        m, after = None, _AFTER_VERB.match(flat, verb.end(), min(len(flat), verb.end() + 60))
        if (
            opening >= 0
            and after
            and not _NEGATION.search(after.group("between"))
            and _EUROS.match(flat, after.end())
        ):
            m = _SUBJECT_BEFORE.search(flat, opening, at)
            if m and _PROJECT_BEFORE.search(flat, opening, m.start()):
                m = None  # "X:n hanke Nuorten Studio sai …": a project's name
        if m is not None:
            found.extend(_named(flat, m))
            end = SENTENCE_END.search(flat, after.end())  # "…, Y 755 000 euroa ja Z …"
            for other in _NEXT_SUBJECT.finditer(
                flat, after.end(), end.start() if end else len(flat)
            ):
                found.extend(_named(flat, other))
        elif _SUM_BEFORE.search(flat, max(0, opening, at - _SUM_REACH), at):
            m = _NAME_TO_END.match(flat, verb.end())
            found.extend(_named(flat, m) if m else [])
    return found


def _named(flat: str, m: re.Match) -> list[tuple[int, int, str, str]]:
    name = m.group("org")
    if m.group("tail") and not _noun_tail(m.group("tail")):
        return []
    if _PROJECT.search(name):
        return []  # (a project's name is no organisation's: "Ylämaan kyläprojekt i skogen")
    first = name.split(None, 1)[0]
    if first != name and (first in _NOT_STARTS or _function_word(first)):
        name = name[len(first) :].lstrip()
    if " " not in name and "\t" not in name and not _municipality(name):
        return []
    end = SENTENCE_END.search(flat, m.end("org"))
    rest = flat[m.end("org") : end.start() if end else len(flat)]
    role = "implementer" if _PROJECT.search(rest) else "applicant"
    return [(m.end("org") - len(name), m.end("org"), name, role)]


def _municipality(word: str) -> bool:
    """Whether a lone word is a place that receives as a municipality does ("Ylämaa sai
    180 000 euroa"): a place name to Voikko that is no region of the regional councils and
    counties ("Satakunta saa EU-rahoitusta": a region no one applied for) nor a country."""
    if names.is_city(word):
        return True
    if word in _NOT_MUNICIPALITIES or word in _regions():
        return False
    return any(a.word_class == "paikannimi" for a in morphology.analyse(word) or ())


@cache
def _regions() -> frozenset[str]:
    """The regions named by the regional councils' and counties' names ("Uudenmaan liitto" →
    Uusimaa, "Satakuntaliitto" → Satakunta), in the nominative by Voikko."""
    regions = set()
    for kind in ("regional_councils", "wellbeing_counties"):
        for row in names.rows(kind):
            first = row[0].split()[0]
            for head in _REGION_HEADS:
                if first.endswith(head) and first != head:
                    regions.add(first[: -len(head)])
            for a in morphology.analyse(first) or ():
                if a.case == "omanto" and a.word_class == "paikannimi":
                    regions.add(a.baseform)
    return frozenset(regions)


_REGION_HEADS = ("liitto", "hyvinvointialue")
_NOT_MUNICIPALITIES = frozenset(_DATA["not_municipalities"])
_FUNCTION_CLASSES = frozenset(("seikkasana", "asemosana", "sidesana", "suhdesana", "huudahdussana"))


def _noun_tail(word: str) -> bool:
    """Whether a lower-case word may end a name: a legal form ("ry"), a noun in the
    nominative, or a word Voikko does not know (a Swedish "byalag") that is no adverb of
    the list."""
    if word in _INNER_WORDS:
        return True
    if word in _NOT_TAILS:
        return False
    analyses = morphology.analyse(word)
    if analyses is None or not analyses:
        return True
    return any(a.word_class == "nimisana" and a.case == "nimento" for a in analyses)


_NAME_CASES = frozenset(("nimento", "omanto", ""))  # a name's first word: "Harjulan", "Kisa"


def _function_word(word: str) -> bool:
    """Whether Voikko reads a capitalised word only as an adverb, a pronoun, a conjunction,
    an adposition or a word in a case no name's first word has ("Myös", "Nyt",
    "Kokonaisuudessaan")."""
    analyses = morphology.analyse(word)
    return bool(analyses) and all(
        a.word_class in _FUNCTION_CLASSES or a.case not in _NAME_CASES for a in analyses
    )
