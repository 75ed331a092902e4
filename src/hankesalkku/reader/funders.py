"""The body that gives the money, told by what it does in the sentence.

Press releases, grant pages and minutes rarely label their funder; they say it: "Koivikko-säätiön
hallitus myönsi …", "Ekbylands förbund kanaliserade …", "Kanta-Hämeen hyvinvointialueen
järjestöavustusten haku …", "X:n myöntämä avustus", "stöd från X". A name is taken only where
its last word is the head of a giver's name (a foundation, fund, county, city, council,
centre: ``data/funders.toml``) or a known organisation, so that the shape of the sentence and
of the name decide, never a list of givers; a board's name gives its owner ("Koivikko-säätiön
hallitus" → Koivikko-säätiö), and a city's own board that grants on a minutes page
("Kaupunginhallitus päätti myöntää") gives the city that heads the page. Ministries are not
givers here: they play the ministry role.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .organisations import MINISTRIES, known_mentions, nominative_named
from .rewrites import by_first_letter
from .scan import folded
from .wordlists import table

_DATA = table("funders.toml")
_HEADS = frozenset(_DATA["heads"])
_COMPOUND_HEADS = tuple(_DATA["compound_heads"])
_SWEDISH_HEADS = frozenset(_DATA["swedish_heads"])
_SWEDISH_ENDINGS = tuple(_DATA["swedish_compound_heads"])
_EU_FUNDS = tuple(_DATA["eu_funds"])
_BOARDS = frozenset(_DATA["boards"])
_OWN_BOARDS: dict[str, str] = dict(_DATA["own_boards"])

# (searched in the folded text: lower case, the same offsets; each alternative starts with a
# plain letter, so that the engine skips to the places where one can match)
_GIVING = re.compile(by_first_letter(list(_DATA["giving_verbs"])))
_GRANT_STEM = re.compile(by_first_letter([re.escape(stem) for stem in _DATA["grant_stems"]]))
_AGENT = re.compile(by_first_letter([re.escape(stem) for stem in _DATA["agent_participles"]]))
_FROM = re.compile(by_first_letter(list(_DATA["from_words"])))
_AT_ENDINGS = tuple(_DATA["at_endings"])  # (a call's word may end a compound: "EAKR-haku")
# (word, the case endings of the name after it) and (word, endings of the name before it)
_CASED_AFTER = (
    (re.compile(by_first_letter([re.escape(w) for w in _DATA["apply_from_words"]])),
     tuple(_DATA["from_endings"])),
    (re.compile(by_first_letter(list(_DATA["call_at_words"]))), _AT_ENDINGS),
)  # fmt: skip
_CASED_BEFORE = (
    (re.compile(by_first_letter(list(_DATA["has_words"]))), tuple(_DATA["has_endings"])),
)
_AUXILIARIES = re.compile(
    r"(?:[ \t]+(?:" + "|".join(_DATA["auxiliaries"]) + r"))+[ \t]*$", re.IGNORECASE
)
# a word between a giver's genitive and its grant: a genitive or a compound's first part
# ("X:n sosiaali- ja terveysalan järjestöavustukset"), never an allative or a participle
# ("X:n hankkeelle avustus", "X:n saamat avustukset": X got the money, it did not give it)
_WORD_BEFORE = re.compile(r"[ \t]+(?:(?:ja|och)[ \t]+)?[a-zåäö][\w-]*(?:n|s|-)[ \t]*$")
_APPLICATION = re.compile(r"hakemu|ansök")  # "X:n avustushakemus": X applied
_LONGEST_WORD = 64  # characters a word is looked back over (a longer "word" is no name)
_MIDDLE_WORDS = 3  # words that may stand between a giver's genitive and its grant
_OWN_BOARD = re.compile(
    r"(?<![\w-])(?P<board>" + "|".join(_OWN_BOARDS) + r")\s+(?:on\s+)?(?:päätti\s+)?"
    r"(?:myön\w*|bevilj\w*)"
)
# A name at the end of a clause: capitalised words (with "ja" / "och" between), then the
# last word in any case ("Kanta-Hämeen hyvinvointialueen"); a Swedish name may go on with
# "i" and a region ("Landskapsverket i Västra Finland").
_NAME_AT_END = re.compile(
    r"(?<![\w&-])(?P<name>(?:[A-ZÅÄÖ][\w&-]*[ \t]+(?:(?:ja|och)[ \t]+)?){0,4}[\w&-]+"
    r"(?:[ \t]+i[ \t]+[A-ZÅÄÖ]\w*(?:[ \t]+[A-ZÅÄÖ]\w*)?)?)\s*$"
)
_NAME_AT_START = re.compile(
    r"(?P<name>(?:[A-ZÅÄÖ][\w&-]*[ \t]+(?:(?:ja|och)[ \t]+)?){0,4}[\w&-]+"
    r"(?:[ \t]+i[ \t]+[A-ZÅÄÖ]\w*(?:[ \t]+[A-ZÅÄÖ]\w*)?)?)"
)
_CLAUSE_START = re.compile(r"[.;:!?\n\"”“(]|,\s")
_NOT_NAME_WORDS = frozenset(_DATA["not_name_words"])
_TO_WORDS = frozenset(_DATA["to_words"])
_TO_BEFORE = re.compile(r"(?i:\b(?:" + "|".join(_TO_WORDS) + r"))\s+$")
_REACH = 120  # characters a name reaches back from its verb or grant word
_HEAD_LINES = 400  # characters of a minutes page's heading where its city is named
_CITY_AT_HEAD = re.compile(
    r"(?<![\w-])(?P<name>[A-ZÅÄÖ][\w-]+(?:n|en)\s+(?:kaupunki|kunta|hyvinvointialue)|"
    r"[A-ZÅÄÖ][\w-]+\s+(?:stad|kommun|välfärdsområde))(?![\w-])"
)


@lru_cache(maxsize=4)  # (the fields and the roles both ask, for the same text)
def find_funders(flat: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, nominative name) of each body the text says gives money, in text order."""
    low = folded(flat)
    found: list[tuple[int, int, str]] = []
    for m in _GIVING.finditer(low):  # "X myönsi", "X har beviljat"
        if _word_starts(low, m.start()):
            end = _without_auxiliaries(flat, m.start())
            named = _name_before(flat, end) if _may_end_name(flat, end) else None
            found.extend([named] if named else [])
    for m in _GRANT_STEM.finditer(low):  # "X:n avustukset", "X:n … järjestöavustusten haku"
        word = _word_start(low, m.start())
        if (
            word > 0
            and low[word - 1] in " \t"
            and not _APPLICATION.search(low, word, _word_end(low, m.end()))
        ):
            found.extend(_genitive_before(flat, word))
    for m in _AGENT.finditer(low):  # "X:n myöntämä avustus"
        if _word_starts(low, m.start()):
            named = _name_before(flat, m.start())
            found.extend([named] if named else [])
    for m in _FROM.finditer(low):  # "stöd från X"
        if _word_starts(low, m.start()):
            named = _name_after(flat, m.end())
            found.extend([named] if named else [])
    for pattern, endings in _CASED_AFTER:  # "hakea X:ltä", "haku on auki X:ssa"
        for m in pattern.finditer(low):
            if _word_starts(low, m.start()) or endings == _AT_ENDINGS:
                named = _name_after(flat, m.end(), endings)
                found.extend([named] if named else [])
    for pattern, endings in _CASED_BEFORE:  # "X:lla on käytettävissä"
        for m in pattern.finditer(low):
            end = _before_spaces(low, m.start())
            if _word_starts(low, m.start()) and low.endswith(endings, 0, end):
                named = _name_before(flat, end)
                found.extend([named] if named else [])
    if not found:
        own = _own_board_owner(flat, low)
        if own:
            found.append(own)
    return tuple(_fullest(found))


