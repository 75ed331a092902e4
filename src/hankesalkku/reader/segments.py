"""Sentences and paragraphs of the cleaned text.

Money roles, parties and budget items are decided within one sentence; the
project-versus-part scope of a figure carries over within one paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .wordlists import lines

_PARAGRAPH = re.compile(r"\n\n")
_ABBREVIATIONS = lines("abbreviations.txt")
# Sentence breaks: a full stop (or ! ?) before a capital, and line breaks that end a
# paragraph, start a list item or follow a full stop or colon. Two patterns, so that
# each starts with a plain character the regex engine can skip to (the "\n" ones share
# one prefix); a one-character stop never overlaps a line break, so merging the two in
# position order gives the breaks of the single alternation they replace.
_STOP_BREAK = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ\"”“(])")
_LINE_BREAK = re.compile(r"\n\n|\n(?=\s*(?:[-•*o▪–]\s|\d{1,2}[.)]\s))|\n(?<=[.:!?]\n)")
_ABBREVIATION_MAX = max(map(len, _ABBREVIATIONS))
BULLET = re.compile(r"[ \t]*[•*-][ \t]")
_HEADING_REACH = 60  # lines of a list looked back over for its heading


def bullet_heading(flat: str, line_start: int) -> int | None:
    """Where the heading line of a bulleted line's list starts ("Hankkeen nimi, hakija ja
    haettu tuki:" over "• Name, X ry, 469 022 €", blank lines between the bullets or not),
    or None for a line that is no bullet."""
    if not BULLET.match(flat, line_start):
        return None
    end = line_start - 1
    for _ in range(_HEADING_REACH):
        if end <= 0:
            return 0
        start = flat.rfind("\n", 0, end) + 1
        line = flat[start:end]
        if line.strip() and not BULLET.match(line):
            return start
        end = start - 1
    return max(end, 0)


def _abbreviation_before(flat: str, position: int) -> bool:
    """Whether the word right before ``position`` (within 12 characters) is a known abbreviation."""
    low = max(0, position - 12)
    if position > low and flat[position - 1] == "\n":
        position -= 1  # as "(\w+)$" did: "$" also matches before a final newline
    start = position
    while start > low and (flat[start - 1].isalnum() or flat[start - 1] == "_"):
        start -= 1
        if position - start > _ABBREVIATION_MAX:
            return False
    return start < position and flat[start:position].lower() in _ABBREVIATIONS


class Segments:
    def __init__(self, flat: str):
        self.text = flat
        breaks = [m.end() for m in _LINE_BREAK.finditer(flat)]
        for match in _STOP_BREAK.finditer(flat):
            if match.group() == "." and _abbreviation_before(flat, match.start()):
                continue
            breaks.append(match.end())
        breaks.sort()
        self.sentence_starts = [0, *breaks]
        self.paragraph_starts = [0] + [m.end() for m in _PARAGRAPH.finditer(flat)]

    def sentence(self, position: int) -> tuple[int, int]:
        k = bisect_right(self.sentence_starts, position) - 1
        start = self.sentence_starts[k]
        end = self.sentence_starts[k + 1] if k + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def paragraph_start(self, position: int) -> int:
        return self.paragraph_starts[self.paragraph_index(position)]

    def paragraph_index(self, position: int) -> int:
        return bisect_right(self.paragraph_starts, position) - 1

    def sentence_index(self, position: int) -> int:
        return bisect_right(self.sentence_starts, position) - 1
