"""A user checks the facts DOMAIN.md fixes for the five seed documents first."""

from __future__ import annotations

from decimal import Decimal


def amounts(result):
    return {(a.eur, a.role, a.qualifier): a for a in result.amounts}


def orgs(result):
    return {(o.name, o.role) for o in result.organisations}


def test_strategy_director_decision_on_group_project_part(seed):
    r = seed("000")
    assert r.kind == "decision"
    assert r.value("diary_number") == "HEL 2023-014238"
    assert r.value("classification_code") == "T 02 05 01 01"
    assert r.value("section") == "54 §"
    assert r.value("decision_date") == "2023-12-14"
    assert r.value("decision_maker") == "Strategiajohtaja"
    assert r.value("project_name") == (
        "Lasten, nuorten ja perheiden palveluiden kehittäminen ja hyvinvoinnin edistäminen kohti yhdenvertaisuutta"
    )
    money = amounts(r)
    assert (Decimal("495000.00"), "part_total", "exact") in money
    own = money[(Decimal("123750.00"), "own_financing", "at_most")]
    assert own.budget_item == "1 50 04" and own.party == "Helsingin kaupunki"
    assert (Decimal("371250.00"), "part_support", "exact") in money
    assert (Decimal("999990.00"), "project_total", "at_most") in money
    assert (r.value("period_start"), r.value("period_end")) == ("2024-09-01", "2027-08-31")
    assert ("Oulun kaupungin sivistys- ja kulttuuripalvelut", "lead_coordinator") in orgs(r)
    assert ("kulttuurin edistämisen palvelu", "authorised_unit") in orgs(r)
    assert ("Lasten ja nuorten taidekeskus Annantalo", "implementer") in orgs(r)
    assert ("Hämeen ELY-keskus", "funding_authority") in orgs(r)
    assert r.value("funding_authority") == "Hämeen ELY-keskus"
    assert r.value("specific_objective") == "4.3"
    assert r.value("programme") == "ESR+"
    assert r.value("appeal") == "Muutoksenhakukielto"


def test_repeated_page_header_is_not_read_as_a_second_date(seed):
    r = seed("000")
    assert r.fields["decision_date"].evidence.start < 20


def test_hot_group_project_with_forum_virium_co_financing(seed):
    r = seed("001")
    assert r.value("section") == "63 §"
    assert r.value("diary_number") == "HEL 2024-013129"
    assert r.value("classification_code") == "T 02 05 02"
    assert r.value("decision_date") == "2024-10-22"
    assert r.value("project_name").startswith("Hyvinvoinnista ja osallisuudesta toimintakykyä")
    assert r.value("project_acronym") == "HOT"
    money = amounts(r)
    expected = [
        ("550000.00", "project_total", "about"),
        ("412500.00", "project_support", "exact"),
        ("250000.00", "part_total", "about"),
        ("250000.00", "part_total", "at_most"),
        ("187500.00", "part_support", "exact"),
        ("62500.00", "own_financing", "at_most"),
        ("50000.00", "own_financing", "exact"),
        ("12500.00", "own_financing", "exact"),
    ]
    for eur, role, qualifier in expected:
        assert (Decimal(eur), role, qualifier) in money, (eur, role, qualifier)
    municipal = money[(Decimal("73250.00"), "municipal_financing", "at_most")]
    assert municipal.party == "Forum Virium Helsinki"
    assert municipal.budget_item == "1 50 04"
    assert ("Forum Virium Helsinki", "co_implementer") in orgs(r)
    assert (r.value("priority"), r.value("specific_objective")) == ("4", "4.3")
    assert (r.value("period_start"), r.value("period_end")) == ("2025", "2027")
    assert r.value("appeal") == "Muutoksenhakukielto"


def test_coordination_slides_invent_no_money(seed):
    r = seed("002")
    assert r.kind == "presentation"
    assert r.amounts == []
    assert r.value("decision_date") == "2024-11-28"
    names = orgs(r)
    for name in ("SOS-Lapsikylä", "Nuorten Akatemia", "Opetushallitus"):
        assert any(n == name for n, _ in names), name
    assert ("OKM", "ministry") in names
    assert r.value("funding_authority") == "Hämeen ELY-keskus"


def test_theme_calls_with_windows_budgets_and_ministries(seed):
    r = seed("003")
    assert r.kind in ("call_notice", "call_results")
    calls = {(c.opens, c.closes, c.budget_eur, tuple(c.ministries)) for c in r.calls}
    assert calls == {
        ("2023-10-05", "2023-12-04", Decimal("9300000.00"), ("OKM", "STM")),
        ("2024-12-20", "2025-02-28", Decimal("7000000.00"), ("STM",)),
        ("2025-03-21", "2025-06-06", Decimal("5750000.00"), ("OKM",)),
        ("2025-03-21", "2025-04-21", Decimal("2100000.00"), ()),
    }
    assert {a.role for a in r.amounts} == {"call_budget"}


def test_agenda_item_with_target_districts_and_no_money(seed):
    r = seed("004")
    assert r.kind == "agenda_item"
    assert r.value("diary_number") == "HEL 2023-013557"
    assert r.value("classification_code") == "T 02 05 01 00"
    assert r.value("section") == "6"
    assert r.value("decision_date") == "2023-11-07"
    assert (
        r.value("decision_maker")
        == "Kulttuuri- ja vapaa-aikalautakunnan kulttuuri- ja kirjastojaosto"
    )
    assert [d.name for d in r.districts] == [
        "Malmi",
        "Kontula",
        "Meri-Rastila",
        "Kannelmäki-Malminkartano",
    ]
    assert (r.value("period_start"), r.value("period_end")) == ("2025", "2027")
    assert r.amounts == []


def test_hyphenated_district_evidence_quotes_the_original_line_break(seed):
    r = seed("004")
    kontula = next(d for d in r.districts if d.name == "Kontula")
    assert "\n" in kontula.evidence.text and kontula.evidence.text.startswith("Kontu-")
