"""Confirming, correcting and rejecting values, and applying them as records with sources."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hankesalkku.decisions.models import Commitment, Decision
from hankesalkku.documents.services import (
    document_ingest,
    extracted_value_confirm,
    extracted_value_correct,
    extracted_value_reject,
    extraction_apply,
    extraction_targets_set,
)
from hankesalkku.organisations.models import Organisation
from hankesalkku.projects.models import ProjectEntity
from hankesalkku.sources.models import SourceReference
from tests.factories import ApplicationFactory, DecisionFactory, ProjectEntityFactory

from .conftest import DECISION, value_named

pytestmark = pytest.mark.django_db

DECISION_FIELDS = ("diary_number", "section", "decision_date", "decision_maker", "title")


@pytest.fixture
def extraction(officer, helsinki):
    return document_ingest(actor=officer, data=DECISION, filename="12.txt")[1]


def confirm(officer, extraction, *names, group=None):
    for name in names:
        extracted_value_confirm(actor=officer, value=value_named(extraction, name, group))


def target_helsinki_application(officer, extraction):
    """An application of Helsinki without financing, chosen as where the amounts go."""
    application = ApplicationFactory(
        organisation=Organisation.objects.get(name="Helsinki"),
        total_cost=None,
        support=None,
        own_financing=None,
    )
    extraction_targets_set(
        actor=officer,
        extraction=extraction,
        organisation=extraction.organisation,
        entity=application.entity,
        application=application,
    )
    return application


def test_confirmed_decision_fields_become_a_decision_citing_each_span(officer, extraction):
    confirm(officer, extraction, *DECISION_FIELDS)
    extracted_value_reject(actor=officer, value=value_named(extraction, "classification_code"))

    extraction_apply(actor=officer, extraction=extraction)

    decision = Decision.objects.get()
    assert (decision.diary_number, decision.section, decision.date) == (
        "HEL 2024-000777",
        "12",
        date(2024, 4, 3),
    )
    assert decision.organisation.name == "Helsinki"
    assert decision.decision_maker_kind == "office_holder"
    assert decision.classification_code == ""  # rejected: nothing written
    ref = SourceReference.objects.get(object_id=decision.pk, field="diary_number")
    assert ref.document.text[ref.start : ref.end] == "HEL 2024-000777" == ref.quote
    assert ref.section == "12 §"
    diary = value_named(extraction, "diary_number")
    assert diary.record == decision and diary.reference == ref
    extraction.refresh_from_db()
    assert extraction.decision == decision and extraction.applied


def test_a_correction_is_written_instead_of_what_was_read(officer, extraction):
    confirm(officer, extraction, *DECISION_FIELDS)
    extracted_value_correct(
        actor=officer, value=value_named(extraction, "decision_date"), corrected="4.4.2024"
    )
    extraction_apply(actor=officer, extraction=extraction)
    assert Decision.objects.get().date == date(2024, 4, 4)


@pytest.mark.parametrize(
    ("name", "typed", "message"),
    [("decision_date", "huhtikuussa", "Päivämäärä"), ("own_financing", "paljon", "euromäärä")],
)
def test_a_correction_that_is_not_a_date_or_amount_is_refused(
    officer, extraction, name, typed, message
):
    value = value_named(extraction, name)
    with pytest.raises(ValidationError, match=message):
        extracted_value_correct(actor=officer, value=value, corrected=typed)
    value.refresh_from_db()
    assert value.status == "pending"


def test_a_commitment_is_made_from_the_budget_item_with_the_new_project(officer, extraction):
    confirm(
        officer,
        extraction,
        *DECISION_FIELDS,
        "project_name",
        "project_acronym",
        "period_start",
        "period_end",
    )
    confirm(officer, extraction, "own_financing", group="amount")

    extraction_apply(actor=officer, extraction=extraction)

    entity = ProjectEntity.objects.get()
    assert (entity.name, entity.acronym, entity.kind) == ("Nuorten polut työhön", "POLKU", "group")
    commitment = Commitment.objects.select_related("budget_item").get()
    assert (commitment.amount, commitment.qualifier, commitment.purpose) == (
        Decimal("50000.00"),
        "at_most",
        "own_financing",
    )
    assert commitment.budget_item.code == "1 50 04"
    assert (commitment.starts_year, commitment.ends_year) == (2025, 2026)
    assert commitment.entity == entity and commitment.decision == Decision.objects.get()
    ref = SourceReference.objects.get(object_id=commitment.pk, field="amount")
    assert ref.quote == "50 000 euroa"


def test_financing_that_does_not_add_up_stays_unwritten_with_the_reason(officer, extraction):
    application = ApplicationFactory(
        entity=ProjectEntityFactory(acronym="POLKU"),
        organisation=Organisation.objects.get(name="Helsinki"),
        total_cost=None,
        support=None,
        own_financing=None,
    )
    extraction_targets_set(
        actor=officer,
        extraction=extraction,
        organisation=extraction.organisation,
        entity=application.entity,
        application=application,
    )
    confirm(officer, extraction, "part_total", "part_support")  # own financing not confirmed

    extraction_apply(actor=officer, extraction=extraction)

    application.refresh_from_db()
    assert application.total_cost is None
    total = value_named(extraction, "part_total")
    assert not total.is_applied and "Rahoitus ei täsmää" in total.error


def test_financing_that_adds_up_is_written_to_the_chosen_application(officer, extraction):
    application = target_helsinki_application(officer, extraction)
    confirm(officer, extraction, "part_total", "part_support", "own_financing")

    extraction_apply(actor=officer, extraction=extraction)

    application.refresh_from_db()
    assert (application.total_cost, application.support, application.own_financing) == (
        Decimal("200000.00"),
        Decimal("150000.00"),
        Decimal("50000.00"),
    )
    assert application.own_financing_qualifier == "at_most"
    fields = set(
        SourceReference.objects.filter(object_id=application.pk).values_list("field", flat=True)
    )
    assert {"total_cost", "support", "own_financing"} <= fields
    assert not Commitment.objects.exists()  # no decision confirmed: nothing to commit with
    assert not value_named(extraction, "own_financing").error


def test_own_financing_from_a_budget_item_is_both_share_and_commitment_once(officer, extraction):
    application = target_helsinki_application(officer, extraction)
    confirm(officer, extraction, *DECISION_FIELDS, "part_total", "part_support", "own_financing")

    extraction_apply(actor=officer, extraction=extraction)
    extraction_apply(actor=officer, extraction=extraction)  # a second press changes nothing

    application.refresh_from_db()
    commitment = Commitment.objects.get()
    assert application.own_financing == commitment.amount == Decimal("50000.00")
    own = value_named(extraction, "own_financing")
    assert own.record == commitment
    assert SourceReference.objects.filter(field="own_financing").count() == 1


def test_a_matched_decision_is_updated_and_its_differing_date_is_shown_as_conflict(
    officer, helsinki
):
    from hankesalkku.documents.matching import conflict

    stored = DecisionFactory(
        organisation=helsinki, diary_number="HEL 2024-000777", section="12", date=date(2024, 4, 2)
    )
    extraction = document_ingest(actor=officer, data=DECISION, filename="12.txt")[1]
    date_value = value_named(extraction, "decision_date")
    assert conflict(date_value, extraction) == "2.4.2024"
    assert conflict(value_named(extraction, "diary_number"), extraction) is None

    extracted_value_confirm(actor=officer, value=date_value)
    extraction_apply(actor=officer, extraction=extraction)

    stored.refresh_from_db()
    assert stored.date == date(2024, 4, 3)
    assert Decision.objects.count() == 1


def test_rejected_and_unchecked_values_write_nothing(officer, extraction):
    for value in extraction.values.all():
        extracted_value_reject(actor=officer, value=value)
    extraction_apply(actor=officer, extraction=extraction)

    assert not Decision.objects.exists()
    assert not ProjectEntity.objects.exists()
    assert not SourceReference.objects.exists()
    assert Organisation.objects.count() == 1


def test_a_new_organisation_is_created_with_its_source_and_cannot_be_changed_after(
    officer, extraction
):
    value = value_named(extraction, "lead_coordinator")
    extracted_value_confirm(actor=officer, value=value)
    extraction_apply(actor=officer, extraction=extraction)

    created = Organisation.objects.get(name="Tampereen kaupunki")
    assert created.organisation_type == "municipality"
    assert SourceReference.objects.filter(object_id=created.pk, field="name").exists()
    value.refresh_from_db()
    with pytest.raises(ValidationError, match="jo tallennettu"):
        extracted_value_reject(actor=officer, value=value)


@pytest.mark.parametrize(
    ("name", "typed", "message"),
    [
        ("diary_number", "1" * 400, "enintään 60"),
        ("decision_maker", "x" * 201, "enintään 200"),
        ("project_acronym", "A" * 300, "enintään"),
    ],
)
def test_a_correction_breaking_the_record_fields_rules_is_refused_with_a_clear_message(
    officer, extraction, name, typed, message
):
    value = value_named(extraction, name)
    with pytest.raises(ValidationError, match=message):
        extracted_value_correct(actor=officer, value=value, corrected=typed)
    value.refresh_from_db()
    assert value.status == "pending" and not value.corrected_value
