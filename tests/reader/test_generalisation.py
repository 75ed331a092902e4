"""General rules learnt from documents the reader was not tuned on.

Each test is a small invented snippet written for one rule: Finnish case endings
of amounts and names, label tables, sentence versus paragraph scope, bilingual
line pairs, regional councils as funders.
"""

from decimal import Decimal

from tests.reader.snippets import amounts, organisations, read


def test_amounts_in_the_adessive_and_genitive_are_read():
    result = read(
        "Keski-Pohjanmaan ELY-keskus rahoittaa kolmea hanketta yhteensä 1,25 miljoonalla eurolla.\n"
        "Lisäksi varataan puolen miljoonan euron reservi.\n"
    )
    assert (Decimal("1250000.00"), "granted", "exact") in amounts(result)


def test_call_budget_under_its_own_heading_belongs_to_the_call():
    result = read(
        "HAKUILMOITUS\n\nKehittämishankkeiden haku\n\n"
        "Hakuaika\nHaku on auki 1.3.–30.4.2026.\n\n"
        "Rahoitus\nMäärärahaa on käytettävissä 1,5 milj. euroa sosiaali- ja "
        "terveysministeriön myöntövaltuudesta.\n"
    )
    assert result.kind == "call_notice"
    assert (Decimal("1500000.00"), "call_budget", "exact") in amounts(result)
    [call] = result.calls
    assert call.budget_eur == Decimal("1500000.00")
    assert call.ministries == ["STM"]


def test_conditions_of_a_call_are_not_project_figures():
    result = read(
        "HAKUILMOITUS\n\nHaku on avoinna 2.2.–27.3.2026.\n\n"
        "Hankkeen kokonaiskustannusten tulee olla vähintään 100 000 euroa. "
        "Yksittäiselle hankkeelle myönnettävä tuki on enintään 90 000 euroa.\n"
    )
    assert amounts(result) >= {
        (Decimal("100000.00"), "other", "at_least"),
        (Decimal("90000.00"), "other", "at_most"),
    }


def test_press_release_on_results_lists_granted_support():
    result = read(
        "TIEDOTE\nKainuun ELY-keskus\n3.6.2026\n\n"
        "Kainuun ELY-keskus rahoittaa kahta nuorten hanketta yhteensä 700 000 eurolla\n\n"
        "Kainuun ELY-keskus on myöntänyt tukea kahdelle hankkeelle. "
        "Hakemuksia saapui 9.\n\n"
        "Rahoitetut hankkeet\n\n"
        "Nuorten verstas\nToteuttaja: Kajaanin kaupunki\nTuki: 400 000 euroa\n\n"
        "Polkuja töihin\nToteuttaja: Kainuun Nuoret ry\nTuki: 300 000 euroa\n"
    )
    assert result.kind == "call_results"
    assert result.value("title").startswith("Kainuun ELY-keskus rahoittaa kahta")
    assert {
        (Decimal("400000.00"), "granted", "exact"),
        (Decimal("300000.00"), "granted", "exact"),
    } <= amounts(result)


BILINGUAL = """KOKKOLAN KAUPUNKI – KARLEBY STAD
Kaupunginhallitus – Stadsstyrelsen
PÖYTÄKIRJA – PROTOKOLL 3/2026

§ 44
Osallistuminen hankkeeseen Meripolku – Havsstigen (MERI)
Deltagande i projektet Meripolku – Havsstigen (MERI)

KOK/11/02.05.00/2026

Päätösehdotus / Beslutsförslag

Kaupunginhallitus päättää, että Kokkolan kaupunki osallistuu päätoteuttajana ryhmähankkeeseen ”Meripolku – Havsstigen” (MERI). Kokkolan kaupungin osahankkeen kokonaisbudjetti on noin 200 000 euroa.

Stadsstyrelsen beslutar att Karleby stad deltar i projektet. Karleby stads delprojekt har en total budget på cirka 200 000 euro.

Osatoteuttajana toimii Centria-ammattikorkeakoulu Oy, ja yhteistyökumppanina on Kokkolan yliopistokeskus Chydenius.

Beslut / Päätös
Päätösehdotus hyväksyttiin. Beslutsförslaget godkändes.
"""


