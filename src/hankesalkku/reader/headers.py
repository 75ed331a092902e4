"""The headers of published pages: which body a minutes page is of, which date is the
page's own (its publication) or a call's bound rather than a decision's, and the page's
headline."""

from __future__ import annotations

import re

from .wordlists import alternation, table

_DATA = table("fields.toml")


def _words(name: str) -> str:
    return alternation(_DATA[name])


# the body named by a minutes page's header: "Kunnanhallitus, kokous 21.2.2022" (cloudnc),
# "Kunnanhallitus\nPöytäkirja 18.01.2021/Pykälä 10" or "Aluehallitus 04.12.2023 § 198" (Dynasty)
def _body(group: str) -> str:
    return r"(?P<" + group + r">[A-ZÅÄÖ][\w-]*(?:[ -][\w-]+){0,4}?)"


_MAKER_HEADER = re.compile(
    _body("maker") + r",[ \t]+(?:" + _words("meeting_words") + r")[ \t]+\d{1,2}\.\d{1,2}\.\d{4}"
    r"|"
    + _body("maker2")
    + r"[ \t]*\n[ \t]*(?:"
    + _words("minutes_words")
    + r")[ \t]+\d{1,2}\.\d{1,2}\.\d{4}/"
    r"|" + _body("maker3") + r"[ \t]+\d{1,2}\.\d{1,2}\.\d{4}[ \t]+§[ \t]*\d{1,4}[ \t]*(?=\n)"
)


_MEETING = tuple(_DATA["meeting_words"])
_HEADER_GATE = re.compile(r"\d{4}[ \t]+§|\d{4}/(?:Pykälä|Paragraf)")


def _header_gate(head: str) -> bool:
    """``bool(_HEADER_GATE.search(head))``, looked for from each "§" and "/" back: the
    pattern starts with digits, so the engine would try it at every character."""
    for sign in ("§", "/"):
        at = head.find(sign)
        while at >= 0:
            digits_end = at
            if sign == "§":  # "2024 §": a run of spaces or tabs between
                while digits_end > 0 and head[digits_end - 1] in " \t":
                    digits_end -= 1
            if (
                (digits_end < at or sign == "/")
                and digits_end >= 4
                and _HEADER_GATE.match(head, digits_end - 4)
            ):
                return True
            at = head.find(sign, at + 1)
    return False


def header_maker(flat: str):
    """The body a minutes header names, tried at the start of each of the first lines."""
    position, limit = 0, min(len(flat), 1500)
    head = flat[:limit]
    if not (_header_gate(head) or any(", " + w in head for w in _MEETING)):
        return None  # speed: most texts have no such header, and this says so in one pass
    while position < limit:
        while position < limit and flat[position] in " \t":
            position += 1
        if flat[position : position + 1].isupper():
            m = _MAKER_HEADER.match(flat, position)
            if m:
                group = next(g for g in ("maker", "maker2", "maker3") if m.group(g))
                return m.start(group), m.end(group), m.group(group)
        position = flat.find("\n", position)
        if position < 0:
            break
        position += 1
    return None


_PUBLICATION_LABEL = re.compile(r"(?:" + _words("publication_labels") + r")\s*:?\s*$", re.I)
# after a page's or a release's date: its clock time ("21.9.2023 08:10:09 EEST | Tiedote",
# "17.01.2026 12:00", "14.04.2026 10:57 - <author>", "21.11.2026 kl. 12:16") or its author
# ("29.06.2023 / <author>")
# (a meeting's "klo 16.00" or "18:00 - 20:15" is not one: the meeting's day is the decision's)
_STAMP_AFTER = re.compile(
    r"[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]+EES?T)?[ \t]*(?:\||\n|$|[-\u2013][ \t](?![ \t]*\d))"
    r"|[ \t]+/[ \t]+[A-ZÅÄÖ][a-zåäö]+[ \t]"
    r"|[ \t]+kl\.[ \t]*\d{1,2}:\d{2}[ \t]*(?:\n|$)"
)
# a clock time with a dot ("29.6.2020 9.04") only after a date that opens its line, and not
# under a meeting's time label ("Kokousaika\n12.3.2024 18.00"): after a body's name
# ("« Ylämaan valiokunta 26.4.2018 13.00") it is the meeting's time
_DOTTED_CLOCK_AFTER = re.compile(
    r"[ \t]+\d{1,2}\.\d{2}[ \t]*(?:\||\n|$|[-\u2013][ \t](?![ \t]*\d))"
)
_MEETING_TIME_LABEL = re.compile(r"(?:" + _words("meeting_time_labels") + r")\s*:?\s*$", re.I)


