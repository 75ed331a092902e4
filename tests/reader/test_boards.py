"""The decision maker named in a sentence is the board as the minutes name it."""

from __future__ import annotations

import pytest

from hankesalkku.reader import morphology
from hankesalkku.reader.boards import board_name


@pytest.mark.parametrize(
    ("phrase", "board"),
    [
        ("Satakunnan hyvinvointialueen aluehallitus", "aluehallitus"),
        ("Hakemukset arvioitiin, joista Mikkelin kaupunginhallitus", "kaupunginhallitus"
         if morphology.available() else "Mikkelin kaupunginhallitus"),  # a place: Voikko tells
        ("Tekninen lautakunta", "Tekninen lautakunta"),  # the board's own words
        ("Kasvatuksen ja koulutuksen lautakunta", "Kasvatuksen ja koulutuksen lautakunta"),
        ("Kaupunginhallituksen elinkeinojaosto", "Kaupunginhallituksen elinkeinojaosto"),
        ("Pohjois-Savon ELY-keskus", "Pohjois-Savon ELY-keskus"),  # an office, no board
    ],
)  # fmt: skip
def test_a_board_is_named_without_its_owner(phrase, board):
    assert board_name(phrase) == board
