"""Classes of real-world variation the reader must cope with, one invented snippet each.

Printed forms whose labels and values come apart, organisations named after a
postposition ("X:n lisäksi Y"), role lists, regional councils as granting
subjects, fee decisions and small sums that are not funding, kind signals of press releases,
news pages and grant decisions.
"""

from decimal import Decimal

from hankesalkku.reader.money import Found, drop_unit_prices
from tests.reader.snippets import amounts, organisations, read

FORM = """HAKEMUS – YHTEENVETO

Hakija
Y-tunnus
Hankkeen nimi
Lyhenne
Lohjan kaupunki
1234567-8
Metsäalan uudet polut
MEPO

Rahoittava viranomainen
Erityistavoite
Toimintalinja
4.2
Uudenmaan ELY-keskus
4

Haettava tuki
Kokonaiskustannukset
Omarahoitus
60 000
80 000
20 000

Yhteistyökumppanit\tRooli
Lohjan Saha Oy\tharjoittelupaikat

Päiväys\tAllekirjoitus
2.5.2025\tLohjan kaupunki, kehitysjohtaja
"""


def test_form_with_label_stacks_pairs_values_by_their_shape():
    result = read(FORM)
    assert result.kind == "application"
    assert result.value("project_name") == "Metsäalan uudet polut"
    assert result.value("project_acronym") == "MEPO"
    assert result.value("priority") == "4"
    assert result.value("specific_objective") == "4.2"
    assert result.value("decision_date") == "2025-05-02"
    # printed in the order support, total, own financing but the values are not: the sum decides
    assert {
        (Decimal("60000.00"), "project_support", "exact"),
        (Decimal("80000.00"), "project_total", "exact"),
        (Decimal("20000.00"), "own_financing", "exact"),
    } <= amounts(result)
    orgs = organisations(result)
    assert ("Lohjan kaupunki", "applicant") in orgs
    assert ("Lohjan Saha Oy", "partner") in orgs
    assert not any(name.lower() == "rooli" for name, _ in orgs)


def test_a_numbered_partner_heading_lists_partners_below_it():
    text = FORM.replace("Yhteistyökumppanit\tRooli\nLohjan Saha Oy\tharjoittelupaikat", "")
    text += "\n3. Yhteistyökumppanit\n\nKarjaan kunta (nuorisopalvelut), ei rahoitusosuutta\n"
    assert ("Karjaan kunta", "partner") in organisations(read(text))


def test_organisation_after_a_postposition_phrase_is_named_alone():
    result = read(
        "Kaupunginhallitus päätti osallistua hankkeeseen. Osatoteuttajina ovat Porvoon kaupungin "
        "lisäksi Loviisan kaupunki. Muina partnereina ovat kaupungin ohella Itä-Uudenmaan Yrittäjät ry."
    )
    orgs = organisations(result)
    assert ("Loviisan kaupunki", "co_implementer") in orgs
    assert ("Itä-Uudenmaan Yrittäjät ry", "partner") in orgs
    assert not any("lisäksi" in name or "ohella" in name for name, _ in orgs)


def test_implementers_in_lists_and_with_the_role_noun_first():
    result = read(
        "Hanke toteutetaan ryhmähankkeena, jonka päätoteuttaja on Iisalmen kaupunki ja osatoteuttaja "
        "Savonia-ammattikorkeakoulu Oy (Savonia). Hankkeen muut osatoteuttajat ovat Kiuruveden kaupunki "
        "ja Ylä-Savon Yrittäjät ry. Yhteistyökumppaneina toimivat Savon Koulutus Oy (SaKky) ja Iisalmen "
        "Teollisuus Oy."
    )
    orgs = organisations(result)
    assert ("Iisalmen kaupunki", "main_implementer") in orgs
    assert ("Savonia-ammattikorkeakoulu Oy", "co_implementer") in orgs
    assert ("Kiuruveden kaupunki", "co_implementer") in orgs
    assert ("Ylä-Savon Yrittäjät ry", "co_implementer") in orgs
    assert ("Iisalmen Teollisuus Oy", "partner") in orgs


