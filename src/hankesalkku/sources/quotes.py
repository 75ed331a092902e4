"""Find a quoted sentence in a document's text although line breaks and spacing differ.

Seed documents break sentences over lines and pages; the quote is stored with single spaces.
"""

import re

_SPACE = re.compile(r"\s+")


def _squeeze(text: str) -> tuple[str, list[int]]:
    """Text with whitespace runs folded to one space, and each character's original offset."""
    out: list[str] = []
    offsets: list[int] = []
    previous_space = False
    for index, char in enumerate(text):
        is_space = char.isspace()
        if is_space and previous_space:
            continue
        out.append(" " if is_space else char)
        offsets.append(index)
        previous_space = is_space
    return "".join(out), offsets


def locate_quote(text: str, quote: str) -> tuple[int, int] | None:
    """(start, end) of the quote in the original text, or None where it does not occur."""
    if not text or not quote:
        return None
    squeezed, offsets = _squeeze(text)
    needle = _SPACE.sub(" ", quote.strip())
    found = squeezed.find(needle)
    if found < 0:
        return None
    return offsets[found], offsets[found + len(needle) - 1] + 1
