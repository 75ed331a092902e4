"""Identifiers of Finnish public administration: diary numbers, task classes,
project codes and sections, in the many ways cities, regional councils, ELY
centres and EURA write them."""

from __future__ import annotations

import re

from .scan import gated
from .wordlists import alternation, table

_LABELS = table("patterns.toml")

HEL_DIARY = gated(r"\bHEL[ -](?P<year>(?:19|20)\d{2})-(?P<num>\d{6})\b")
# VARELY/1234/2023, OKM/12/040/2024, ESAELY/123/07.00/2023, TRE:1234/02.05.01/2023
PREFIXED_DIARY = gated(
    r"\b(?P<prefix>[A-ZÅÄÖ]{2,12})[/:](?P<num>\d{1,6})(?:/(?P<mid>\d{2,3}(?:\.\d{2}){0,4}))?/(?P<year>(?:19|20)\d{2})\b"
)
# 1234/02.05.01/2023 (classification in the middle makes it unambiguous)
CLASSIFIED_DIARY = gated(
    r"(?<![\w/])(?P<num>\d{1,6})/(?P<mid>\d{2}(?:\.\d{2}){1,4})/(?P<year>(?:19|20)\d{2})\b"
)
# the case numbers of cloudnc minutes: a municipality's prefix, "Dno", year and number
# ("PRIDno-2020-3518", "MjuDno-2020-94", "KAJDno-2020-871")
DNO_DIARY = gated(
    r"\b(?P<prefix>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,7})Dno-(?P<year>(?:19|20)\d{2})-(?P<num>\d{1,6})\b"
)
LABELLED_DIARY = gated(
    r"\b(?:" + alternation(_LABELS["diary_labels"]) + r")\s*[:.]?\s*"
    r"(?P<value>(?:[A-ZÅÄÖ]{2,12}[/:])?\d{1,6}(?:/\d{2,3}(?:\.\d{2}){0,4})?/(?:19|20)\d{2}|HEL[ -]\d{4}-\d{6})",
    re.I,
)
# "(?<![\w])T" written as "T(?<!\wT)": the same matches, but the engine skips from "T" to "T"
CLASSIFICATION_T = re.compile(r"T(?<!\wT)\s(?P<code>\d{2}(?:\s\d{2}){1,4})(?!\d)")
CLASSIFICATION_LABEL = gated(
    r"\b(?:"
    + alternation(_LABELS["classification_labels"])
    + r")\s*[:.]?\s*(?P<code>T?\s?\d{2}(?:[ .]\d{2}){1,4})",
    re.I,
)
# "(?<![\w-])[A-Z]" written as "[A-Z](?<![\w-][A-Z])": the same matches, but the engine
# skips from capital to capital instead of trying the look-behind at every character
PROJECT_CODE = re.compile(r"(?P<code>[A-Z](?<![\w-][A-Z])\d{5})(?![\w-])")
PROJECT_CODE_LABEL = re.compile(r"\b(?:" + alternation(_LABELS["project_code_labels"]) + ")", re.I)
# "§ 54" alone on its line, or after the meeting date ("3.4.2024 12 §")
SECTION_LINE = gated(
    r"(?:^|\n)[ \t]*(?:\d{1,2}\.\d{1,2}\.\d{4}[ \t]+|[A-ZÅÄÖ][\w-]*(?: [\w-]+){0,3}[ \t]+)?"
    r"(?:(?P<a>\d{1,4})\s?§|§\s?(?P<b>\d{1,4}))(?:[ \t]+\d{1,2}\.\d{1,2}\.\d{4})?[ \t]*(?=\n|$)"
)
SECTION_WORDS = gated(
    r"(?:\b(?:Pykälä|Paragraf)\s+(?:§\s?)?(?P<p>\d{1,4})\b|\bPöytäkirjan\s+(?P<q>\d{1,4})\s?§|(?:^|\n)\s*Asia\s?/\s?(?P<asia>\d{1,3})\b"
    r"|\bAsia(?:kohta)?\s+(?:nro\s+)?(?P<asia2>\d{1,3})\s*(?:\n|$)|(?:^|\n)\s*Ärende\s?/\s?(?P<asia3>\d{1,3})\b)",
    re.I,
)
SECTION_TITLED = gated(r"(?<![^\n])(?:§\s?(?P<b>\d{1,4})|(?P<a>\d{1,4})\s?§)(?=[ \t]+[A-ZÅÄÖ])")
SECTION_INLINE = gated(
    r"(?:^|\n)[^\n]{0,40}?(?<!\d\.)(?<!\d\.\d{4} )\b(?P<a>\d{1,4})\s?§(?!\s*[:.]?\s*(?:mukai|nojal|perusteel))"
)


