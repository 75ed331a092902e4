"""Patterns rewritten as text so that the regex engine can skip ahead, with the same matches.

Python's ``re`` tries a pattern at every character unless it starts with a plain character;
these helpers split an alternation into its alternatives and rewrite each to start with one
(see the reader's README, "Keeping it fast"). ``tests/reader/test_fast_paths.py`` checks them.
"""

from __future__ import annotations


def alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of a pattern written without inline flags."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":  # a "]" first in a class (after any "^") is a plain character
            in_class = True
            i += 1 + (pattern[i + 1 : i + 2] == "^")
            i += pattern[i : i + 1] == "]"
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def literal_first(alternative: str) -> str:
    """``\\bword…`` as ``w(?<!\\w.)ord…``: the same matches, but the alternative starts with a
    plain character, which lets the regex engine reject a position at once."""
    if (
        alternative.startswith("\\b")
        and alternative[2:3].isalpha()
        and alternative[3:4] not in "?*+{"
    ):
        return alternative[2] + r"(?<!\w.)" + alternative[3:]
    return alternative


_SPECIAL = frozenset("\\.^$*+?{}[]|()")


def literal_run(pattern: str) -> int:
    """Length of the plain characters a pattern starts with (a quantified last one excluded)."""
    n = 0
    while n < len(pattern) and pattern[n] not in _SPECIAL and pattern[n] not in "\n\t":
        n += 1
    return n - 1 if n and pattern[n : n + 1] in ("?", "*", "+", "{") else n


def word_first(alternative: str) -> str:
    """``\\bword…`` as ``word(?<!\\w.{4})…``: the same matches, but the pattern starts with
    the whole word, which the regex engine finds as fast as ``str.find``."""
    if not alternative.startswith("\\b") or not alternative[2:3].isalnum():
        return alternative
    run = literal_run(alternative[2:])
    if run < 1:
        return alternative
    return alternative[2 : 2 + run] + f"(?<!\\w.{{{run}}})" + alternative[2 + run :]


def by_first_letter(alts: list[str]) -> str:
    """One alternation of ``alts`` grouped by their first letter, in their order within a group.

    Alternatives that start with different letters never match at the same place, so the
    first alternative that matches is the same; the engine then tests each letter once per
    position instead of each alternative. Without a plain first letter everywhere, unchanged.
    """
    if not all(alt[:1].isalpha() and alt[1:2] not in ("?", "*", "+", "{") for alt in alts):
        return "|".join(alts)
    groups: dict[str, list[str]] = {}
    for alt in alts:
        groups.setdefault(alt[0], []).append(alt[1:])
    return "|".join(
        letter
        + (rest[0] if len(rest) == 1 and not alternatives(rest[0])[1:] else f"(?:{'|'.join(rest)})")
        for letter, rest in groups.items()
    )
