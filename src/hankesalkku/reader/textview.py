"""A cleaned view of the extracted text that still points back into it.

Real documents carry page furniture (the date and the decision maker repeated on
every page), markdown decoration, words hyphenated over line breaks
("Kontu-\\nla") and odd spaces. The patterns are simpler and safer on a cleaned
string, but evidence must quote the text the user sees. So the analysis runs on
``TextView.flat`` and every span is mapped back with :meth:`TextView.evidence`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from .result import Evidence
from .wordlists import lines

# runs of horizontal space other than one plain space (those need no rewriting)
_HSPACE = re.compile(
    r"[ \t\u00a0\u2007\u2009\u200a\u202f\u3000\r\f\v]{2,}|[\t\u00a0\u2007\u2009\u200a\u202f\u3000\r\f\v]"
)
# a line holds a match of _HSPACE exactly when it holds one of these or two plain spaces
_ODD_SPACE = re.compile(r"[\t\u00a0\u2007\u2009\u200a\u202f\u3000\r\f\v]")
_DECORATION = re.compile(r"^(?:#{1,6}\s+|\*\*|>\s+)+")
_DECORATION_START = frozenset("#*>")
_RULE = re.compile(r"^[-=_*]{3,}$")
_RULE_CHARS = frozenset("-=_*")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyzåäö")
# a line starting with one of these words does not continue a hyphenated word before it
# (lines hold no "\n", so the old list's "ja\n" never mattered)
_CONJUNCTIONS = tuple(word + " " for word in lines("joining_words.txt"))
_SENTENCE_END = (".", "!", "?", ":", ";")
_EDGE = " \t\u00a0\r\f\v"
# a line that is only a figure ("0", "5 000", "12 500,00"): a table's cell, never a page's
# running header, however often the same sum recurs in a grant list
_PAGE_APART = 400  # characters at least between two recurrences of a page's furniture
_FIGURE_LINE = re.compile(r"\d{1,3}(?:[ .\u00a0]\d{3})*(?:,\d{1,2})?")


def _strip_trailing_decoration(content: str) -> str:
    """Remove trailing ``(?:\\*\\*|\\s)+``: whitespace and bold markers, right to left."""
    stripped = content.rstrip()
    while stripped.endswith("**"):
        stripped = stripped[:-2].rstrip()
    return stripped


def _furniture(kept: list[tuple[int, str]]) -> set[str]:
    """Short lines that recur on every page (a running header or footer: "Pöytäkirja 3/2018",
    "Sivu"), kept once. A line recurs as furniture only a page or so apart: a table's labels
    ("Vuotuisavustus", "Vuokra-avustus") and sums ("0", "5 000") recur row after row."""
    counts = Counter([c for _, c in kept if c and len(c) <= 60])
    candidates = {
        c for c, n in counts.items()
        if n >= 3 and not c.startswith(("-", "•")) and not _FIGURE_LINE.fullmatch(c)
    }  # fmt: skip
    if not candidates:
        return candidates
    last: dict[str, int] = {}
    near: Counter = Counter()  # recurrences closer than a page to the one before
    for start, content in kept:
        if content in candidates:
            if content in last and start - last[content] < _PAGE_APART:
                near[content] += 1
            last[content] = start
    # (a page's header may also stand near its first place, in the signature: most count)
    return {c for c in candidates if near[c] * 2 < counts[c] - 1}


class TextView:
    """``flat`` is the cleaned text; ``evidence`` maps a flat span to the original."""

    def __init__(self, text: str):
        self.original = text
        self._flat_parts: list[str] = []
        self._flat_starts: list[int] = []
        self._orig_starts: list[int] = []
        self._length = 0
        self._build()
        self.flat = "".join(self._flat_parts)
        del self._flat_parts

    # -- construction -------------------------------------------------------
    def _emit(self, chunk: str, orig_start: int) -> None:
        if not chunk:
            return
        self._flat_parts.append(chunk)
        self._flat_starts.append(self._length)
        self._orig_starts.append(orig_start)
        self._length += len(chunk)

    def _emit_line(self, line: str, orig_start: int) -> None:
        """Copy one line, collapsing runs of horizontal space to a single space."""
        pos = 0
        for match in _HSPACE.finditer(line):
            self._emit(line[pos : match.start()], orig_start + pos)
            gap = match.group()  # a wide gap separates columns (label and value): keep it a tab
            self._emit(
                "\t" if "\t" in gap or gap.startswith("   ") else " ", orig_start + match.start()
            )
            pos = match.end()
        self._emit(line[pos:], orig_start + pos)

    def _kept_lines(self) -> list[tuple[int, str]]:
        """Each line's content (its offset and text) without edge spaces and decoration."""
        kept = []
        keep = kept.append
        position = 0
        for raw in self.original.split("\n"):
            start = position
            position += len(raw) + 1
            left = raw.lstrip(_EDGE)
            content = left.rstrip(_EDGE)
            if not content:
                keep((start, ""))
                continue
            lead = len(raw) - len(left)  # where the content starts in the line
            if content[0] in _DECORATION_START:
                deco = _DECORATION.match(content)
                if deco:
                    lead += deco.end()
                    content = content[deco.end() :]
            if content[-1] == "*" or content[-1:].isspace():
                content = _strip_trailing_decoration(content)
            keep((start + lead, content))
        if kept and not kept[-1][1] and self.original.endswith("\n"):
            kept.pop()  # a final newline does not start another line
        return kept

    def _build(self) -> None:
        kept = self._kept_lines()
        furniture = _furniture(kept)
        seen: set[str] = set()
        previous = ""
        blank_since_previous = False
        furniture_since_previous = False
        odd_spaces = _ODD_SPACE.search(self.original) is not None
        parts, flat_starts, orig_starts = self._flat_parts, self._flat_starts, self._orig_starts
        length = self._length  # (kept in a local in the loop, in self only around _emit_line)
        for start, content in kept:
            if not content or (content[0] in _RULE_CHARS and _RULE.match(content)):
                blank_since_previous = True
                continue
            if content in furniture:
                if content in seen:
                    furniture_since_previous = True
                    continue
                seen.add(content)
            if previous:
                starts_lower = content[0] in _LOWER
                joined_word = starts_lower and previous[-1] == "-" and previous[-2:-1] in _LOWER
                if (
                    joined_word
                    and not content.startswith(_CONJUNCTIONS)
                    and not blank_since_previous
                ):
                    # "Kontu-\nla" -> "Kontula": drop the hyphen already emitted.
                    self._length = length
                    self._unemit_last_char()
                    length = self._length
                else:
                    if joined_word or (
                        furniture_since_previous
                        and not previous.endswith(_SENTENCE_END)
                        and starts_lower
                    ):
                        separator = " "
                    elif blank_since_previous or furniture_since_previous:
                        separator = "\n\n"
                    else:
                        separator = "\n"
                    parts.append(separator)
                    flat_starts.append(length)
                    orig_starts.append(start)
                    length += len(separator)
            # (every odd space is unprintable, so a printable line, most of them, holds none)
            if "  " not in content and not (
                odd_spaces and not content.isprintable() and _ODD_SPACE.search(content)
            ):
                parts.append(content)
                flat_starts.append(length)
                orig_starts.append(start)
                length += len(content)
            else:
                self._length = length
                self._emit_line(content, start)
                length = self._length
            previous = content
            blank_since_previous = False
            furniture_since_previous = False
        self._length = length

    def _unemit_last_char(self) -> None:
        last = self._flat_parts[-1]
        if len(last) == 1:
            self._flat_parts.pop()
            self._flat_starts.pop()
            self._orig_starts.pop()
        else:
            self._flat_parts[-1] = last[:-1]
        self._length -= 1

    # -- mapping ------------------------------------------------------------
    def to_original(self, flat_index: int) -> int:
        k = bisect_right(self._flat_starts, flat_index) - 1
        if k < 0:
            return 0
        return self._orig_starts[k] + (flat_index - self._flat_starts[k])

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for ``flat[start:end]`` quoting the original text."""
        starts = self._flat_starts
        if not starts or end <= start:
            return Evidence(0, 0, "")
        # (to_original of both ends, written out: evidence is made for every value)
        k = bisect_right(starts, start) - 1
        orig_start = self._orig_starts[k] + (start - starts[k]) if k >= 0 else 0
        k = bisect_right(starts, end - 1, k if k > 0 else 0) - 1
        orig_end = (self._orig_starts[k] + (end - 1 - starts[k]) if k >= 0 else 0) + 1
        orig_end = max(orig_end, orig_start)
        return Evidence(orig_start, orig_end, self.original[orig_start:orig_end])
