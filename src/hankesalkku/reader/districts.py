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
    ordered = sorted(stems, key=len, reverse=True)
    # "(?<![\w-])(Kontula|…)" written as "(K(?<![\w-]K)ontula|…)": the same matches, but
    # with every name starting with a letter the regex engine skips straight to those letters.
    names = "|".join(
        f"{re.escape(s[0])}(?<![\\w-]{re.escape(s[0])}){re.escape(s[1:])}" for s in ordered
    )
    pattern = re.compile(r"(" + names + r")[a-zåäö]{0,6}(?![\w-])")
    return pattern, stems


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
