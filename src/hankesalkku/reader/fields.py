"""The named fields of the output contract, each with the text it came from."""

from __future__ import annotations

import re

from . import dates, patterns
from .boards import board_name
from .funders import find_funders
from .headers import date_bound, header_maker, headline, publication_stamp
from .organisations import (
    ELY,
    REGIONAL_COUNCIL,
    SATAKUNTA,
    SWEDISH_ELY,
    council_name,
    ely_name,
    letterhead_council,
    swedish_council_funder,
    swedish_ely_name,
)
from .scan import Gated, folded, gated
from .wordlists import alternation, table

_DATA = table("fields.toml")


def _words(name: str) -> str:
    """The entries of ``name`` in fields.toml as one alternation."""
    return alternation(_DATA[name])


_DATE_LABEL = gated(r"\b(?:" + _words("date_labels") + r")\s*[:.]?\s*", re.I)
_MAKER_WORD = "(?:" + _words("maker_words") + ")"
_MAKER_CLAUSE = (
    r"(?P<maker>(?:[A-ZÅÄÖ][\w-]*,?(?: (?:ja )?[\w-]+,?){0,7}? )?" + _MAKER_WORD
    + r")\s+(?:" + _words("maker_verbs") + r")\b"
)  # fmt: skip
# the subject of a decision at the start of the text, a line or a sentence; after the start,
# "(?:\n|[.!?:]\s)" is written to begin with one class of characters, which the engine skips
# to (the "^" alternative made it try every character)
_MAKER_SUBJECT = re.compile(r"(?:^|\n|[.!?:]\s)" + _MAKER_CLAUSE)
_MAKER_SUBJECT_AFTER = re.compile(r"[\n.!?:](?:(?<=\n)|\s(?<=[.!?:]\s))" + _MAKER_CLAUSE)
_MAKER_LINE = gated(r"(?:^|\n)(?P<maker>[A-ZÅÄÖ][\w-]*" + _MAKER_WORD + r")\s*(?=\n)")
_MAKER_LABEL = gated(
    r"\b(?:" + _words("maker_labels") + r")\s*[:.]?\s*(?P<maker>[^\n]{3,80})", re.I
)
_MAKER_OPENER = re.compile(r"^(?:" + _words("maker_openers") + r")\s+")
_QUOTED = gated(r"[”“\"«]\s*(?P<name>[^”“\"«»\n]{4,200}?)\s*[”“\"»]")
_NAME_LABEL = gated(r"\b(?:" + _words("name_labels") + r")\s*[:\t]\s*(?P<name>[^\n]{4,200})", re.I)
# "hankkeella Osaava Pohjois-Savo …": the name after the word (speed: compiled and gated once)
_NAME_AFTER_PROJECT = gated(r"\bhankkee(?:lla|ssa)\s+(?P<name>[A-ZÅÄÖ][^\n.]{10,200})(?:\n|$)")
_PROJECT_ACRONYM = gated(
    r"\b(?:hanke|hankkeen|projekti)\s*\((?P<acr>[A-ZÅÄÖ][A-ZÅÄÖ0-9+-]{1,11})\)", re.I
)
_ACRONYM_TAIL = re.compile(r"\s*\([A-ZÅÄÖ][A-ZÅÄÖ0-9+&-]{1,11}\)\s*$")
_HEADING_NAME = re.compile(
    r"\s*(?P<name>[A-ZÅÄÖ][^\n()\t.:]{3,100}?)\s*\([A-ZÅÄÖ][A-ZÅÄÖ0-9+&-]{1,11}\)[ \t]*(?:\n|$)"
)
_HEADING_NAME_LINE = re.compile(r"(?<=\n\n)" + _HEADING_NAME.pattern)
_PROGRAMME_ACRONYM = re.compile(r"\((?:" + _words("programme_acronyms") + r")\)")
_HANKE_CONTEXT = re.compile(r"hank\w*|projekt\w*", re.I)
_ACRONYM = re.compile(r"\((?P<acr>[A-ZÅÄÖ][A-ZÅÄÖ0-9+&-]{1,11})\)")
_ACRONYM_AFTER = re.compile(r"[”“\"»]?\s*\((?P<acr>[A-ZÅÄÖ][A-ZÅÄÖ0-9+&-]{1,11})\)")
_TITLE_LABEL = gated(r"\b(?:" + _words("title_labels") + r")(?:\s*:|\t)\s*(?P<title>[^\n]{5,200})")
# lower case, searched in the folded text (as re.IGNORECASE, but faster; only spans are used)
_FUNDER_CONTEXT = gated("(?:" + _words("funder_words") + r")(?:[ \t:]*\n)?[^.\n]{0,80}")
# a distribution list at the end of a decision: who is told, not who pays
_DISTRIBUTION = re.compile(r"\s*(?:" + _words("distribution_words") + r")\b", re.I)
_COUNCIL_FUNDS = gated(
    r"\b(?:päättää|päätti)\s+myöntää|\bmyöntää\b|\bavaa\s+(?:[^.\n]{0,80}?\s)?\w*haun|hakuilmoitus|HAKUILMOITUS|\bhaku\s+on\s+avoinna",
)
# lower case, searched in case-folded context windows (as re.IGNORECASE, but faster)
_APPEALS = gated(
    alternation(f"(?P<{entry['key']}>{entry['pattern']})" for entry in _DATA["appeal"]), re.I
)
_APPEAL_HEADING = gated(r"\bMuutoksenhaku\b|\bMUUTOKSENHAKU|\bBesvär\b")
_APPEAL_NAMES = {entry["key"]: entry["name"] for entry in _DATA["appeal"]}


