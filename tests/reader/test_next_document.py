"""Rules written for the next document, each shown on a text of its own (not an evaluation
document): tables that print the currency once, figures in words and digits, co-implementations,
office holders with their names, applying to a funder, and Swedish funders and roles."""

from __future__ import annotations

from hankesalkku.reader import read_document


def read(text: str):
    return read_document(text.encode(), "asiakirja.txt")


def amounts(result):
    return sorted((f"{a.eur:.0f}", a.role, a.qualifier) for a in result.amounts)


def test_a_table_with_a_euro_column_heading_gives_each_rows_figure_its_labels_role():
    result = read(
        "Sivistyslautakunta\n\nHankkeen rahoitussuunnitelma:\n\n"
        "                                   euroa        %\n"
        "Kokonaiskustannukset               200 000      100\n"
        "ESR+ -tuki                         150 000       75\n"
        "Omarahoitus, Esimerkkiyhdistys ry   50 000       25\n\n"
        "Lautakunta päättää myöntää hankkeelle kuntarahoitusta.\n"
    )
    assert amounts(result) == [
        ("150000", "project_support", "exact"),
        ("200000", "project_total", "exact"),
        ("50000", "own_financing", "exact"),
    ]


def test_a_figure_in_words_and_brackets_keeps_the_qualifier_before_the_words():
    result = read(
        "Lautakunta päättää myöntää Esimerkkiyhdistys ry:lle kuntarahoitusosuutena enintään "
        "kaksikymmentätuhatta (20 000) euroa vuosille 2025–2026.\n"
    )
    assert ("20000", "municipal_financing", "at_most") in amounts(result)


def test_a_co_implementations_figures_are_the_parts():
    result = read(
        "Kaupunki osallistuu ESR+ -ryhmähankkeeseen osatoteuttajana. Kaupungin osatoteutuksen "
        "kokonaiskustannukset ovat 100 000 euroa, josta haetaan tukea 75 000 euroa.\n"
    )
    assert {("100000", "part_total", "exact"), ("75000", "part_support", "exact")} <= set(
        amounts(result)
    )


def test_the_decision_maker_is_the_office_not_the_person():
    result = read(
        "Päättäjä: Opetusjohtaja Maija Meikäläinen\n\nHankkeen kustannukset 10 000 euroa.\n"
    )
    assert result.value("decision_maker") == "Opetusjohtaja"


def test_the_funder_applied_to_is_the_funding_authority():
    result = read(
        "Yhdistys hakee Kainuun liitolta Euroopan aluekehitysrahaston rahoitusta hankkeelle. "
        "Hankkeen kustannusarvio on 300 000 euroa.\n"
    )
    assert result.value("funding_authority") == "Kainuun liitto"


def test_a_swedish_funder_and_implementer_are_read_from_the_sentence():
    result = read(
        "NTM-centralen i Lappland har beviljat finansiering ur arbets- och "
        "näringsministeriets beviljningsfullmakt till ett projekt.\n"
        "Projektet genomförs av Torneå stad. Stödet uppgår till 100 000 euro.\n"
    )
    assert result.value("funding_authority") == "NTM-centralen i Lappland"
    found = {(o.name, o.role) for o in result.organisations}
    assert ("NTM-centralen i Lappland", "funding_authority") in found
    assert ("TEM", "ministry") in found
    assert ("Torneå stad", "implementer") in found
