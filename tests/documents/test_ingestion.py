"""Reading a file into a document and an extraction: stored once, matched, all or nothing."""

from decimal import Decimal

import pytest

from hankesalkku.documents.models import ExtractedValue, Extraction
from hankesalkku.documents.services import DocumentRefused, document_ingest
from hankesalkku.sources.models import SourceDocument
from tests.factories import DecisionFactory, OrganisationFactory, ProjectEntityFactory

from .conftest import CORRUPT_PDF, DECISION, JUNK, NOTHING, PDF_WITHOUT_TEXT, value_named

pytestmark = pytest.mark.django_db


def test_a_decision_becomes_a_document_with_every_value_and_its_evidence(officer, helsinki):
    document, extraction = document_ingest(actor=officer, data=DECISION, filename="12.txt")

    assert document.original == DECISION
    assert document.kind == extraction.kind == "decision"
    assert document.title.startswith("Osallistuminen ESR+ rahoitushakuun")
    assert str(document.date) == "2024-04-03"
    for value in extraction.values.all():
        assert value.status == ExtractedValue.Status.PENDING
        assert document.text[value.start : value.end] == value.quote
    diary = value_named(extraction, "diary_number")
    assert diary.value == "HEL 2024-000777"
    own = value_named(extraction, "own_financing", "amount")
    assert (Decimal(own.value), own.qualifier, own.budget_item) == (
        Decimal("50000.00"),
        "at_most",
        "1 50 04",
    )
    # The HEL diary prefix proposes the City of Helsinki as the decision maker's organisation.
    assert extraction.organisation == helsinki
    assert extraction.is_new


def test_the_same_content_twice_is_recognised_by_its_hash(officer):
    first, extraction = document_ingest(actor=officer, data=DECISION, filename="a.txt")
    again, same = document_ingest(actor=officer, data=DECISION, filename="kopio.txt")

    assert (again.pk, same.pk) == (first.pk, extraction.pk)
    assert not same.is_new
    assert SourceDocument.objects.count() == Extraction.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "filename", "words"),
    [
        (b"", "tyhja.txt", "tyhjä"),
        (JUNK, "roska.bin", "binääridataa"),
        (PDF_WITHOUT_TEXT, "skannattu.pdf", "OCR"),
        (CORRUPT_PDF, "rikki.pdf", "vioittunut"),
        (NOTHING, "muistio.txt", "ei tunnistettu"),
    ],
)
def test_a_file_without_reviewable_content_is_refused_and_nothing_is_saved(
    officer, data, filename, words
):
    with pytest.raises(DocumentRefused) as refused:
        document_ingest(actor=officer, data=data, filename=filename)

    assert words in str(refused.value)
    assert not SourceDocument.objects.exists()
    assert not ExtractedValue.objects.exists()


def test_a_file_over_the_limit_is_refused_before_it_is_read(officer, settings):
    with pytest.raises(DocumentRefused, match="liian suuri"):
        document_ingest(actor=officer, data=b"a" * (20 * 1024 * 1024 + 1), filename="iso.txt")
    assert not SourceDocument.objects.exists()


def test_a_failure_while_storing_leaves_nothing_half_saved(officer, monkeypatch):
    from hankesalkku.documents.services import reading

    def broken(*args, **kwargs):
        raise RuntimeError("levy täynnä")

    monkeypatch.setattr(reading.ExtractedValue.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        document_ingest(actor=officer, data=DECISION, filename="12.txt")
    assert not SourceDocument.objects.exists()
    assert not Extraction.objects.exists()


def test_matches_are_proposed_for_known_organisations_decisions_and_projects(officer, helsinki):
    tampere = OrganisationFactory(name="Tampere", slug="tampere", organisation_type="municipality")
    ely = OrganisationFactory(
        name="Hämeen ELY-keskus", slug="hame-ely", organisation_type="state_agency"
    )
    decision = DecisionFactory(organisation=helsinki, diary_number="HEL 2024-000777", section="12")
    DecisionFactory(organisation=helsinki, diary_number="HEL 2024-000777", section="13")
    entity = ProjectEntityFactory(name="Jokin muu nimi", acronym="POLKU")

    _document, extraction = document_ingest(actor=officer, data=DECISION, filename="12.txt")

    assert extraction.decision == decision
    assert extraction.entity == entity
    assert value_named(extraction, "lead_coordinator").organisation == tampere  # genitive form
    assert value_named(extraction, "funding_authority", "organisation").organisation == ely


def test_a_business_id_beside_a_name_matches_however_the_name_is_written(officer):
    company = OrganisationFactory(
        name="Kehitysyhtiö Oy",
        slug="kehitysyhtio",
        organisation_type="company",
        business_id="1234567-1",
    )
    text = (
        "Päätös\n\n5.5.2024\n\nStrategiajohtaja\n\n7 §\n\nHEL 2024-000123\n\n"
        "Osatoteuttajana toimii Uusi Nimi Oy (Y-tunnus 1234567-1). Hankkeen kokonaisbudjetti "
        "on 100 000 euroa.\n"
    ).encode()
    _document, extraction = document_ingest(actor=officer, data=text, filename="7.txt")

    matched = [v.organisation for v in extraction.values.filter(group="organisation")]
    assert company in matched


def test_organisation_names_match_across_inflection_legal_form_and_city_units(db):
    from hankesalkku.documents.matching import OrganisationIndex

    oulu = OrganisationFactory(name="Oulun kaupunki", slug="oulu", organisation_type="municipality")
    helsinki = OrganisationFactory(name="Helsinki", slug="hki", organisation_type="municipality")
    oulu_unit = OrganisationFactory(name="Sivistys- ja kulttuuripalvelut", slug="s1", parent=oulu)
    OrganisationFactory(name="Sivistys- ja kulttuuripalvelut", slug="s2", parent=helsinki)
    culture = OrganisationFactory(
        name="Kulttuurin edistämisen palvelut", slug="kep", parent=helsinki
    )
    company = OrganisationFactory(
        name="Forum Virium Helsinki Oy", slug="fvh", organisation_type="company"
    )

    index = OrganisationIndex()

    assert index.find("Helsingin kaupunki") == helsinki
    assert index.find("Oulun kaupungin sivistys- ja kulttuuripalvelut") == oulu_unit
    assert index.find("kulttuurin edistämisen palvelu") == culture
    assert index.find("Forum Virium Helsinki") == company
    assert index.find("Kuopion kaupunki") is None