_DATE_LINE = re.compile(
    r"[ \t]*\n(?:[ \t]*\n)*[ \t]*(?P<date>\d{1,2}\.\d{1,2}\.\d{4})[ \t]*(?:\n|$)"
)


def decision_date(flat: str):
    m = _DATE_LABEL.search(flat)
    if m:
        for start, end, value in dates.find_dates(flat[m.end() : m.end() + 40]):
            if start == 0:
                return m.end() + start, m.end() + end, value
    head = flat[:400]
    ranges = [(s.start, s.end) for s in dates.find_date_ranges(head)]
    page_date = None  # a date alone on its line right under a page's headline is the page's
    for start, end, value in dates.find_dates(head):
        in_range = any(a <= start < b for a, b in ranges)
        if in_range or publication_stamp(flat, start, end) or date_bound(head, start, end):
            continue
        if page_date is None:
            page_date = _under_headline(flat)
        if page_date == (start, end):
            continue
        return start, end, value
    return None


def _under_headline(flat: str) -> tuple[int, int] | tuple[()]:
    """The span of a date that stands alone on the line right under a page's headline
    ("Förbundet kanaliserade …\n\n18.3.2026\n\nÖsterbottens förbund …"), or ()."""
    found = headline(flat)
    if not found:
        return ()
    m = _DATE_LINE.match(flat, found[1])
    return m.span("date") if m else ()


# "Perusopetusjohtaja Jarmo Koskinen": an office holder's title with the person's name; the
# decision maker is the office (the person changes, the office decides)
_PERSON_AFTER_TITLE = re.compile(
    r"^(?P<title>[A-ZÅÄÖ][\w-]*" + _MAKER_WORD + r")\s+[A-ZÅÄÖ][a-zåäö-]+\s+[A-ZÅÄÖ][a-zåäö-]+$"
)


def decision_maker(flat: str):
    found = header_maker(flat)
    if found:
        return found
    m = _MAKER_LABEL.search(flat)
    if m:
        maker = m.group("maker").strip()
        person = _PERSON_AFTER_TITLE.match(maker)
        if person:
            return m.start("maker"), m.start("maker") + person.end("title"), person["title"]
        return m.start("maker"), m.end("maker"), maker
    m = _MAKER_SUBJECT.match(flat) or _MAKER_SUBJECT_AFTER.search(flat, 1)  # (= .search)
    if m:
        maker = board_name(_MAKER_OPENER.sub("", m.group("maker")))
        start = m.end("maker") - len(maker)
        return start, m.end("maker"), maker[:1].upper() + maker[1:].replace("\n", " ")
    m = _MAKER_LINE.search(flat[:300])
    if m:
        return m.start("maker"), m.end("maker"), m.group("maker")
    return None


_SWEDISH = re.compile(r"(?<!\w)(?:" + _words("swedish_words") + r")(?!\w)")
_FINNISH = re.compile(r"(?<!\w)(?:" + _words("finnish_words") + r")(?!\w)", re.I)
_PRESS_RELEASE = re.compile(r"(?:Lehdistö)?[Tt]iedote|TIEDOTE|Pressmeddelande|PRESSMEDDELANDE")