_HEAD_STARTS = tuple({head[:4] for head in _HEADS})
_ANY_HEAD = tuple({*_HEADS, *_COMPOUND_HEADS, *_SWEDISH_ENDINGS})


def _may_end_name(flat: str, end: int) -> bool:
    """Whether the word before ``end`` may end a giver's name: a capitalised word or a head's
    ("hyvinvointialueen", "kommun"); a cheap test before the name's own (speed)."""
    stop = _before_spaces(flat, end)
    start, reach = stop, max(0, stop - _LONGEST_WORD)
    while start > reach and (flat[start - 1].isalnum() or flat[start - 1] in "-&"):
        start -= 1
    word = flat[start:stop]
    return bool(word) and (
        word[0].isupper() or word.startswith(_HEAD_STARTS) or word.lower() in _BOARDS
    )


def _word_starts(low: str, position: int) -> bool:
    return position > 0 and low[position - 1] in " \t"


def _word_start(low: str, position: int) -> int:
    """Where the word holding ``position`` starts, or -1 for a "word" too long to be one."""
    reach = max(0, position - _LONGEST_WORD)
    while position > reach and (low[position - 1].isalnum() or low[position - 1] == "-"):
        position -= 1
    return -1 if position == reach and reach > 0 else position


def _word_end(low: str, position: int) -> int:
    reach = min(len(low), position + _LONGEST_WORD)
    while position < reach and (low[position].isalnum() or low[position] == "-"):
        position += 1
    return position


