"""A board's name as a decision maker, from the subject of a sentence that names it.

Running text names the deciding board inside its sentence: after a clause ("…, joista
Harjulan kaupunginhallitus päätti"), with its owner ("Kotkan kaupunginhallitus", "Satakunnan
hyvinvointialueen aluehallitus") or the sentence's setting before it ("Vuoden ensimmäisessä
kokouksessaan Kainuun maakuntahallitus"). The decision maker is the board as the minutes name
it ("Kaupunginhallitus"); a board of a board ("Kaupunginhallituksen elinkeinojaosto"), a
board's own words ("Tekninen lautakunta") and an office that is no board ("Pohjois-Savon
ELY-keskus") stay as written.
"""

from __future__ import annotations

import re

from . import morphology
from .wordlists import alternation, table

_DATA = table("fields.toml")


def board_name(maker: str) -> str:
    """The board's own name in a subject phrase (see the module's docstring)."""
    return _without_owner(_board_phrase(maker))


def _without_owner(maker: str) -> str:
    """A board's name without the words before it that name its owner or the sentence's
    setting ("Kotkan kaupunginhallitus" → "kaupunginhallitus", "Vuoden ensimmäisessä
    kokouksessaan Kainuun maakuntahallitus" → "maakuntahallitus"): a decision maker is the
    board, as the minutes name it. A board of a board stays ("Kaupunginhallituksen
    elinkeinojaosto"), and so does an office that is no board ("Pohjois-Savon ELY-keskus")."""
    words = maker.split()
    if len(words) < 2 or not _BOARD_END.search(words[-1]) or not _owner(words[-2]):
        return maker
    return maker[maker.rfind(words[-1]) :]


def _owner(word: str) -> bool:
    """Whether the word before a board names its owner: an owner's kind in the genitive
    ("hyvinvointialueen", "kaupungin") or a place's genitive as Voikko reads it ("Kotkan");
    not a word of the board's own name ("Tekninen", "koulutuksen")."""
    if word.lower() in _OWNER_GENITIVES:
        return True
    analyses = morphology.analyse(word) or ()
    return word[:1].isupper() and any(
        a.word_class == "paikannimi" and a.case == "omanto" for a in analyses
    )


def _board_phrase(maker: str) -> str:
    """The board's own name where a subject runs on from a clause before it ("Hakemukset
    arvioitiin periaatteiden mukaisesti, joista Harjulan kaupunginhallitus" → "Harjulan
    kaupunginhallitus"); a name with a comma of its own ("Kasvatus-, opetus- ja
    kulttuurilautakunta") stays whole."""
    m = _CLAUSE_BEFORE_BOARD.search(maker)
    return maker[m.end() :] if m else maker


_BOARD_END = re.compile(r"(?:" + alternation(_DATA["board_words"]) + r")$", re.I)
_OWNER_GENITIVES = frozenset(_DATA["owner_genitives"])
_CLAUSE_BEFORE_BOARD = re.compile(
    r".*,\s+(?:joista|josta|jotka|jonka|minkä jälkeen|varav|där|som)\s+"
)