def normalise_diary(value: str) -> str:
    m = HEL_DIARY.fullmatch(value.strip())
    if m:
        return f"HEL {m.group('year')}-{m.group('num')}"
    return value.strip()


def find_diary(flat: str) -> tuple[int, int, str] | None:
    """The first kind of diary number found, in order of trust: labelled, HEL, prefixed, classified."""
    for pattern in (LABELLED_DIARY, HEL_DIARY, DNO_DIARY, PREFIXED_DIARY, CLASSIFIED_DIARY):
        m = pattern.search(flat)
        if m:
            group = "value" if pattern is LABELLED_DIARY else 0
            return m.start(group), m.end(group), normalise_diary(m.group(group))
    return None


def find_classification(flat: str, diary: str | None) -> tuple[int, int, str] | None:
    m = CLASSIFICATION_LABEL.search(flat)
    if m:
        code = m.group("code").strip()
        if code[0].isdigit() and " " in code:
            code = "T " + code
        return m.start("code"), m.end("code"), code
    m = CLASSIFICATION_T.search(flat)
    if m:
        return m.start(), m.end(), "T " + m.group("code")
    if diary:
        mid = re.search(r"/(\d{2}(?:\.\d{2}){1,4})/", diary)
        if mid:
            position = flat.find(mid.group(1))
            return position, position + len(mid.group(1)), mid.group(1)
    return None


def find_project_code(flat: str) -> tuple[int, int, str] | None:
    for m in PROJECT_CODE.finditer(flat):
        context = flat[max(0, m.start() - 60) : m.start()]
        if PROJECT_CODE_LABEL.search(context) or m.group("code")[0] in "SJA":
            return m.start("code"), m.end("code"), m.group("code")
    return None


def section_line(flat: str) -> re.Match | None:
    """Exactly ``SECTION_LINE.search(flat)``, tried only at the lines around each "§".

    A match starts at the text's start or at a "\\n" and holds a "§" on the line after
    that start, or on the next line (only the whitespace between the number and the sign
    can be a line break), so it can only start at the line start of a "§" or the one before.
    """
    candidates: set[int] = set()
    sign = flat.find("§")
    while sign >= 0:
        start = flat.rfind("\n", 0, sign)
        candidates.add(max(start, 0))
        if start > 0:
            candidates.add(max(flat.rfind("\n", 0, start), 0))
        sign = flat.find("§", sign + 1)
    match = SECTION_LINE.match
    return next(filter(None, (match(flat, start) for start in sorted(candidates))), None)


def find_section(flat: str) -> tuple[int, int, str] | None:
    m = section_line(flat)
    if m:
        number = m.group("a") or m.group("b")
        start = m.start("a") if m.group("a") else flat.rfind("§", m.start(), m.start("b"))
        return start, m.end(), f"{number} §"
    m = SECTION_WORDS.search(flat)
    if m:
        for key in ("p", "q"):
            if m.group(key):
                return m.start(), m.end(), f"{m.group(key)} §"
        for key in ("asia", "asia2", "asia3"):
            if m.group(key):
                return m.start(key), m.end(key), m.group(key)
    m = SECTION_TITLED.search(flat[:1500])
    if m and not SECTION_TITLED.search(flat[:1500], m.end()):  # several: a list of agenda items
        number = m.group("a") or m.group("b")
        return m.start(), m.end(), f"{number} §"
    m = SECTION_INLINE.search(flat[:600])
    if m:
        return m.start("a"), m.end(), f"{m.group('a')} §"
    return None
