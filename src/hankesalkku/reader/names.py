"""Official names of the organisations every funding document may name, from data files.

``data/names/`` lists the cities, ELY centres (and the elinvoimakeskus that followed them),
regional councils, wellbeing services counties and ministries: public bodies whose names are
facts, not something learnt from one document. A name the reader builds from a pattern
("Pohjois-Pohjanmaan liitto" from "Pohjois-Pohjanmaan liitolle") is checked against these
lists where it matters, and a city's genitive ("Raahen") finds the city. No organisation
name is written into the reader's code (``tests/reader/test_no_names_in_code.py``).
"""

from __future__ import annotations

from functools import cache

from . import morphology
from .wordlists import lines

FILES = ("cities", "ely_centres", "regional_councils", "wellbeing_counties", "ministries")


@cache
def rows(kind: str) -> tuple[tuple[str, ...], ...]:
    """The entries of ``data/names/<kind>.txt``, each split at ``|``."""
    return tuple(
        tuple(part.strip() for part in line.split("|")) for line in lines(f"names/{kind}.txt")
    )


@cache
def official_names() -> frozenset[str]:
    """Every official name and written form of every list, folded to lower case; a city also
    as the organisation ("Raahen kaupunki")."""
    listed = {part.lower() for kind in FILES for row in rows(kind) for part in row}
    cities = {f"{row[1]} kaupunki".lower() for row in rows("cities") if len(row) > 1}
    return frozenset(listed | cities)


@cache
def _city_by_genitive() -> dict[str, str]:
    return {row[1]: row[0] for row in rows("cities") if len(row) > 1}


def city_of_genitive(genitive: str) -> str | None:
    """The city a genitive names ("Raahen" -> "Raahe"), by the list, or by Voikko's base form
    when that is a city on the list; None for any other word."""
    found = _city_by_genitive().get(genitive)
    if found:
        return found
    for reading in morphology.analyse(genitive) or ():
        if reading.case == "omanto" and reading.baseform in _cities():
            return reading.baseform
    return None


@cache
def _cities() -> frozenset[str]:
    return frozenset(row[0] for row in rows("cities"))


def is_city(name: str) -> bool:
    """Whether ``name`` is a city of ``data/names/cities.txt`` in the nominative ("Vantaa")."""
    return name in _cities()


def is_official(name: str) -> bool:
    return name.lower() in official_names()


def city_organisation(city: str) -> str | None:
    """ "Raahe" -> "Raahen kaupunki" (the name of the city as an organisation)."""
    for row in rows("cities"):
        if row[0] == city and len(row) > 1:
            return f"{row[1]} kaupunki"
    return None


def city_of_diary_prefix(diary_number: str) -> str | None:
    """The city whose case system gives diary numbers like this one ("HEL 2023-014238")."""
    prefix = diary_number.split(" ")[0].split("-")[0].split(":")[0].upper()
    for row in rows("diary_prefixes"):
        if row[0] == prefix:
            return city_organisation(row[1])
    return None