def is_swedish(line: str) -> bool:
    """Whether a line of a bilingual document is the Swedish one of a pair."""
    low = line.lower()
    return len(_SWEDISH.findall(low)) > len(_FINNISH.findall(low))


def _heading_like(line: str) -> bool:
    """A stand-alone heading: not a label-value row, a date, a sentence or the Swedish line."""
    return (
        8 < len(line) <= 200
        and "\t" not in line
        and line[:1].isupper()
        and not line.endswith((".", ":", ","))
        and not dates.DATE.search(line)
        and "§" not in line
    )


def _lines_after(flat: str, position: int, count: int = 3):
    """The next non-empty lines after the line holding ``position``, with their starts."""
    start = flat.find("\n", position)
    found = []
    while start >= 0 and len(found) < count:
        end = flat.find("\n", start + 1)
        end = len(flat) if end < 0 else end
        line = flat[start + 1 : end].strip()
        if line:
            found.append((flat.index(line, start + 1), line))
        start = end if end < len(flat) else -1
    return found


# a line that only carries a reference ("Diaarinumero HML/1234/…", "SLN/77/10.03.02/2025")
_IDENTIFIER_LINE = re.compile(
    "(?:" + _words("identifier_labels") + r")\b|\S*\d\S*/\S*$|\S*Dno-\d{4}-\d+$", re.I
)
# a web page's navigation between items ("Edellinen asia | Seuraava asia …"), not a heading
_NAVIGATION = re.compile(r"\S \| \S")


def title(flat: str, section_end: int | None, diary_start: int | None = None):
    if diary_start is not None:
        line_start = flat.rfind("\n", 0, diary_start) + 1
        if flat[line_start:diary_start].strip() == "":
            before = flat[:line_start].rstrip()
            previous = before[before.rfind("\n") + 1 :].strip()
            start = before.rfind("\n") + 1
            if is_swedish(previous):  # bilingual minutes: the Finnish heading is the line above
                above = before[:start].rstrip()
                candidate = above[above.rfind("\n") + 1 :].strip()
                if candidate and not is_swedish(candidate) and _heading_like(candidate):
                    start, previous = above.rfind("\n") + 1, candidate
            if len(previous) > 8 and _heading_like(previous) and not is_swedish(previous):
                return start, start + len(previous), previous
    if section_end is not None:
        line_end = flat.find("\n", section_end)
        rest = flat[section_end : len(flat) if line_end < 0 else line_end]
        heading = rest.strip()
        if heading and flat[section_end : section_end + 1] in " \t" and _heading_like(heading):
            start = section_end + rest.index(heading)  # "§ 174 Porin kaupungin avustusperiaatteet"
            return start, start + len(heading), heading
        for start, stripped in _lines_after(flat, section_end - 1, 6):
            if (
                patterns.HEL_DIARY.match(stripped)
                or _IDENTIFIER_LINE.match(stripped)
                or (diary_start is not None and start <= diary_start < start + len(stripped))
                or len(stripped) < 6
                or dates.DATE.match(stripped)
                or "\t" in stripped  # a label-value row of the header ("Päivämäärä  13.2.2025")
                or _NAVIGATION.search(stripped)
            ):
                continue
            if stripped.endswith(":"):  # "Johtaja X:" presents the item: no heading here
                break
            return start, start + len(stripped), stripped
    m = _TITLE_LABEL.search(flat)
    if m:
        return m.start("title"), m.end("title"), m.group("title").strip()
    if diary_start is not None:  # a letterhead (type, date, number) and then the heading
        after = _lines_after(flat, diary_start, 1)
        if after and _heading_like(after[0][1]):
            start, line = after[0]
            return start, start + len(line), line
    if _PRESS_RELEASE.match(flat.lstrip()[:20]):  # TIEDOTE / sender / date / headline
        for start, line in _lines_after(flat, 0, 4):
            if len(line) > 30 and _heading_like(line):
                return start, start + len(line), line
    return headline(flat)


# A name holds no sentence break ("… seuduilla. Tällä haulla …"): such a find is running text,
# and a wrong name costs more than a missing one, so the field is left empty.
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÅÄÖ]")


def project_name(flat: str):
    found = _project_name(flat)
    if found and _SENTENCE_BREAK.search(found[2]):
        return None
    return found


