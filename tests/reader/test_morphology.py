"""Finnish inflection by Voikko where it is installed, and the reader's own rules where not:
the same names either way for the heads the rules know."""

from __future__ import annotations

import pytest

from hankesalkku.reader import morphology
from hankesalkku.reader.inflection import head_nominative, names_several

needs_voikko = pytest.mark.skipif(not morphology.available(), reason="Voikko is not installed")


@pytest.fixture
def without_voikko(monkeypatch):
    monkeypatch.setattr(morphology, "_tried", True)
    monkeypatch.setattr(morphology, "_voikko", None)
    morphology.analyse.cache_clear()
    yield
    morphology.analyse.cache_clear()


@needs_voikko
def test_voikko_reduces_heads_the_table_does_not_spell_out():
    assert head_nominative("Kainuun kuntayhtymälle") == "Kainuun kuntayhtymä"
    assert (
        head_nominative("Keski-Pohjanmaan koulutusyhtymältä") == "Keski-Pohjanmaan koulutusyhtymä"
    )


def test_without_voikko_the_table_still_reads_the_known_heads(without_voikko):
    assert not morphology.available()
    assert head_nominative("Hämeen ELY-keskukselta") == "Hämeen ELY-keskus"
    assert head_nominative("Pohjois-Pohjanmaan liitolle") == "Pohjois-Pohjanmaan liitto"
    assert head_nominative("Kainuun kuntayhtymälle") is None  # left as it is, not guessed


@pytest.mark.parametrize("voikko", [True, False])
def test_parts_of_several_organisations_are_not_one_organisation(voikko, request):
    if not voikko:
        request.getfixturevalue("without_voikko")
    elif not morphology.available():
        pytest.skip("Voikko is not installed")
    assert names_several("Oulun ja Helsingin kaupunkien palvelut ja yksiköt")
    assert names_several("kuntien yksiköt")
    assert not names_several("Oulun kaupungin sivistys- ja kulttuuripalvelut")
    assert not names_several("Pohjoisten kuntien liitto")