def publication_stamp(flat: str, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` is a page's or a press release's own date (a
    labelled publication date, or one with a clock time or an author after it)."""
    line_start = flat.rfind("\n", 0, start) + 1
    if _PUBLICATION_LABEL.search(flat, line_start, start) or _STAMP_AFTER.match(flat, end):
        return True
    if flat[line_start:start].strip() or not _DOTTED_CLOCK_AFTER.match(flat, end):
        return False
    above = flat[max(0, line_start - 40) : line_start].rstrip()
    return not _MEETING_TIME_LABEL.search(above)


_BOUND_BEFORE = re.compile(r"\b(?:" + _words("bound_before") + r"),?\s+$")
_BOUND_AFTER = re.compile(r"\s+(?:" + _words("bound_after") + r")\b")


def date_bound(text: str, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` is the start or the end of a call or a period
    ("haku päättyi 1.3.2017", "1.9.2014 asti"), not a decision's day."""
    return bool(
        _BOUND_BEFORE.search(text[max(0, start - 20) : start].lower())
        or _BOUND_AFTER.match(text[end : end + 20].lower())
    )


# a line above a page's headline that is no headline: a category ("Tiedotteet", "Uutiset 2019"),
# a date, a page's stamp ("Julkaisuajankohta 21.2.2026", "Uutinen Julkaistu 3.2.2026 17.37",
# "15.3.26 | Nyheter", "8.2.2026 - 13:40"), a breadcrumb
# ("X stad › Aktuellt", "X · Hakuilmoitus") or a row of labels ("Artikelkategorier: …")
_ABOVE_HEADLINE = re.compile(
    r"[\w-]+|[\d.: \t]+|[\w-]+[ \t]+\d{1,2}\.\d{1,2}\.\d{4}"
    r"|(?:[\w-]+[ \t]+){1,2}\d{1,2}\.\d{1,2}\.\d{4}[ \t]+\d{1,2}[.:]\d{2}"
    r"|.*\S[ \t]+(?:›|·|・|>|»|\|)[ \t]+\S.*|(?:"
    + _words("news_categories")
    + r")[ \t]+(?:19|20)\d\d"
    r"|\d{1,2}\.\d{1,2}\.\d{2,4}[ \t]+(?:-[ \t]+)?\d{1,2}[:.]\d{2}\b.*"
    r"|(?:" + _words("publication_labels") + r")\b.*|[\w-]+:(?: [A-ZÅÄÖ]\w*){1,3}"
)
_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")
# running text: a line with a sentence in it
_SENTENCE = re.compile(r"[.!?…](?:\s|$)")
# a letterhead's words in capitals ("JYVÄSKYLÄN KAUPUNKI", "PÖYTÄKIRJANOTE"); acronyms are short
_CAPITALS_WORD = re.compile(r"\b[A-ZÅÄÖ]{6,}\b")
# a sender or a category before a colon or a comma ("Opetus- ja kulttuuriministeriö: tiedote",
# "Valtakunnallinen teema: …", "X: uutinen", "X kaupunki, kulttuurin edistämisen palvelut"); a one-word
# kicker ("Esitys: …") or a phrase with a figure ("… vuosi 2023: …") is part of a headline
_LABEL_ROW = re.compile(
    r"[^\d:,]+? [^\d:,]+: .*|[^:]+: [a-zåäö]+|\S+ (?:kaupunki|kunta|stad|kommun), .*"
)


def headline(flat: str):
    """A published page's headline: its first line that is no category, date, stamp or
    breadcrumb, standing alone (a blank line after it) above running text. A sentence, a
    letterhead (capitals, columns), a sender's line or a label row is no headline, and
    then the page has none that can be told; a page's stamp on the headline's line
    ("… Itä-Suomessa 25.2.2025 09:03:24 EET | Tiedote") is cut off."""
    position = 0
    for _ in range(5):
        end = flat.find("\n", position)
        if end < 0:
            return None
        line = flat[position:end].strip()
        if line:
            start = flat.index(line, position)
            line = _without_stamp(flat, start, line)
            if not _ABOVE_HEADLINE.fullmatch(line):
                break
        position = end + 1
    else:
        return None
    below = flat[end + 1 :].lstrip(" \t")
    if below[:1] != "\n" and not _paragraph_below(line, below.split("\n", 1)[0]):
        return None  # no blank line after it nor a paragraph: a letterhead's lines or a paragraph
    if not _headline_like(line):
        return None
    following = flat[end : end + 1500].split("\n")[:8]
    if not any(_running_text(text) for text in following):
        return None
    return start, start + len(line), line


def _paragraph_below(line: str, below: str) -> bool:
    """Whether the line right under a first line is a paragraph of its own (a web page's
    text, much longer than its headline), not the rest of a hard-wrapped sentence."""
    return below[:1].isupper() and len(below) >= max(len(line) + 40, 120) and _running_text(below)


def _running_text(line: str) -> bool:
    """Whether a line is running text (long, with a sentence in it): a page's headline stands
    above such lines, a letterhead's lines do not."""
    return len(line) > 80 and bool(_SENTENCE.search(line))


def _without_stamp(flat: str, start: int, line: str) -> str:
    """The headline without the release's date and clock time on the same line."""
    for m in _DATE.finditer(line):
        if _STAMP_AFTER.match(flat, start + m.end()):
            return line[: m.start()].rstrip(" |–-")
    return line


def _headline_like(line: str) -> bool:
    return (
        10 <= len(line) <= 200
        and (line[:1].isupper() or line[:1].isdigit())  # "65 000 euro till idrottsplanen"
        and "\t" not in line
        and "  " not in line
        and "§" not in line
        and not line.endswith((".", ":", ",", ";"))
        and not _SENTENCE.search(line[:-1])
        and not _CAPITALS_WORD.search(line)
        and not _LABEL_ROW.fullmatch(line)
    )