def test_bilingual_minutes_keep_the_finnish_heading_and_one_copy_of_each_figure():
    result = read(BILINGUAL)
    assert result.kind == "decision"
    assert result.value("title") == "Osallistuminen hankkeeseen Meripolku – Havsstigen (MERI)"
    assert [(a.eur, a.role, a.qualifier) for a in result.amounts] == [
        (Decimal("200000.00"), "part_total", "about")
    ]
    assert organisations(result) >= {
        ("Kokkolan kaupunki", "main_implementer"),
        ("Centria-ammattikorkeakoulu Oy", "co_implementer"),
        ("Kokkolan yliopistokeskus Chydenius", "partner"),
    }
    assert not any(name.startswith("ja ") for name, _ in organisations(result))


def test_roles_stated_with_participation_and_with_payment():
    result = read(
        "Kaupunginhallitus päättää, että\n\n"
        "1. Porin kaupunki osallistuu osatoteuttajana ryhmähankkeeseen ”Satamaan töihin”,\n"
        "2. kaupunki maksaa hankkeen toiselle osatoteuttajalle Porin Nuoret ry:lle "
        "kuntarahoitusosuutena enintään 10 000 euroa.\n\n"
        "Apulaispormestari päätti hyväksyä Raision kaupungin osallistumisen päätoteuttajana "
        "toiseen hankkeeseen.\n"
    )
    assert organisations(result) >= {
        ("Porin kaupunki", "co_implementer"),
        ("Porin Nuoret ry", "co_implementer"),
        ("Raision kaupunki", "main_implementer"),
    }


def test_a_part_named_after_the_whole_keeps_its_part_scope():
    result = read(
        "Kaupunginhallitus päättää, että Kemin kaupunki osallistuu osatoteuttajana "
        "ryhmähankkeeseen. Hankkeen kokonaisbudjetti on noin 1,0 M€, josta Kemin kaupungin "
        "osahankkeen osuus on 300 000 e. Kaupungin osuudesta haetaan tukea 70 % eli 210 000 e.\n"
    )
    assert amounts(result) >= {
        (Decimal("1000000.00"), "project_total", "about"),
        (Decimal("300000.00"), "part_total", "exact"),
        (Decimal("210000.00"), "part_support", "exact"),
    }


def test_state_grant_applied_for_is_the_projects_support():
    result = read(
        "Lautakunta päätti hakea valtionavustusta hankkeelle ”Koulupolku”.\n\n"
        "Hankkeen kokonaiskustannukset ovat 100 000 euroa, josta haetaan valtionavustusta "
        "80 000 euroa.\n"
    )
    assert (Decimal("80000.00"), "project_support", "exact") in amounts(result)


def test_label_value_rows_give_title_name_acronym_section_and_applicant():
    result = read(
        "Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus        PÄÄTÖS\n"
        "                                                            ESAELY/12/2026\n\n"
        "Hakija                 Xamk Oy\n\n"
        "Asia                   Päätös tuen myöntämisestä\n\n"
        "Hankkeen nimi          Metsän osaajat (MEOS)\n"
    )
    assert result.value("title") == "Päätös tuen myöntämisestä"
    assert result.value("project_name") == "Metsän osaajat"
    assert result.value("project_acronym") == "MEOS"
    assert ("Xamk Oy", "applicant") in organisations(result)


def test_section_from_a_label_row_and_title_after_the_header_rows():
    result = read(
        "LAPPEENRANNAN KAUPUNKI\nVIRANHALTIJAPÄÄTÖS\n\n"
        "Pykälä              § 9\n"
        "Päivämäärä          2.2.2026\n\n"
        "Hankehakemuksen jättäminen: Vihreä satama (VISA)\n\n"
        "Päätös\n\nHyväksyn hankehakemuksen jättämisen.\n"
    )
    assert result.value("section") == "9 §"
    assert result.value("title") == "Hankehakemuksen jättäminen: Vihreä satama (VISA)"


