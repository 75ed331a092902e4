"""Rules of the work after heldout7, each on a text of its own: recipients named in a list of
a granting paragraph, and an ELY centre written in full where only a diary number says "ELY"."""

from __future__ import annotations

from hankesalkku.reader import read_document


def read(text: str):
    return read_document(text.encode(), "asiakirja.txt")


def applicants(result):
    return sorted(o.name for o in result.organisations if o.role == "applicant")


def test_a_board_that_grants_to_a_list_of_associations_names_each_as_applicant():
    result = read(
        "Kulttuurilautakunta 3.2.2025\n\n"
        "Toiminta-avustuksia myönnetään Kuusikylän kyläyhdistys ry, Esimerkkilän Soittajat ry "
        "ja Pikku Teatteri – Lilla Teatern rf.\n"
    )
    assert applicants(result) == [
        "Esimerkkilän Soittajat ry",
        "Kuusikylän kyläyhdistys ry",
        "Pikku Teatteri – Lilla Teatern rf",
    ]


def test_a_swedish_list_after_a_colon_keeps_the_names_without_their_member_counts():
    result = read(
        "Nämnden beslöt att bidrag delas ut till följande föreningar: Norrby byaråd rf "
        "(120 medlemmar) och Söderby Idrottsklubb rf (80 medlemmar).\n"
    )
    assert applicants(result) == ["Norrby byaråd rf", "Söderby Idrottsklubb rf"]


def test_bullets_under_a_heading_of_applicants_name_the_owner_of_each_project():
    result = read(
        "Hankkeen nimi, hakija ja haettu tuki:\n\n"
        "  • Kylät kuntoon, Esimerkkiseudun Kehitys Oy, 120 000 €\n"
        "  • Metsäpolku, Järvikylän Luontosäätiö, 45 000 €\n"
    )
    assert applicants(result) == ["Esimerkkiseudun Kehitys Oy", "Järvikylän Luontosäätiö"]


def test_a_project_owner_in_the_genitive_is_the_applicant_but_a_partner_is_not():
    result = read(
        "Maakuntahallitus myönsi rahoitusta kahdelle hankkeelle.\n"
        "  • Esimerkki Oy:n hanke Uusi alku saa rahoitusta 10 000 euroa.\n"
        "  • Kylätalosäätiön hanke Talo elää saa rahoitusta 20 000 euroa yhteistyössä "
        "Lähitaksi Oy:n kanssa.\n"
    )
    assert applicants(result) == ["Esimerkki Oy", "Kylätalosäätiö"]


def test_examples_of_recipients_and_a_lone_name_are_no_list_of_recipients():
    examples = read(
        "Avustusta saavat esimerkiksi Esimerkkiyhdistys ry, Toinen Seura ry ja Kolmas rf.\n"
    )
    lone = read("Hakija Esimerkkiyhdistys ry\nAvustusta haetaan 5 000 euroa.\n")
    assert applicants(examples) == []
    assert "Hakija Esimerkkiyhdistys ry" not in applicants(lone)


def test_an_ely_centre_in_full_stays_in_full_when_only_a_diary_number_says_ely():
    result = read(
        "Projektisuunnitelma, Euroopan aluekehitysrahasto\n"
        "Viranomainen, jolle hakemus osoitetaan: Lapin elinkeino-, liikenne- ja "
        "ympäristökeskus\nDiaarinumero LAPELY/12/2024\nHaettava tuki 40 000 euroa\n"
    )
    assert result.value("funding_authority") == ("Lapin elinkeino-, liikenne- ja ympäristökeskus")


def amounts(result):
    return sorted((f"{a.eur:.0f}", a.role, a.qualifier) for a in result.amounts)


def test_swedish_sums_in_grants_and_sums_handed_out_are_granted():
    result = read(
        "Kulturnämnden beslöt om understöd.\n\n"
        "Totalt föreslås 12 000 euro i bidrag till idrottsföreningar och 3 000 euro i bidrag "
        "till stöd för ungdomsarbete.\n\nSumman som delas ut är 4 500 euro.\n"
    )
    assert amounts(result) == [
        ("12000", "granted", "exact"),
        ("3000", "granted", "exact"),
        ("4500", "granted", "exact"),
    ]


def test_money_given_or_handed_out_to_recipients_is_granted():
    given = read(
        "Kaupunginjohtaja esittää, että Esimerkkiyhdistys ry:lle annetaan 8 000 euron "
        "toiminta-avustus.\n"
    )
    shared = read("Ministeriö jakaa hyvinvointialueille avustuksia 2,5 miljoonaa euroa.\n")
    assert amounts(given) == [("8000", "granted", "exact")]
    assert amounts(shared) == [("2500000", "granted", "exact")]


def test_the_body_that_approved_or_treated_the_matter_is_the_decision_maker():
    approved = read("Maakuntahallitus hyväksyi rahoitusta kahdelle hankkeelle.\n")
    treated = read("Kulturnämnden behandlade vid sitt möte beslutet om bidrag till föreningar.\n")
    assert approved.value("decision_maker") == "Maakuntahallitus"
    assert treated.value("decision_maker") == "Kulturnämnden"


def test_the_financing_of_the_municipalities_named_in_brackets_is_municipal_financing():
    result = read(
        "Kaupunginhallitus päättää hankkeen rahoituksesta. Hankkeen kokonaiskustannusarvio on "
        "100 000 €, johon ELY-keskus on myöntänyt tukea 70 000 €. Yhdistyksen omarahoitus on "
        "10 000 € ja kuntien (Alakylä, Yläkylä) rahoitusta 20 000 €.\n"
    )
    assert ("20000", "municipal_financing", "exact") in amounts(result)


def test_a_name_joined_to_the_word_hanke_with_a_spaced_hyphen_is_the_project_name():
    named = read(
        "Kaupunginhallitus päättää myöntää Esimerkkilän kunnalle Vihreä siirtymä "
        "kylissä (VISKY) -nimisen hankkeen toteuttamiseen rahoitusta 12 000 euroa.\n"
    )
    plain = read(
        "Ammattikorkeakoulu on käynnistänyt Arctic Data -hankkeen, jonka rahoitus on "
        "50 000 euroa.\n"
    )
    assert named.value("project_name") == "Vihreä siirtymä kylissä"
    assert named.value("project_acronym") == "VISKY"
    assert plain.value("project_name") == "Arctic Data"


def test_swedish_millions_handed_out_in_a_call_are_the_calls_budget():
    result = read(
        "Landskapsförbundet utlyser en ansökningsomgång för projekt.\n\n"
        "Ansökningstiden är 1.9.2025–30.9.2025.\n\n"
        "Sammanlagt högst 4 miljoner euro delas ut i landskapet.\n"
    )
    assert ("4000000", "call_budget", "at_most") in amounts(result)


def test_a_sum_in_a_swedish_call_round_is_the_calls_budget():
    result = read(
        "Landskapsförbundet utlyser en ansökningsomgång för projekt.\n\n"
        "Ansökningstiden är 1.9.2025–30.9.2025.\n\n"
        "Under denna ansökningsomgång beviljar förbundet högst 2,5 miljoner euro i stöd.\n"
    )
    assert ("2500000", "call_budget", "at_most") in amounts(result)
