"""Finnish word forms by Voikko (libvoikko with the voikko-fi dictionary), where installed.

Organisation names inflect in their last word only ("Hämeen ELY-keskukselta",
"Pohjois-Pohjanmaan liitolle"), and a dictionary knows far more nouns and their consonant
gradation than a hand-written table. The reader must still run where Voikko is missing (a
developer's laptop, a minimal container), so every caller falls back to the rules of
``inflection.py`` when :func:`analyse` gives None. Analyses are cached: role phrases repeat.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import NamedTuple

logger = logging.getLogger(__name__)


class Analysis(NamedTuple):
    baseform: str
    case: str  # Voikko's SIJAMUOTO: "nimento" (nominative), "omanto" (genitive), …
    number: str  # "singular" or "plural"
    word_class: str  # "nimisana" (noun), "paikannimi" (place name), …


_voikko = None
_tried = False


def _instance():
    global _voikko, _tried
    if not _tried:
        _tried = True
        try:
            import libvoikko

            _voikko = libvoikko.Voikko("fi")
        except Exception:  # noqa: BLE001 - no Python module, no library or no dictionary
            logger.info(
                "Voikko is not available; the reader uses its own inflection rules", exc_info=True
            )
            _voikko = None
    return _voikko


def available() -> bool:
    return _instance() is not None


@lru_cache(maxsize=8192)
def analyse(word: str) -> tuple[Analysis, ...] | None:
    """Voikko's readings of one word, or None where Voikko is not installed."""
    voikko = _instance()
    if voikko is None:
        return None
    return tuple(
        Analysis(
            a.get("BASEFORM", ""), a.get("SIJAMUOTO", ""), a.get("NUMBER", ""), a.get("CLASS", "")
        )
        for a in voikko.analyze(word)
    )


def is_plural_genitive(word: str) -> bool | None:
    """Whether ``word`` can only be a plural genitive ("kaupunkien", "järjestöjen"); None
    where Voikko cannot tell (not installed)."""
    readings = analyse(word)
    if readings is None:
        return None
    return bool(readings) and all(r.case == "omanto" and r.number == "plural" for r in readings)


def plural_genitive_of(word: str) -> str | None:
    """The singular base form of a plural genitive ("kaupunkien" -> "kaupunki"), or None
    (also where Voikko is not installed)."""
    readings = analyse(word)
    if readings and all(r.case == "omanto" and r.number == "plural" for r in readings):
        return readings[0].baseform.lower()
    return None
