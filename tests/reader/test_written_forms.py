"""Forms that real pages write their facts in, each shown on a text of its own (not an
evaluation document): a page's headline above its text, an ELY centre named only by its
long official name."""

from __future__ import annotations

from hankesalkku.reader import read_document


def read(text: str):
    return read_document(text.encode(), "sivu.txt")


_PARAGRAPH = (
    "Esimerkkilän ELY-keskus on myöntänyt tammi-kesäkuussa yhteensä 2 miljoonaa euroa "
    "tukea kehittämishankkeille. Rahoitus kohdistui osaamiseen.\n"
)


def test_a_pages_headline_above_its_text_is_the_title():
    result = read("Tiedotteet\n\n12.3.2026\n\nHankkeille tukea alkuvuonna\n\n" + _PARAGRAPH)
    assert result.value("title") == "Hankkeille tukea alkuvuonna"


def test_a_release_stamp_on_the_headlines_line_is_cut_off():
    result = read("Tukea hankkeille alkuvuonna 21.9.2026 08:10:09 EEST | Tiedote\n\n" + _PARAGRAPH)
    assert result.value("title") == "Tukea hankkeille alkuvuonna"


def test_a_letterhead_a_sender_or_a_category_line_is_no_headline():
    for first in (
        "ESIMERKKILÄN KAUPUNKI Lautakunta PÖYTÄKIRJA",
        "Esimerkkilän kaupunki, kulttuuripalvelut",
        "Esimerkkiministeriö: tiedote",
        "Valtakunnallinen teema: Nuorten hyvinvointi",
    ):
        assert read(first + "\n\n" + _PARAGRAPH).value("title") is None, first


def test_a_first_line_that_is_a_sentence_or_runs_on_is_no_headline():
    assert read(_PARAGRAPH + "\n" + _PARAGRAPH).value("title") is None
    wrapped = "Esimerkkilän ELY-keskus on myöntänyt\ntammi-kesäkuussa yhteensä 2 miljoonaa euroa "
    assert (
        read(wrapped + "tukea kehittämishankkeille. Rahoitus kohdistui osaamiseen.\n").value(
            "title"
        )
        is None
    )


def test_a_headline_right_over_its_text_is_the_title():
    # news pages often print the headline with no blank line under it (the later blind sets)
    assert read("Hankkeille tukea alkuvuonna\n" + _PARAGRAPH).value("title") == (
        "Hankkeille tukea alkuvuonna"
    )
    stamp = "3.2.2026 10:15 ・ Päivitetty: 3.2.2026 10:15\n"
    assert read(stamp + "Hankkeille tukea alkuvuonna\n" + _PARAGRAPH).value("title") == (
        "Hankkeille tukea alkuvuonna"
    )


def test_an_ely_centre_named_only_by_its_long_form_keeps_it():
    result = read(
        "Rahoittava viranomainen: Esimerkkilän elinkeino-, liikenne- ja ympäristökeskus\n\n"
        "Hankkeen kokonaiskustannukset ovat 100 000 euroa.\n"
    )
    long_form = "Esimerkkilän elinkeino-, liikenne- ja ympäristökeskus"
    assert result.value("funding_authority") == long_form
    assert (long_form, "funding_authority") in {(o.name, o.role) for o in result.organisations}


def test_a_document_that_says_ely_names_the_centre_by_the_short_form():
    result = read(
        "Rahoittava viranomainen: Esimerkkilän elinkeino-, liikenne- ja ympäristökeskus\n\n"
        "Esimerkkilän ELY-keskus maksaa tuen hankkeelle, 100 000 euroa.\n"
    )
    assert result.value("funding_authority") == "Esimerkkilän ELY-keskus"


def amounts(result):
    return {(f"{a.eur:.0f}", a.role, a.qualifier) for a in result.amounts}


def test_call_results_figures_without_a_word_of_their_own_were_granted():
    result = read(
        "Esimerkkilän ELY-keskus on myöntänyt tukea tammi-elokuussa yhteensä 3 miljoonaa "
        "euroa kehittämishankkeille. Rahoituksesta 2 miljoonaa euroa kohdentuu Esimerkkilään "
        "ja 1 miljoona euroa Naapurilaan.\n\nHaun tulokset julkaistiin tänään.\n"
    )
    assert result.kind == "call_results"
    assert {("2000000", "granted", "exact"), ("1000000", "granted", "exact")} <= amounts(result)


def test_liki_and_reilut_are_about_a_figure():
    result = read(
        "Hankkeille on myönnetty rahoitusta liki 300 000 euroa ja yrityksille reilut "
        "200 000 euroa.\n"
    )
    assert {("300000", "granted", "about"), ("200000", "granted", "about")} <= amounts(result)


def test_a_calls_end_or_a_periods_start_is_no_decision_date():
    for text in (
        "ESR-haku päättyi 1.3.2026\n\nHakuun saapui 40 hakemusta tukea varten.\n",
        "Hakemuksia voi jättää tukea varten.\n\nHaku jatkuu 1.9.2026 asti.\n",
        "Toteutusaika: Alkaa 1.1.2026 ja päättyy 31.12.2027\n\nTuki 10 000 euroa.\n",
    ):
        assert read(text).value("decision_date") is None, text


def test_a_pages_publication_date_is_no_decision_date_but_the_meetings_day_is():
    result = read(
        "Publicerad: 11.3.2026\n\nStadsstyrelsen beslöt 8.3.2026 bevilja understöd om "
        "10 000 euro till föreningen.\n"
    )
    assert result.value("decision_date") == "2026-03-08"