def test_regional_council_granting_in_the_running_text_is_the_funder():
    result = read(
        "Uutinen\nJulkaistu 3.2.2025\n\nKymenlaakson liitto on myöntänyt rahoituksen Kotkan kaupungin "
        "hankkeelle. Liitto tukee hanketta noin 1,2 miljoonalla eurolla."
    )
    assert result.value("funding_authority") == "Kymenlaakson liitto"
    assert ("Kymenlaakson liitto", "funding_authority") in organisations(result)
    assert (Decimal("1200000.00"), "granted", "about") in amounts(result)


def test_council_letterhead_of_a_call_notice_and_applicant_of_a_decision():
    notice = read(
        "Etelä-Savon maakuntaliitto\nHAKUILMOITUS\n\nEtelä-Savon maakuntaliitto avaa Euroopan "
        "aluekehitysrahaston (EAKR) hankehaun. Hakuaika on 1.9.–30.10.2025."
    )
    assert notice.value("funding_authority") == "Etelä-Savon maakuntaliitto"
    decision = read(
        "SATAKUNTALIITTO\nMaakuntahallitus\n\n§ 12\nTuen myöntäminen\n\nRaumanseudun kaupunki on "
        "hakenut 1.3.2025 saapuneella hakemuksella EAKR-tukea hankkeelle. Maakuntahallitus päättää "
        "myöntää tukea enintään 50 000 euroa."
    )
    orgs = organisations(decision)
    assert ("Satakuntaliitto", "funding_authority") in orgs
    assert ("Raumanseudun kaupunki", "applicant") in orgs


def test_fees_are_not_funding_and_the_title_skips_the_reference_line():
    result = read(
        "PORVOON KAUPUNKI\nTekninen johtaja\nVIRANHALTIJAPÄÄTÖS 8 §\n2.4.2025\nPRV/12/02.03/2025\n\n"
        "Venepaikkamaksut kaudella 2025\n\nTekninen johtaja päättää, että venepaikkamaksu on "
        "150 euroa kaudelta ja vieraspaikka 15 € / vuorokausi.\n\nMuutoksenhaku\nOikaisuvaatimus"
    )
    assert result.amounts == []
    assert result.value("title") == "Venepaikkamaksut kaudella 2025"


def test_unit_price_in_a_funding_document_is_dropped():
    result = read(
        "Hankkeen kokonaiskustannukset ovat 90 000 euroa. Kurssimaksu on 20 euroa / henkilö."
    )
    assert (Decimal("90000.00"), "project_total", "exact") in amounts(result)
    assert all(a.eur != Decimal("20.00") for a in result.amounts)


def test_kind_of_results_release_news_page_and_cut_off_grant_decision():
    release = read(
        "Uutinen | 2.3.2025\n\nELY-keskus rahoittaa kolmea uutta hanketta\n\nTuki myönnettiin "
        "seuraaville hankkeille:\n\nHakija: Kemin kaupunki\nMyönnetty tuki: 120 000 euroa\n\n"
        "Hakemuksia saapui 9."
    )
    assert release.kind == "call_results"
    news = read(
        "Kotka saa EU-rahoitusta satamalle\n\nJulkaistu 3.2.2025\n\nKymenlaakson liitto on "
        "myöntänyt rahoituksen Kotkan kaupungin hankkeelle noin 500 000 eurolla."
    )
    assert news.kind != "unknown"
    grant = read(
        "MINISTERIÖ\nPÄÄTÖS\n12.12.2024\n\nHakija: Kainuun hyvinvointialue\nHakemus: 1.10.2024\n\n"
        "Päätös\n\nMinisteriö myöntää Kainuun hyvinvointialueelle valtionavustusta enintään "
        "300 000 euroa.\n\nAvustuksen käyttötarkoitus\n\nAvustus myönnetään"
    )
    assert grant.kind == "funding_decision"


