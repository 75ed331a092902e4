"""A local paper's list of who got what, as the owners of their grants ("X:n avustus on …"),
names the recipients in the nominative, as Voikko gives it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hankesalkku.reader import morphology
from hankesalkku.reader.owners import owner_recipients
from tests.reader.snippets import amounts, read

needs_voikko = pytest.mark.skipif(not morphology.available(), reason="Voikko is not installed")


@needs_voikko
def test_the_owners_of_the_grants_of_a_sentence_are_their_recipients():
    text = (
        "Jääkiekkoseura Harjulan Uimareiden avustus on 6 600 euroa, Harjulan Viestin 5 600 "
        "euroa ja Koivulan Urheilijoiden 4 700 euroa."
    )
    assert [name for *_, name in owner_recipients(text)] == [
        "Harjulan Uimarit",
        "Harjulan Viesti",
        "Koivulan Urheilijat",
    ]


@needs_voikko
@pytest.mark.parametrize(
    "text",
    [
        "Uimareiden avustus on 6 600 euroa.",  # one word: no name to tell
        "Harjulan Xyzzyplonkin avustus on 6 600 euroa.",  # a word Voikko does not know
        "Haettujen avustusten summa on 6 600 euroa.",  # no owner's name at all
    ],
)
def test_no_name_is_guessed(text):
    assert owner_recipients(text) == []


def test_a_grants_stated_size_is_a_grant_but_the_sum_applied_for_is_not():
    result = read(
        "Kunta jakoi avustuksia. Harjulan Viestin avustus on 5 600 euroa. "
        "Hakemusten yhteenlaskettu haettu avustussumma on 17 890 euroa."
    )
    assert (Decimal("5600.00"), "granted", "exact") in amounts(result)
    assert (Decimal("17890.00"), "granted", "exact") not in amounts(result)
