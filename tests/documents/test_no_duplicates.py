"""Reading a decision that is already stored adds nothing: the second reading matches the stored
decision and commitment instead of creating new ones, and phrases are not organisations."""

from pathlib import Path

import pytest
from django.db.models import Sum

from hankesalkku.decisions.models import Commitment, Decision
from hankesalkku.documents.models import ExtractedValue
from hankesalkku.documents.services import (
    document_ingest,
    extracted_value_confirm,
    extraction_apply,
)
from hankesalkku.organisations.models import Organisation
from hankesalkku.projects.models import ProjectEntity

from .conftest import DECISION

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def seed(number: str) -> bytes:
    paths = sorted(SEEDS.glob(f"{number}_*"))
    if not paths:
        pytest.skip(f"seed {number} is not present in {SEEDS}")
    return paths[0].read_bytes()


def read_and_apply_everything(officer, data: bytes, filename: str):
    """What a hurried user does: confirm every value and save."""
    _document, extraction = document_ingest(actor=officer, data=data, filename=filename)
    for value in extraction.values.all():
        extracted_value_confirm(actor=officer, value=value)
    extraction_apply(actor=officer, extraction=extraction)
    extraction.refresh_from_db()
    return extraction


def counts():
    return (
        Decision.objects.count(),
        Commitment.objects.count(),
        ProjectEntity.objects.count(),
        Organisation.objects.count(),
    )


def co_financing(organisation_name: str):
    return Commitment.objects.filter(payer__name=organisation_name).aggregate(s=Sum("amount"))["s"]


def test_reading_seed_000_twice_creates_nothing_new(officer, helsinki):
    data = seed("000")
    first = read_and_apply_everything(officer, data, "54.txt")
    stored, total = counts(), co_financing("Helsinki")
    assert stored[0] == 1 and stored[1] >= 1 and total

    # A second copy: the same decision saved again (other line ends), so other bytes.
    again = read_and_apply_everything(officer, data.replace(b"\n", b"\r\n"), "54_kopio.txt")

    assert counts() == stored
    assert co_financing("Helsinki") == total
    assert again.decision == first.decision
    assert again.entity == first.entity


def test_the_same_decision_in_another_file_is_matched_even_before_the_first_is_saved(
    officer, helsinki
):
    _doc, first = document_ingest(actor=officer, data=DECISION, filename="12.txt")
    _doc, second = document_ingest(actor=officer, data=DECISION + b"\n\n", filename="12b.txt")
    for extraction in (first, second):
        for value in extraction.values.all():
            extracted_value_confirm(actor=officer, value=value)
        extraction_apply(actor=officer, extraction=extraction)

    assert Decision.objects.count() == 1
    assert Commitment.objects.count() == 1
    assert ProjectEntity.objects.count() == 1


def test_a_phrase_about_units_is_not_proposed_as_an_organisation(officer, helsinki):
    _document, extraction = document_ingest(actor=officer, data=seed("000"), filename="54.txt")
    proposed = [v.value for v in extraction.values.filter(group=ExtractedValue.Group.ORGANISATION)]
    assert "Oulun ja Helsingin kaupunkien palvelut ja yksiköt" not in proposed
    assert "Oulun kaupungin sivistys- ja kulttuuripalvelut" in proposed