def test_section_on_a_line_with_the_organ_and_date_makes_a_decision():
    result = read(
        "Kaupunginhallitus § 45\t3.3.2025\n\nEAKR-hankehakemus\n\nKaupunginjohtajan ehdotus:\n"
        "Kaupunginhallitus päättää hyväksyä hakemuksen.\n\nPäätös:\nEhdotus hyväksyttiin.\n"
    )
    assert result.value("section") == "45 §"
    assert result.kind == "decision"


def test_swedish_municipal_share_has_its_role():
    result = read(
        "Stadsstyrelsen beslutar delta i den kommunala finansieringen med högst 12 000 euro."
        " Projektet söker stöd."
    )
    assert (Decimal("12000.00"), "municipal_financing", "at_most") in amounts(result)


def test_project_page_heading_after_a_breadcrumb_and_labels_on_their_own_lines():
    result = read(
        "Etusivu › Hankkeet\n\nKestävä kalatalous Saimaalla (KESA)\n\nRahoittava viranomainen\n"
        "Etelä-Savon liitto\n\nPäätoteuttaja\nItä-Suomen yliopisto UEF\n\nToteuttajakohtaiset "
        "budjetit\nItä-Suomen yliopisto UEF: 300 000 €\nSavonlinnan kaupunki: 100 000 €\n"
    )
    assert result.value("project_name") == "Kestävä kalatalous Saimaalla"
    assert result.value("project_acronym") == "KESA"
    assert result.value("funding_authority") == "Etelä-Savon liitto"
    assert ("Itä-Suomen yliopisto UEF", "main_implementer") in organisations(result)
    assert (Decimal("300000.00"), "part_total", "exact") in amounts(result)


def test_period_from_start_and_until_dates_and_availability_of_a_grant():
    stated = read(
        "Avustusta myönnetään enintään 40 000 euroa. Hanke toteutetaan 1.3.2025 alkaen ja se "
        "päättyy 28.2.2027 saakka."
    )
    assert (stated.value("period_start"), stated.value("period_end")) == (
        "2025-03-01",
        "2027-02-28",
    )
    available = read(
        "Avustusta myönnetään 40 000 euroa. Avustus on käytettävissä 1.2.2025–31.1.2026."
    )
    assert available.value("period_end") == "2026-01-31"


def test_sums_under_a_hundred_euros_are_prices_whatever_role_they_got():
    # an events page read as call results gave its ticket prices the role of call budgets
    figures = [
        Found(0, 4, Decimal("12.00"), "exact", role="call_budget"),
        Found(10, 19, Decimal("150000.00"), "exact", role="call_budget"),
    ]
    kept = drop_unit_prices("Liput 12 € ja haku 150 000 €", figures)
    assert [f.eur for f in kept] == [Decimal("150000.00")]


def test_a_small_sum_next_to_a_real_grant_leaves_the_grant():
    decision = read(
        "Kaupunginhallitus päätti myöntää yhdistykselle avustusta 25 000 euroa. "
        "Osallistumismaksu tilaisuuteen on 15 euroa.\n"
    )
    assert {a.eur for a in decision.amounts} == {Decimal("25000.00")}


def test_an_ely_centre_told_of_a_decision_is_not_its_funder():
    decision = read(
        "Tekninen lautakunta päätti nimetä uudet kadut. Muutoksenhaku: oikaisuvaatimus.\n\n"
        "Tiedoksi: Pohjois-Pohjanmaan ELY-keskus, Maanmittauslaitos\n"
    )
    assert "funding_authority" not in decision.fields
    funded = read(
        "Tekninen lautakunta päätti hakea hankkeelle tukea.\n"
        "Hankkeen rahoittajana on Pohjois-Pohjanmaan ELY-keskus.\n"
        "Tiedoksi: Maanmittauslaitos\n"
    )
    assert funded.value("funding_authority") == "Pohjois-Pohjanmaan ELY-keskus"