def _project_name(flat: str):
    m = _NAME_LABEL.search(flat)
    if m:
        name = m.group("name").strip().strip('”“"')
        name = _ACRONYM_TAIL.sub("", name)  # "Hoivan osaajat Pohjois-Savoon (HOPO)"
        start = flat.index(name, m.start("name"))
        return start, start + len(name), name
    for m in _QUOTED.finditer(flat):
        around = flat[max(0, m.start() - 70) : m.start()] + flat[m.end() : m.end() + 12]
        if _HANKE_CONTEXT.search(around) and not m.group("name").endswith(":"):
            return m.start("name"), m.end("name"), m.group("name")
    m = _NAME_AFTER_PROJECT.search(flat)
    if m:
        return m.start("name"), m.end("name"), m.group("name").strip()
    # a project page headed "Arktinen osaajapolku (AOP)", perhaps under a breadcrumb line
    m = _HEADING_NAME.match(flat) or _HEADING_NAME_LINE.search(flat, 0, 600)
    if m and not _PROGRAMME_ACRONYM.search(flat, m.end("name"), m.end()):
        return m.start("name"), m.end("name"), m.group("name")
    return None


def project_acronym(flat: str, name: tuple | None):
    if name:
        start, end, value = name
        m = _ACRONYM.search(value) or _ACRONYM_AFTER.match(flat, end, end + 40)
        if m:
            if m.string is value:
                return start + m.start("acr"), start + m.end("acr"), m.group("acr")
            return m.start("acr"), m.end("acr"), m.group("acr")
    m = _PROJECT_ACRONYM.search(flat)
    if m:
        return m.start("acr"), m.end("acr"), m.group("acr")
    return None


# "Varsinais-Suomen liitto on myöntänyt rahoituksen": the council as the subject of granting
# (lower case, on the folded text: the search skips straight to "liit")
_COUNCIL_GRANTS = re.compile(
    r"liit(?:to|ot)\s+(?:on\s+)?(?:myöntänyt|myönsi|myöntää|rahoittaa|rahoitti|tukee|avaa)\b"
)


_SWEDISH_GRANTS = re.compile(r"\s+(?:" + _words("swedish_grant_words") + r")\b")


def funding_authority(flat: str):
    m = _COUNCIL_GRANTS.search(folded(flat))
    if m:
        end = m.start() + 6  # after "liitto"
        council = REGIONAL_COUNCIL.search(flat, max(0, end - 60), end) or SATAKUNTA.search(
            flat, max(0, end - 60), end
        )
        if council:
            return council.start(), council.end(), council_name(council)
    # (patterns whose words the document lacks are not tried at every funding word)
    ely_here = ELY.could_match(flat) if isinstance(ELY, Gated) else True
    councils = [
        p for p in (REGIONAL_COUNCIL, SATAKUNTA) if not isinstance(p, Gated) or p.could_match(flat)
    ]
    for m in _FUNDER_CONTEXT.finditer(folded(flat)) if ely_here or councils else ():
        ely = ELY.search(flat, m.start(), m.end() + 40) if ely_here else None
        if ely:
            return ely.start(), ely.end(), ely_name(ely)
        council = next(filter(None, (p.search(flat, m.start(), m.end()) for p in councils)), None)
        if council:
            return council.start(), council.end(), council_name(council)
    for swedish in SWEDISH_ELY.finditer(flat) if SWEDISH_ELY.could_match(flat) else ():
        if _SWEDISH_GRANTS.match(flat, swedish.end()):
            return swedish.start(), swedish.end(), swedish_ely_name(swedish)
    if council := swedish_council_funder(flat):  # ("Kustlands förbund utlyste …")
        return council
    # a regional council that grants or opens a call in its own letter is the funder
    council = letterhead_council(flat)
    if council and _COUNCIL_FUNDS.search(flat):
        return council
    line_start = searched = 0  # (the start of each mention's line, found going forward)
    for ely in ELY.finditer(flat):
        newline = flat.rfind("\n", searched, ely.start())
        line_start, searched = (newline + 1 if newline >= 0 else line_start), ely.start()
        if not _DISTRIBUTION.match(flat, line_start):  # "Tiedoksi: X ELY-keskus" only informs
            return ely.start(), ely.end(), ely_name(ely)
    givers = find_funders(flat)  # the body the text says gives the money ("X myönsi")
    return givers[0] if givers else None


def appeal(flat: str):
    heading = _APPEAL_HEADING.search(flat)
    m = _APPEALS.search(flat, heading.start() if heading else 0) or _APPEALS.search(flat)
    if m:
        return m.start(), m.end(), _APPEAL_NAMES[m.lastgroup]
    return None