def test_date_and_section_on_one_line():
    result = read(
        "Kaupunginhallitus\n3.4.2024 12 §\nOsallistuminen Kasvun polku -hankkeeseen\n\n"
        "Kaupunginhallitus päätti osallistua hankkeeseen.\n"
    )
    assert result.value("section") == "12 §"
    assert result.value("title") == "Osallistuminen Kasvun polku -hankkeeseen"


def test_meeting_notice_lists_items_but_has_no_section_of_its_own():
    result = read(
        "KOKOUSKUTSU\n\nMaakuntahallitus\n\nKäsiteltävät asiat\n\n"
        "§ 11   Kokouksen laillisuus\n§ 12   Ilmoitusasiat\n§ 13   Muut asiat\n"
    )
    assert "section" not in result.fields


def test_project_page_headed_by_name_and_acronym():
    result = read(
        "Metsästä työhön (METY)\n\nHankkeen toteuttaja: Kuhmon Kehitys ry\n"
        "Hanke toteutetaan vuosina 2026–2027 ESR+ -tuella.\n"
    )
    assert result.value("project_name") == "Metsästä työhön"
    assert result.value("project_acronym") == "METY"


def test_regional_council_as_funder():
    funded = read(
        "PIRKANMAAN LIITTO\nMaakuntahallitus\nPÖYTÄKIRJA 2/2026\n\n§ 8\nEAKR-tuen myöntäminen\n\n"
        "Maakuntahallitus päättää myöntää Tampereen yliopistolle tukea enintään 100 000 euroa. "
        "Oikaisuvaatimus tehdään Pirkanmaan liitolle.\n"
    )
    assert funded.value("funding_authority") == "Pirkanmaan liitto"
    assert ("Pirkanmaan liitto", "funding_authority") in organisations(funded)
    applied = read(
        "Kaupunki osallistuu hankkeeseen. Rahoitusta haetaan Satakuntaliitolta EAKR-varoista. "
        "Hankkeen kokonaisbudjetti on 50 000 euroa.\n"
    )
    assert applied.value("funding_authority") == "Satakuntaliitto"


def test_call_notice_title_is_the_heading_after_the_letterhead():
    result = read(
        "Hämeen liitto                        HAKUILMOITUS\n"
        "                                     1.2.2026\n"
        "                                     Dnro HL/5/05.13.05/2026\n\n"
        "Kokeiluhankkeiden haku 2026\n\n"
        "Hämeen liitto avaa haun. Haku on avoinna 1.3.–31.3.2026.\n"
    )
    assert result.value("title") == "Kokeiluhankkeiden haku 2026"
    assert result.value("funding_authority") == "Hämeen liitto"


def test_saved_page_keeps_the_date_from_its_header():
    page = (
        "<html><body><header>Päätökset</header><main>"
        '<div class="meta"><span class="meta-date">Päätös 12.05.2026</span></div>'
        '<div class="paatos"><div class="Asiapykala">5 §</div>'
        '<h1 class="AsiaOtsikko">Avustus hankkeelle</h1>'
        "<p>Lautakunta päätti myöntää avustusta 10 000 euroa.</p></div>"
        "</main></body></html>"
    )
    result = read(page, "sivu.html")
    assert result.value("decision_date") == "2026-05-12"


def test_label_alone_on_its_line_names_the_organisation_below_it():
    result = read(
        "Toteuttaja\nSavon Koulutus Oy\n\nHakijaorganisaatio\nY-tunnus\n\n"
        "Rahoittava viranomainen\nPohjois-Savon ELY-keskus\n"
    )
    names = organisations(result)
    assert ("Savon Koulutus Oy", "implementer") in names
    assert not any(name.lower() == "y-tunnus" for name, _ in names)
