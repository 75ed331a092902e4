"""A reader of news pages, call pages and grant tables takes a page's own date for no decision's
day, the years of a programme or a framework for no project's period, and keeps every row of a
grant table, however often the same sum recurs in it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.reader.snippets import amounts, organisations, read


@pytest.mark.parametrize(
    "head",
    [
        "Harjulan liitto avasi haun\n\nJulkaistu 25.1.2026\n\n",
        "Harjulan liitto avasi haun\n\n29.6.2020 9.04\n\n",
        "Harjulan liitto avasi haun\n\n14.04.2015 10:57 - Toimittaja Nieminen\n\n",
        "Harjulan liitto avaa 30.1.2024 haun.\n\n",
        "Ansökningstiden går ut 17.4.2026.\n\n",
        "Harjulan liitto jakoi avustuksia hankkeille\n\n18.3.2026\n\n",  # under the headline
    ],
)
def test_a_pages_date_or_a_calls_day_is_no_decision_date(head):
    result = read(
        head + "Harjulan liitto myöntää avustusta 50 000 euroa hankkeille, jotka kehittävät "
        "kylien palveluja ja yhdistysten toimintaa koko maakunnan alueella."
    )
    assert "decision_date" not in result.fields


@pytest.mark.parametrize(
    ("head", "day"),
    [
        ("« Ylämaan valiokunta 26.4.2026 13.00\n\nValtionavustuksen myöntäminen\n\n",
         "2026-04-26"),
        ("Kunnanhallitus\n12.3.2026 18:00 - 20:15\n\n", "2026-03-12"),
        ("Kokousaika\n12.3.2026 18.00\n\n", "2026-03-12"),
        ("Kaupunginhallitus\n\nAsia/8\n\n22.01.2026\n\n§ 27\n\n", "2026-01-22"),
    ],
)  # fmt: skip
def test_a_meetings_day_stays_the_decision_date_whatever_its_hours(head, day):
    result = read(head + "Kunnanhallitus päätti myöntää Koivulan kyläseura ry:lle 5 000 euroa.")
    assert result.fields["decision_date"].value == day


@pytest.mark.parametrize(
    "sentence",
    [
        "Alue saa rakennerahoja kaudelle 2021–2027 yhteensä 76,5 miljoonaa euroa.",
        "Leader Ylämaa toteuttaa paikallista strategiaa 2014–2020, jonka painopisteet ovat kylät.",
        "Valtio rahoittaa sopimuksen toimenpiteitä vuosina 2021-2023 yhteensä 450 000 eurolla.",
        "Ministeriö ilmoittaa haettavaksi vuosien 2023-2024 valtionavustuksen kunnille.",
    ],
)
def test_the_years_of_a_programme_or_a_states_funding_are_no_projects_period(sentence):
    result = read("Tiedote\n\n" + sentence)
    assert "period_start" not in result.fields


@pytest.mark.parametrize(
    "sentence",
    [
        "Hanke toteutetaan vuosina 2025–2027.",
        "Projektet genomförs åren 2025–2027.",
        "Liikkumista edistävät avustukset vuosille 2025–2026 myönnetään hakijoille.",
    ],
)
def test_a_project_carried_out_in_given_years_has_them_as_its_period(sentence):
    result = read("Lautakunta myönsi hankkeelle tukea 40 000 euroa. " + sentence)
    assert (result.fields["period_start"].value, result.fields["period_end"].value[:4]) == (
        "2025",
        sentence.split("–")[-1][:4],
    )


def test_a_grant_table_with_the_same_sum_on_many_rows_keeps_every_row():
    rows = "".join(
        f"{name}\n\n{sum_}\n\n"
        for name, sum_ in [
            ("Koivulan kyläseura ry.", "5 000"),
            ("Harjulan nuorisoseura ry.", "0"),
            ("Mäntylän kotiseutuyhdistys ry.", "5 000"),
            ("Ylämaan sotaveteraanit ry.", "0"),
            ("Alamaan kuoro ry.", "5 000"),
            ("Kivelän marttayhdistys ry.", "0"),
            ("Rantalan kylätoimikunta ry.", "2 500"),
        ]
    )
    result = read(
        "Kaupunginhallitus päätti jakaa avustuksia yhteensä 17 500 euroa seuraavasti:\n\n"
        "Hakija\n\neuroa\n\n" + rows
    )
    assert amounts(result) >= {(Decimal("5000.00"), "granted", "exact"),
                               (Decimal("2500.00"), "granted", "exact")}  # fmt: skip
    assert ("Rantalan kylätoimikunta ry", "applicant") in organisations(result)
    assert ("Alamaan kuoro ry", "applicant") in organisations(result)


def test_a_leader_groups_recommended_grants_are_its_grants():
    result = read(
        "Leader Ylämaa förordar att tre projekt ska få bidrag.\n\n"
        "Koivby byalag förordas 15.354 euro för att rusta upp hembygdsgården."
    )
    assert (Decimal("15354.00"), "granted", "exact") in amounts(result)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Suurimman avustuksen eli 7500 euroa sai Koivulan Palloilijat.", "Koivulan Palloilijat",
         "applicant"),
        ("Harjulan Kunto ja Kamppailu sai avustusta 1 500 euroa.", "Harjulan Kunto ja Kamppailu",
         "applicant"),
        ("Ylämaan kaupunki sai hankkeelleen Pihapiiri 185 000 euroa.", "Ylämaan kaupunki",
         "implementer"),
        ("Koivby byalag med flera förordas 15.354 euro för hembygdsgården.", "Koivby byalag",
         "applicant"),
    ],
)  # fmt: skip
def test_who_receives_a_sum_as_the_sentences_subject_is_its_recipient(text, name, role):
    result = read("Kunta jakoi avustuksia seuroille.\n\n" + text)
    assert (name, role) in organisations(result)


@pytest.mark.parametrize(
    "text",
    [
        "Hanke sai rahoitusta 40 000 euroa.",  # a common word opening the sentence
        "Satakunta saa EU-ohjelmavaroja 13 miljoonaa euroa.",  # a region alone
    ],
)
def test_a_lone_word_before_a_verb_of_receiving_is_no_recipient(text):
    assert not {o for o in organisations(read(text)) if o[1] == "applicant"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Kyläyhdistysavustuksiin vuodelle 2026 on varattu yhteensä 3500 euroa.",
        "Talousarvioon on varattu yleis- ja kohdeavustuksiin määrärahaa yhteensä 45.000 euroa.",
        "Ekby stad beviljar verksamhetsbidrag. För år 2026 har reserverats 20 000 euro.",
    ],
)
def test_money_set_aside_for_grants_is_the_schemes_pool(sentence):
    result = read("Avustukset 2026\n\n" + sentence)
    assert {role for _, role, _ in amounts(result)} == {"call_budget"}


def test_a_citys_appropriation_for_its_share_of_a_project_stays_its_own_financing():
    result = read(
        "Kaupunginhallitus päätti osallistua hankkeeseen. Hankkeen omarahoitusosuus 50 000 "
        "euroa katetaan talousarviokohdan 1 50 04 määrärahasta."
    )
    assert (Decimal("50000.00"), "own_financing", "exact") in amounts(result)


@pytest.mark.parametrize(
    "text",
    [
        "Hakuilmoitus\n\nYlämaan ELY-keskus julistaa haettavaksi avustuksia. Tuen saaja voi olla "
        "kunta. Avustusta myönnetään tukikelpoisiin kustannuksiin.",
        "Nyt on aika hakea avustuksia\n\nELY-keskuksista voi hakea 30.11.2026 asti avustuksia "
        "vesistöjen kunnostukseen.",
        "Ansökan om understöd\n\nAnsökan är öppen till och med 7.3.2026 för föreningar.",
    ],
)
def test_a_call_notice_is_told_by_its_own_words_even_in_a_decisions_vocabulary(text):
    assert read(text).kind == "call_notice"


def test_an_appeal_clause_makes_no_call_notice():
    result = read(
        "Päätös\n\nLautakunta päätti myöntää Koivulan kyläseura ry:lle avustusta 5 000 euroa.\n\n"
        "Muutoksenhaku\nTähän päätökseen tyytymätön voi hakea siihen oikaisua."
    )
    assert result.kind != "call_notice"


@pytest.mark.parametrize(
    "text",
    [
        "Ylämaan ELY-keskus sai määräaikaan mennessä 120 hakemusta.",  # no euros
        "Kokouksessa Matti Virtanen sai 3 ääntä.",
        "Koivby Simsällskap rf förordas inte stöd om 5 000 euro.",  # negated
    ],
)
def test_a_verb_of_receiving_without_euros_or_negated_names_no_recipient(text):
    assert not {o for o in organisations(read(text)) if o[1] == "applicant"}


def test_a_phone_number_under_a_grant_table_is_no_grant():
    result = read(
        "Kaupunginhallitus päätti jakaa avustuksia seuraavasti:\n\nHakija\n\neuroa\n\n"
        "Koivulan kyläseura ry\n\n5 000\n\nAlamaan kuoro ry\n\n2 500\n\n"
        "Lisätietoja antaa\n\nPuhelin\n\n040 123"
    )
    assert Decimal("40123.00") not in {eur for eur, _, _ in amounts(result)}


def test_the_size_a_grant_may_have_in_a_call_is_no_grant():
    result = read(
        "Hakuilmoitus\n\nAvustusta voi hakea 31.3.2026 asti. Avustuksen suuruus on enintään "
        "2 000 euroa yhdistystä kohden."
    )
    assert not {a for a in amounts(result) if a[1] == "granted"}


def test_money_set_aside_for_a_named_association_is_its_grant():
    result = read("Kulttuuriavustuksista on varattu Koivulan kyläseura ry:lle 5 000 euroa.")
    assert (Decimal("5000.00"), "granted", "exact") in amounts(result)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Listan kärjessä Harjulan Kisa sai 772 000 euroa, Alamaan Seura 755 000 euroa ja "
         "Koivulan Palloilijat 5 000 euroa.",
         {"Harjulan Kisa", "Alamaan Seura", "Koivulan Palloilijat"}),
        ("Harjulan kaupungin hanke Nuorten Paja sai tukea 240 000 euroa.", set()),
        ("Den största potten går till Ekby som får ett understöd på 180 000 euro.", set()),
    ],
)  # fmt: skip
def test_the_others_of_a_sentence_of_receiving_and_no_project_names(text, names):
    got = {name for name, role in organisations(read(text)) if role == "applicant"}
    assert names <= got
    assert not {n for n in got if "Paja" in n or " som" in n}
