"""A stored text as a person reads it: markdown's marks ("####", "**") taken out.

Documents arrive as converted text, often with markdown headings and bold; shown raw, a
decision reads "#### Päätös". The text is kept as stored (quotes point into it by offset), and
only the page drops the marks, part by part, so the highlighted quote keeps its place.
"""

import re

_HEADING = re.compile(r"(?m)^[ \t]{0,3}#{1,6}[ \t]+")
_EMPHASIS = re.compile(r"\*\*|__")


def without_markdown(text: str, *, at_line_start: bool = True) -> str:
    """`text` without heading marks and bold marks. A part cut from the middle of a line
    (`at_line_start=False`) does not start a heading."""
    if not text:
        return text
    marked = text if at_line_start else "\x00" + text
    plain = _EMPHASIS.sub("", _HEADING.sub("", marked))
    return plain if at_line_start else plain[1:]


def plain_parts(before: str, quote: str, after: str) -> dict:
    """The three parts of a highlighted document, each without markdown."""
    return {
        "before": without_markdown(before),
        "quote": without_markdown(quote, at_line_start=not before or before.endswith("\n")),
        "after": without_markdown(after, at_line_start=(before + quote).endswith("\n")),
    }
