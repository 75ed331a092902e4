"""A reader of press releases, grant pages and minutes finds who gives the money and who gets
it, as the sentence and the list say it, with names the reader has never seen."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hankesalkku.reader import read_document
from hankesalkku.reader.funders import find_funders


def read(text: str):
    return read_document(text.encode("utf-8"), "sivu.txt")


def givers(text: str) -> list[str]:
    return [name for *_, name in find_funders(text)]


@pytest.mark.parametrize(
    ("text", "giver"),
    [
        ("Koivikko-säätiön hallitus myönsi apurahoja 31 hakijalle.", "Koivikko-säätiö"),
        ("Ylämaan hyvinvointialueen järjestöavustusten haku on ollut vilkas.",
         "Ylämaan hyvinvointialue"),
        ("Ylämaan hyvinvointialueen sosiaali- ja terveysalan järjestöavustusten myöntäminen",
         "Ylämaan hyvinvointialue"),
        ("Harjulan Kulttuurirahaston maakuntarahastojen apurahahaku alkaa.",
         "Harjulan Kulttuurirahasto"),
        ("Ekby kommun börjar bevilja organisationsbidrag.", "Ekby kommun"),
        ("Ekby kommuns organisationsbidrag söks i mars.", "Ekby kommun"),
        ("Föreningen fick stöd från Västra bygdefonden för renoveringen.", "Västra bygdefonden"),
        ("Landskapsverket i Västra Finland beviljade i år bidrag.",
         "Landskapsverket i Västra Finland"),
        ("Hanke sai Ylämaan liiton myöntämää rahoitusta.", "Ylämaan liitto"),
        ("Järjestöillä on mahdollisuus hakea Ylämaan hyvinvointialueelta hankeavustusta.",
         "Ylämaan hyvinvointialue"),
        ("EAKR-hankehaku on auki Ylämaaliitossa 9.3.2026 asti.", "Ylämaaliitto"),
        ("Ylämaan liitolla on käytettävissä hankkeiden rahoittamiseen määrärahaa.",
         "Ylämaan liitto"),
    ],
)  # fmt: skip
def test_the_giver_is_told_by_what_it_does_in_the_sentence(text, giver):
    assert givers(text) == [giver]


@pytest.mark.parametrize(
    "text",
    [
        "Kaupunki myönsi 500 euroa.",  # a bare kind of body names no one
        "Ympäristöministeriö avustaa alueita.",  # a ministry plays the ministry role
        "Liitto on myöntänyt teille tukea.",  # a bare kind of body again
        "Till Koivikko stiftelse beviljade stadsstyrelsen ett bidrag.",  # the one given to
        "Lautakunta päätti myöntää Koivulan Nuorisoseuralle avustusta.",  # an allative
        "Hanke sai stöd från Europeiska socialfonden.",  # an EU fund is no body
        "Avustusta voi hakea Ylämaan kaupungissa asuva.",  # a place, not the one applied to
    ],
)
def test_what_is_no_giver_is_not_proposed_as_one(text):
    assert givers(text) == []


def test_a_label_run_into_the_name_is_not_part_of_it():
    text = "Päätöstyyppi: Hankepäätös Ylämaan liitto on myöntänyt teille tukea."
    assert givers(text) == ["Ylämaan liitto"]


def test_a_citys_own_board_granting_on_its_minutes_page_gives_the_city():
    result = read(
        "Harjulan kaupunki\n\nPöytäkirja\n\nKaupunginhallitus\n\n§ 7\n\n"
        "Päätös\n\nKaupunginhallitus päätti myöntää avustuksia yhteensä 9 000 euroa "
        "seuraavasti: Koivulan Kyläseura ry 4 000 euroa ja Harjulan Nuoret ry 5 000 euroa.\n"
    )
    assert result.fields["funding_authority"].value == "Harjulan kaupunki"
    assert ("Harjulan kaupunki", "funding_authority") in {
        (o.name, o.role) for o in result.organisations
    }


def test_every_ministry_plays_the_ministry_role_but_a_code_that_is_another_word_does_not():
    result = read("Ympäristöministeriö avustaa kuntien ilmastotyötä. SM-kisat pidetään Harjulassa.")
    ministries = {o.name for o in result.organisations if o.role == "ministry"}
    assert ministries == {"YM"}


def test_bullets_with_blank_lines_between_them_are_one_list_of_grants():
    result = read(
        "Kaupunginhallitus päätti myöntää avustuksia vuodelle 2026 seuraavasti:\n\n"
        "- Koivurannan asukastaloyhdistys Majakka ry 14 750 euroa (palkkakustannuksiin)\n\n"
        "- Harjulan Kylätilayhdistys ry 45 240 euroa (vuokrakustannuksiin 15 740 euroa "
        "ja palkkakustannuksiin 29 500 euroa)\n\n"
        "- Päätös nro 15 / Koivulan Oy:lle 5 000 euroa\n"
    )
    granted = {a.eur for a in result.amounts if a.role == "granted"}
    assert {Decimal("14750.00"), Decimal("45240.00"), Decimal("15740.00")} <= granted
    applicants = {o.name for o in result.organisations if o.role == "applicant"}
    assert {
        "Koivurannan asukastaloyhdistys Majakka ry",
        "Harjulan Kylätilayhdistys ry",
    } <= applicants
    assert not any("Päätös" in name for name in applicants)


STACKED = (
    "Kaupunginhallitus päätti jakaa avustuksia yhteensä 30 000 euroa seuraavasti:\n\n"
    "Hakija\n\neuroa\n\n"
    "Koivulan Kyläseura ry.\n\n15 000\n\n"
    "Harjulan Nuoret ry\n\n 9 000\n\n"
    "Avustukset saunoille, kansliapäällikön käytettäväksi\n\n6 000\n\n"
    "Avustukset maksetaan maaliskuussa.\n"
)


def test_a_stacked_table_of_grants_gives_each_rows_figure_and_recipient():
    result = read(STACKED)
    granted = {a.eur for a in result.amounts if a.role == "granted"}
    assert {Decimal("15000.00"), Decimal("9000.00"), Decimal("6000.00")} <= granted
    applicants = {o.name for o in result.organisations if o.role == "applicant"}
    assert {"Koivulan Kyläseura ry", "Harjulan Nuoret ry"} <= applicants
    assert not any("kansliapäällikön" in name for name in applicants)  # a budget line


def test_a_table_run_together_takes_its_role_from_the_granting_above_it_not_from_its_names():
    result = read(
        "Harjula myöntää yleisavustuksia yhdistyksille yhteensä 20 000 euroa.\n\n"
        "Hakemuksia tuli 20 kappaletta.\n\n"
        "Hakijaeuroa\nKoivulan Kyläseura ry.15 000\nHarjulan lomatuki ry.5 000\n"
    )
    roles = {a.eur: a.role for a in result.amounts}
    assert roles[Decimal("15000.00")] == "granted"
    assert roles[Decimal("5000.00")] == "granted"  # "lomatuki" in a name is no support


def test_support_applied_for_stays_support_in_call_results():
    result = read(
        "Tiedote\n\nHakemuksia saapui 15 kappaletta, ja rahoitusta sai kolme hanketta. "
        "Tukea haetaan yhteensä noin 4,1 miljoonaa euroa.\n"
    )
    assert {(a.eur, a.role) for a in result.amounts} == {(Decimal("4100000.00"), "project_support")}


def test_a_call_notice_is_known_by_its_own_words_and_its_appropriation_is_its_budget():
    result = read(
        "Maatalouden neuvonnan erityisavustushaku 2027\n\n"
        "Avustus myönnetään valtionavustuslain mukaisena erityisavustuksena. "
        "Tämän haun mukaista määrärahaa on käytettävissä enintään 500 000 euroa. "
        "Hakemus tulee jättää viimeistään 31.3.2027.\n"
    )
    assert result.kind == "call_notice"
    assert {(a.eur, a.role) for a in result.amounts} == {(Decimal("500000.00"), "call_budget")}


def test_a_sum_written_with_a_dash_for_its_cents_is_read():
    result = read(
        "Säätiön hallitus myönsi avustuksia 31 hakijalle. "
        "Myönnettyjen avustusten määrä yhteensä oli 418 886,- euroa."
    )
    assert [(a.eur, a.role) for a in result.amounts] == [(Decimal("418886.00"), "granted")]


@pytest.mark.parametrize(
    "text",
    [
        "Kaupunki myönsi Harjulan Kotiseutuliiton hankkeelle avustuksen.",
        "Harjulan Kotiseutuliiton saamat avustukset käytettiin korjauksiin.",
        "Koivikko-säätiön avustushakemus hylättiin.",
        "Kommunen beviljade Ekby stiftelses ansökan om bidrag.",
    ],
)
def test_the_one_who_gets_or_asks_for_the_money_is_not_its_giver(text):
    assert givers(text) == []


def test_a_minutes_page_granting_by_an_application_keeps_the_city_as_giver():
    text = (
        "Harjulan kaupunki\n\nPöytäkirja\n\nKaupunginhallitus päätti myöntää Harjulan "
        "Kotiseutuliiton avustushakemuksen mukaisesti 4 000 euroa."
    )
    assert givers(text) == ["Harjulan kaupunki"]


def test_a_tables_total_costs_and_closing_line_are_no_recipients():
    result = read(
        "ELY-keskus myöntää tukea hankkeelle seuraavasti:\n\nKustannuslaji\n\neuroa\n\n"
        "Henkilöstökulut\n\n20 000\n\nOstopalvelut\n\n10 000\n\nYhteensä\n\n30 000\n\n"
        "Avustukset maksetaan maaliskuussa\n\n2\n"
    )
    assert {o.name for o in result.organisations if o.role == "applicant"} == set()


def test_a_stacked_tables_recipients_are_exactly_its_organisations():
    applicants = {o.name for o in read(STACKED).organisations if o.role == "applicant"}
    assert applicants == {"Koivulan Kyläseura ry", "Harjulan Nuoret ry"}


@pytest.mark.parametrize(
    "board",
    ["Kasvatus-, opetus- ja kulttuurilautakunta", "Ympäristö-, rakennus- ja lupalautakunta"],
)
def test_a_boards_name_with_a_comma_of_its_own_stays_whole(board):
    result = read(f"{board} myönsi Koivulan Kyläseura ry:lle 2 000 euroa avustusta.\n")
    assert result.fields["decision_maker"].value == board


def test_a_clause_before_the_board_is_cut_off():
    result = read(
        "Hakemukset arvioitiin periaatteiden mukaisesti, joista Harjulan kaupunginhallitus "
        "päätti 3.3.2026 myöntää avustuksia.\n"
    )
    assert result.fields["decision_maker"].value == "Harjulan kaupunginhallitus"


def test_support_applied_for_in_a_call_notice_is_a_condition_not_a_projects_figure():
    result = read(
        "Avustushaku 2027\n\nHakuaika on 1.2.–31.3.2027. Hankkeelle haettu tuki voi olla "
        "enintään 50 000 euroa.\n"
    )
    assert all(a.role != "project_support" for a in result.amounts)


@pytest.mark.parametrize(
    "text",
    [
        "x avustu" + "avustu" * 20_000,  # one endless word of grant stems
        "Tämä on avustus " * 20_000,  # many grant words, each with the text before it
        "euroa € " * 30_000,  # one long line of euro signs
    ],
)
def test_a_long_odd_text_is_read_in_time_proportional_to_its_length(text):
    import time

    started = time.process_time()
    find_funders(text)
    read(text[:200_000])
    assert time.process_time() - started < 10  # (quadratic work took minutes here)
