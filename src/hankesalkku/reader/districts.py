"""Helsinki's districts, recognised also in inflected forms ("Kontulassa", "Kannelmäessä")."""

from __future__ import annotations

import re
from importlib import resources

from .result import DistrictMention
from .scan import gated
from .textview import TextView


def _load() -> tuple[re.Pattern, dict[str, str]]:
    stems: dict[str, str] = {}
    text = resources.files(__package__).joinpath("data/helsinki_districts.txt").read_text("utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, _, extra = line.partition("|")
        stems.setdefault(name, name)
        for stem in filter(None, extra.split(",")):
            stems.setdefault(stem, name)
    # "(?<![\w-])(Kontula|…)" written as "(K(?<![\w-]K)(?:ontula|…)|…)", the names as a
    # tree of shared beginnings: the engine skips straight to the first letters and follows
    # one branch per letter instead of trying every name. Longer names are tried first, as
    # in the alternation of names longest first (of two names that both fit, one begins
    # the other), so the matches are the same.
    tree: dict = {}
    for stem in stems:
        node = tree
        for char in stem:
            node = node.setdefault(char, {})
        node[""] = {}
    names = "|".join(
        f"{re.escape(c)}(?<![\\w-]{re.escape(c)}){_branches(sub)}" for c, sub in tree.items()
    )
    pattern = re.compile(r"(" + names + r")[a-zåäö]{0,6}(?![\w-])")
    return pattern, stems


def _branches(node: dict) -> str:
    """The regex of a name tree below one character: longer continuations first."""
    options = [re.escape(c) + _branches(sub) for c, sub in node.items() if c]
    if "" in node:
        options.append("")
    if len(options) == 1:
        return options[0]
    return "(?:" + "|".join(options) + ")"


_PATTERN, _STEMS = _load()
_HELSINKI_CONTEXT = gated(r"Helsin|\bHEL \d{4}|kaupunginos|kohdealue|peruspiir|asuinalue", re.I)


def find_districts(view: TextView) -> list[DistrictMention]:
    flat = view.flat
    if not _HELSINKI_CONTEXT.search(flat):
        return []
    found: dict[str, DistrictMention] = {}
    for m in _PATTERN.finditer(flat):
        name = _STEMS[m.group(1)]
        if name not in found:
            found[name] = DistrictMention(name=name, evidence=view.evidence(m.start(), m.end()))
    return list(found.values())