def test_a_call_announced_in_swedish_or_as_a_list_of_open_calls_is_a_call_notice():
    for text in (
        "Förbundet utlyste den 14 november en ansökningsomgång för regionala projekt.\n",
        "Stöd för landsbygden har öppnats för ansökan\n\nAnsökningarna lämnas i e-tjänsten.\n",
        "Avoimet hankehaut\n\nHankehaun kuvaus:\n\nHaussa ovat auki kaikki erityistavoitteet.\n",
    ):
        assert read(text).kind == "call_notice", text


def test_a_results_page_that_names_its_call_is_no_call_notice():
    result = read(
        "Det fanns ett stort intresse för ansökningsomgången. Projekten beviljades "
        "sammanlagt 300 000 euro.\n"
    )
    assert result.kind != "call_notice"


def test_a_minutes_page_with_a_meeting_header_and_a_numbered_item_is_a_decision():
    result = read(
        "Lautakunta, kokous 16.1.2026\n\nPöytäkirja on tarkastamaton\n\n"
        "§ 12 Kumppanuusavustusten myöntäminen\n\nLautakunta päättää avustuksista.\n"
    )
    assert result.kind == "decision"


def test_a_swedish_grant_is_granted_and_vajaat_is_about():
    assert ("37000", "granted", "exact") in amounts(
        read("Staden har beviljats ett statsunderstöd om 37 000 € för en cykelbana.\n")
    )
    assert ("195000", "granted", "about") in amounts(
        read("Kaikki maakunnat saivat rahoitusta vajaat 195 000 euroa.\n")
    )


def organisations(result):
    return {(o.name, o.role) for o in result.organisations}


def test_a_prints_labelled_applicant_authority_and_list_of_co_implementers():
    result = read(
        "Hankkeen nimi: Yhteiset alustat\n\n"
        "Vastuuviranomainen: Esimerkkilän liitto\n\n"
        "Hakijan virallinen nimi: Esimerkkilän kaupunki\n\n"
        "Y-tunnus: 1234567-8\n\n"
        "Osatoteuttajat\n\n"
        "Naapurilan kaupunki, 2345678-9\n"
        "Esimerkkiyhdistys ry, 3456789-0\n\n"
        "Hankkeen kokonaiskustannukset ovat 100 000 euroa.\n"
    )
    assert {
        ("Esimerkkilän kaupunki", "applicant"),
        ("Naapurilan kaupunki", "co_implementer"),
        ("Esimerkkiyhdistys ry", "co_implementer"),
    } <= organisations(result)
    assert result.value("funding_authority") == "Esimerkkilän liitto"


def test_a_swedish_body_that_decides_is_the_decision_maker():
    result = read("Stadsstyrelsen beslöt på sitt möte att bevilja föreningen 5 000 euro.\n")
    assert result.value("decision_maker") == "Stadsstyrelsen"


def test_the_ministry_that_announces_a_call_is_the_calls():
    result = read(
        "Opetus- ja kulttuuriministeriö julistaa haettavaksi valtion "
        "erityisavustusta perusopetuksen kehittämiseen.\n\n"
        "Hakuaika alkaa 5.3.2026 ja päättyy 18.5.2026 klo 16.15.\n"
    )
    assert [call.ministries for call in result.calls] == [["OKM"]]


def test_the_organisation_a_grant_is_made_to_is_the_applicant():
    result = read(
        "Lautakunta päätti myöntää Esimerkkiseura ry:lle avustusta 12 000 euroa.\n\n"
        "- Naapurilan ammattikorkeakoululle myönnetään hankkeeseen 40 000 euroa.\n"
    )
    assert {
        ("Esimerkkiseura ry", "applicant"),
        ("Naapurilan ammattikorkeakoulu", "applicant"),
    } <= organisations(result)


def test_a_person_a_purpose_or_a_city_in_the_allative_is_no_recipient():
    for text in (
        "Lautakunta päätti myöntää Maija Meikäläiselle 500 euroa kesätoiminnalle.\n",
        "Tuki myönnetään hankkeelle, ja kuntaosuus maksetaan Esimerkkilän kaupungille.\n",
    ):
        assert not [o for o in read(text).organisations if o.role == "applicant"], text


def test_a_presenters_line_after_the_section_is_no_title():
    result = read(
        "Kaupunginhallitus\n\nKh § 240\n\nJohtaja Maija Meikäläinen ja päällikkö Matti Malli:\n\n"
        "Kaupunginhallitus päätti hakea mukaan kokeiluun. Tuki on 10 000 euroa.\n"
    )
    assert result.value("title") is None


def test_a_programmes_years_are_no_project_period():
    result = read(
        "ELY-keskus on myöntänyt 65 miljoonaa euroa tukea hankkeisiin. Nykyinen "
        "rakennerahasto-ohjelma vuosille 2021–2027 laadittiin tukemaan vihreää siirtymää.\n"
    )
    assert result.value("period_start") is None


def test_a_bare_generic_word_is_no_organisation():
    result = read(
        "Esimerkkilän liitossa on paljon projektitoimintaa: Liitto on päätoteuttajana "
        "kolmessa hankkeessa.\n"
    )
    assert not [o for o in result.organisations if o.name.lower() == "liitto"]


def test_a_swedish_regional_council_that_opens_a_call_or_funds_is_the_funding_authority():
    for text in (
        "Kustlands förbund utlyste den 14 november en ansökningsomgång för finansiering av "
        "ERUF-projekt om 2 miljoner euro.\n",
        "Principer för projekt som får stöd av Kustlands förbund och finansiering 10 000 euro.\n",
    ):
        assert read(text).value("funding_authority") == "Kustlands förbund", text
    granted_to = read("Kustlands förbund har beviljats statsunderstöd om 10 000 euro.\n")
    assert granted_to.value("funding_authority") != "Kustlands förbund"