def _before_spaces(flat: str, end: int) -> int:
    """``len(flat[:end].rstrip(" \t"))`` without copying the text."""
    while end > 0 and flat[end - 1] in " \t":
        end -= 1
    return end


def _without_auxiliaries(flat: str, end: int) -> int:
    """Where the name before a verb ends: before "on päättänyt", "har", "börjar"."""
    start = max(0, end - 40)
    m = _AUXILIARIES.search(flat, start, end)
    return m.start() if m else end


def _genitive_before(flat: str, word: int) -> list[tuple[int, int, str]]:
    """The giver in the genitive before a grant's word, with up to three words between."""
    end = word
    for _ in range(_MIDDLE_WORDS + 1):
        stop = _before_spaces(flat, end)
        genitive = flat[stop - 1 : stop] in ("n", "s") and _may_end_name(flat, end)
        named = _name_before(flat, end) if genitive else None
        if named:
            return [named]
        m = _WORD_BEFORE.search(flat, max(0, end - 60), end)
        if not m:
            return []
        end = m.start()
    return []


def _fullest(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The givers without a name that is the end of a fuller one ("Kulttuurirahasto" where
    "Harjulan Kulttuurirahasto" is named too), in text order."""
    names = {name.lower() for *_, name in found}
    return sorted(
        {
            (start, end, name)
            for start, end, name in found
            if not any(other.endswith(" " + name.lower()) for other in names)
        }
    )


def _clause_from(flat: str, end: int) -> int:
    start = max(0, end - _REACH)
    cuts = list(_CLAUSE_START.finditer(flat, start, end))
    return cuts[-1].end() if cuts else start


def _name_before(flat: str, end: int) -> tuple[int, int, str] | None:
    """The giver's name that ends right before ``end``, or None."""
    start = _clause_from(flat, end)
    m = _NAME_AT_END.search(flat, start, end)
    if not m:
        return None
    words = m.group("name").split()
    last = words[-1].lower()
    if last in _BOARDS and len(words) > 1:  # "Koivikko-säätiön hallitus": the board's owner
        words = words[:-1]
        owner = m.group("name")[: m.group("name").rfind(words[-1]) + len(words[-1])]
        return _giver(flat, m.start("name"), m.start("name") + len(owner), owner)
    return _giver(flat, m.start("name"), m.end("name"), m.group("name"))


def _name_after(
    flat: str, start: int, endings: tuple[str, ...] = ()
) -> tuple[int, int, str] | None:
    """The giver's name right after ``start``; with ``endings``, only a name whose last word
    has one of them (the case the sentence puts the giver in: "hakea X:ltä")."""
    while start < len(flat) and flat[start] in " \t":
        start += 1
    m = _NAME_AT_START.match(flat, start)
    if m is None:
        return None
    name = m.group("name")
    if endings:  # (the name ends at its first word in that case: "X:ssa 9.3.2020 asti")
        ends = [w.end() for w in re.finditer(r"\S+", name) if w.group().lower().endswith(endings)]
        if not ends:
            return None
        name = name[: ends[0]]
    return _giver(flat, m.start(), m.start() + len(name), name)


def _giver(flat: str, start: int, end: int, phrase: str) -> tuple[int, int, str] | None:
    """The longest tail of ``phrase`` (``flat[start:end]``) that names a giver, in the
    nominative, or None. A Finnish name is a head after genitives ("Ylämaan liitto", not
    "Hankepäätös Ylämaan liitto"); a name after "till" / "åt" is the one given to."""
    words = list(re.finditer(r"\S+", phrase))
    for k, word in enumerate(words):
        if word.group().lower() in _TO_WORDS:
            return None
        if not word.group()[:1].isupper() or word.group().lower() in _NOT_NAME_WORDS:
            continue
        tail = phrase[word.start() :]
        if k == 0 and _TO_BEFORE.search(flat, max(0, start - 6), start):
            return None
        if k > 0 and words[k - 1].group().lower() in _TO_WORDS:
            return None
        name = _nominative(tail)
        if name and _is_giver(name):
            return start + word.start(), end, name
    return None


def _nominative(phrase: str) -> str | None:
    """The phrase as a name in the nominative: Swedish "Ekby kommuns" → "Ekby kommun"."""
    words = phrase.split()
    if words[-1].endswith("s") and words[-1][:-1].lower() in _SWEDISH_HEADS:
        return " ".join([*words[:-1], words[-1][:-1]])
    if "i" in words[1:-1] or words[-1].lower() in _SWEDISH_HEADS:
        return phrase  # (Swedish names are in the nominative)
    return nominative_named(phrase, None)


@lru_cache(maxsize=4096)  # (a pure test of a name; the same names recur)
def _is_giver(name: str) -> bool:
    last_word = name.split()[-1]
    if not last_word[:1].isupper() and not last_word.lower().endswith(_ANY_HEAD):
        return False  # (no head, no known name: most candidates end here, cheaply)
    if any(pattern.fullmatch(name) for pattern in MINISTRIES.values()):
        return False  # (a ministry plays the ministry role)
    mentions = known_mentions(name)
    if mentions and mentions[0][0] == 0 and mentions[0][1] == len(name):
        return True  # (an organisation the reader knows by name)
    words = name.split()
    last = words[-1] if " i " not in name else name.split(" i ")[0].split()[-1]
    head = last.lower()
    if head.endswith(_EU_FUNDS):
        return False
    swedish_name = " i " in name or head in _SWEDISH_HEADS or head.endswith(_SWEDISH_ENDINGS)
    if not swedish_name and any(not word.endswith("n") for word in words[:-1]):
        return False  # "Hankepäätös Ylämaan liitto": a Finnish name's first words are genitives
    if last[:1].isupper() and head.endswith(_COMPOUND_HEADS) and head not in _COMPOUND_HEADS:
        return True  # "Koivikko-säätiö", "Harjulan Kulttuurirahasto", "Ekbydelegationen"
    if swedish_name and len(words) > 1 and head.endswith(_SWEDISH_ENDINGS):
        return words[0][:1].isupper()  # "Ekby sparbanksstiftelse", "Västra bygdefonden"
    if not last[:1].isupper() and head in _HEADS and len(words) > 1:
        before = words[-2] if " i " not in name else name.split(" i ")[0].split()[-2]
        swedish = head in _SWEDISH_HEADS
        # "Kanta-Hämeen hyvinvointialue" (a genitive), "Ekby kommun" (a name)
        return before[:1].isupper() and (swedish or before.endswith("n"))
    return False


def _own_board_owner(flat: str, low: str) -> tuple[int, int, str] | None:
    """The city, municipality or county heading a minutes page whose own board grants."""
    if not any(word in low for word in _OWN_BOARDS):  # (most texts: a substring test each)
        return None
    board = _OWN_BOARD.search(low)
    if not board:
        return None
    kind = _OWN_BOARDS[board.group("board")]
    for m in _CITY_AT_HEAD.finditer(flat, 0, min(len(flat), _HEAD_LINES)):
        name = _nominative(m.group("name"))
        if name and name.split()[-1].lower() == kind:
            return m.start(), m.end(), name
    return None
