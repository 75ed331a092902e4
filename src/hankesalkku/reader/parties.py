"""Whose money each figure is, and the figures as the result's amounts.

Own financing and a part's figures are the deciding city's; municipal co-financing is
the money of the organisation it is paid for; a grant is the recipient's in the sentence.
"""

from __future__ import annotations

import re

from . import limits
from .money import Found
from .names import city_of_diary_prefix
from .organisations import city_organisation, known_mentions
from .result import Amount, Field
from .textview import TextView

_CITY_BEFORE = re.compile(r"([A-ZÅÄÖ](?<!\w.)[a-zåäö]+n)\s+(?:osuu|osahank|hankkee|kaupungin)")
# ("\b[A-ZÅÄÖ]" written as "[A-ZÅÄÖ](?<!\w.)", which the engine skips to: the same matches)
_HOME_CITY = re.compile(r"([A-ZÅÄÖ](?<!\w.)[a-zåäö]+(?:n|en)) kaupun(?:ki|gin)\b")
_PARTY_ROLES = ("own_financing", "municipal_financing", "part_total", "part_support", "granted")


def home_organisation(flat: str, fields: dict[str, Field]) -> str | None:
    """The organisation whose decision this is, for its own money."""
    diary = fields.get("diary_number")
    city = city_of_diary_prefix(diary.value) if diary and diary.value else None
    if city:
        return city
    m = _HOME_CITY.search(flat[:1500])
    return f"{m.group(1)} kaupunki" if m else None


def attach_parties(flat: str, figures: list[Found], segments, home: str | None) -> None:
    mentions_in: dict[tuple[int, int], list] = {}  # figures often share a sentence
    for fig in figures:
        if fig.role not in _PARTY_ROLES:
            continue
        s_start, s_end = segments.sentence(fig.start)
        before = flat[max(s_start, fig.start - limits.CLAUSE_REACH) : fig.start]
        mentions = mentions_in.get((s_start, s_end))
        if mentions is None:
            mentions = [m for m in known_mentions(flat[s_start:s_end], flat) if m[2] != home]
            mentions_in[(s_start, s_end)] = mentions
        city = _CITY_BEFORE.findall(before)
        if fig.role == "municipal_financing" and mentions:
            fig.party = mentions[0][2]
        elif fig.role == "granted" and mentions:
            fig.party = min(mentions, key=lambda m: abs(s_start + m[0] - fig.start))[2]
        elif city and city_organisation(city[-1]):
            fig.party = city_organisation(city[-1])
        elif fig.role in ("own_financing", "part_total", "part_support"):
            fig.party = home


def unique_amounts(view: TextView, figures: list[Found]) -> list[Amount]:
    """The figures as amounts; the same figure, role, qualifier and party once."""
    seen = set()
    amounts = []
    for fig in figures:
        key = (fig.eur, fig.role, fig.qualifier, fig.party)
        if key in seen:
            continue
        seen.add(key)
        amounts.append(
            Amount(
                eur=fig.eur,
                role=fig.role,
                qualifier=fig.qualifier,
                evidence=view.evidence(fig.start, fig.end),
                party=fig.party,
                budget_item=fig.budget_item,
            )
        )
    return amounts
