"""A coordinator narrows the overview by typing names, slugs or ids; mistakes are explained."""

import pytest

from hankesalkku.insights.selection import Selection, SelectionError
from hankesalkku.projects.models import ProjectStatus

pytestmark = pytest.mark.django_db


def test_a_selector_takes_a_slug_an_id_or_a_unique_part_of_the_name(portfolio):
    call = portfolio["call"]
    assert Selection.from_params({"call": "testihaku"}).call == call
    assert Selection.from_params({"call": str(call.pk)}).call == call
    assert Selection.from_params({"call": "TESTIHAKU LAPS"}).call == call


def test_region_names_match_whatever_the_case_of_finnish_letters(db):
    assert Selection.from_params({"region": "KANTA-HÄME"}).region.slug == "kanta-hame"
    assert Selection.from_params({"region": "päijät"}).region.slug == "paijat-hame"


def test_ministry_is_found_by_its_abbreviation(portfolio):
    assert Selection.from_params({"ministry": "okm"}).ministry == portfolio["okm"]


def test_an_ambiguous_sector_names_the_field_and_the_candidates(db):
    with pytest.raises(SelectionError) as error:
        Selection.from_params({"sector": "opiskeluhuolto"})
    message = error.value.errors["sector"]
    assert message.startswith("Toimiala:")
    assert "moniselitteinen" in message
    assert "opiskeluhuolto-koulutus" in message and "opiskeluhuolto-sote" in message


def test_every_bad_field_is_reported_at_once(db):
    with pytest.raises(SelectionError) as error:
        Selection.from_params({"region": "Atlantis", "status": "ratkaistu", "theme": "ei ole"})
    assert set(error.value.errors) == {"region", "status", "theme"}
    assert error.value.errors["region"] == "Alue: ”Atlantis” ei vastaa mitään."


def test_status_defaults_to_funded_and_can_be_widened(db):
    assert set(Selection.from_params({}).statuses) == set(ProjectStatus.funded())
    assert Selection.from_params({"status": "kaikki"}).statuses is None
    assert Selection.from_params({"status": "hylätty"}).statuses == (ProjectStatus.REJECTED,)
    assert Selection.from_params({"status": "rejected,selected"}).statuses == (
        ProjectStatus.REJECTED,
        ProjectStatus.SELECTED,
    )


def test_a_selection_travels_in_the_url_by_slugs(portfolio):
    selection = Selection.from_params(
        {"call": str(portfolio["call"].pk), "region": "Helsinki", "status": "kaikki"}
    )
    params = selection.to_params()
    assert params == {"call": "testihaku", "region": "helsinki", "status": "kaikki"}
    assert Selection.from_params(params) == selection
