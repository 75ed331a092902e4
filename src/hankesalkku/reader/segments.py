"""Sentences and paragraphs of the cleaned text.

Money roles, parties and budget items are decided within one sentence; the
project-versus-part scope of a figure carries over within one paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_ABBREVIATIONS = ("n", "esim", "mm", "milj", "ks", "klo", "ns", "yms", "tms", "ym", "nro", "s", "p", "puh", "dnro")
_SENTENCE_BREAK = re.compile(
    r"[.!?](?=\s+[A-ZÅÄÖ\"”“(])|\n\n|\n(?=\s*(?:[-•*o▪–]\s|\d{1,2}[.)]\s))|(?<=[.:!?])\n"
)
_WORD_BEFORE = re.compile(r"(\w+)$")


class Segments:
    def __init__(self, flat: str):
        self.text = flat
        starts = [0]
        for match in _SENTENCE_BREAK.finditer(flat):
            if match.group() == ".":
                word = _WORD_BEFORE.search(flat, max(0, match.start() - 12), match.start())
                if word and word.group(1).lower() in _ABBREVIATIONS:
                    continue
            starts.append(match.end())
        self.sentence_starts = starts
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\n", flat)]

    def sentence(self, position: int) -> tuple[int, int]:
        k = bisect_right(self.sentence_starts, position) - 1
        start = self.sentence_starts[k]
        end = self.sentence_starts[k + 1] if k + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def paragraph_index(self, position: int) -> int:
        return bisect_right(self.paragraph_starts, position) - 1

    def sentence_index(self, position: int) -> int:
        return bisect_right(self.sentence_starts, position) - 1
