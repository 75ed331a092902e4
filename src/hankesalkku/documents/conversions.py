"""Reading a checked value as the record field it becomes: a date, a choice, a type."""

from __future__ import annotations

from datetime import date

from hankesalkku.organisations.models import OrganisationType

from .matching import ENTITY_FIELDS, appeal_choice, parse_date
from .models import ExtractedValue

_TYPE_WORDS = [
    (OrganisationType.WELLBEING_COUNTY, ("hyvinvointialue",)),
    (OrganisationType.MUNICIPALITY, ("kaupunki", "kunta")),
    (
        OrganisationType.STATE_AGENCY,
        ("ely-keskus", "ministeriö", "virasto", "opetushallitus", "elinvoimakeskus", "laitos"),
    ),
    (OrganisationType.UNIVERSITY, ("yliopisto", "korkeakoulu")),
    (OrganisationType.FOUNDATION, ("säätiö", " sr")),
    (OrganisationType.ASSOCIATION, (" ry", "yhdistys", "liitto")),
    (OrganisationType.COMPANY, (" oy", " oyj")),
]
_MAKER_KINDS = [
    ("division", "jaosto"),
    ("committee", "lautakunta"),
    ("council", "valtuusto"),
    ("board", "hallitus"),
    ("authority", "keskus"),
    ("authority", "ministeriö"),
]


def organisation_type_guess(name: str) -> str:
    folded = f" {name.casefold()}"
    for kind, words in _TYPE_WORDS:
        if any(folded.endswith(w) or f"{w} " in folded for w in words):
            return kind
    return OrganisationType.OTHER


def decision_maker_kind_guess(maker: str) -> str:
    folded = maker.casefold()
    return next((kind for kind, word in _MAKER_KINDS if word in folded), "office_holder")


def entity_field(value: ExtractedValue) -> dict:
    attr, text = ENTITY_FIELDS[value.name], value.effective_value
    if value.name in ("period_start", "period_end"):
        if text.isdigit() and len(text) == 4:
            day = date(int(text), 1, 1) if value.name == "period_start" else date(int(text), 12, 31)
            return {attr: day, "period_years_only": True}
        return {attr: parse_date(text)}
    return {attr: text}


def decision_value(value: ExtractedValue):
    text = value.effective_value
    if value.name == "decision_date":
        return parse_date(text)
    if value.name == "appeal":
        return appeal_choice(text)
    return text
