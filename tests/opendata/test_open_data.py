"""Someone downloads the open data: a 360Giving package that validates, a list of operations a
spreadsheet reads with numbers as numbers, a schedule of calls; each with its licence and date,
none with a draft or a person's name."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from jsonschema import Draft202012Validator
from openpyxl import load_workbook
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from hankesalkku.opendata import giving360, operations
from hankesalkku.opendata.common import LICENCE_NAME

pytestmark = pytest.mark.django_db

GRANT_SCHEMA_URIS = (
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json",
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/360-giving-schema.json",
)


SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
"""The 360Giving schemas as the project was handed them, beside the repository (CI has them)."""


def shared_schemas() -> tuple[dict, dict]:
    if not SHARED_DATA.is_dir():
        pytest.skip("the shared reference data (../shared/data) is not beside this checkout")
    return tuple(
        json.loads((SHARED_DATA / f"360giving-{name}-schema.json").read_text())
        for name in ("package", "grant")
    )


def validate_360giving(document: dict, schemas=None) -> list[str]:
    """Against the shipped schemas, offline: the package schema names the grant schema by its
    address, which the registry answers from the file beside the code. The schemas name their
    dialect with an http address, so the dialect is given rather than read from them."""
    package_schema, grant_schema = schemas or giving360.schemas()
    resource = DRAFT202012.create_resource(grant_schema)
    registry = Registry().with_resources((uri, resource) for uri in GRANT_SCHEMA_URIS)
    validator = Draft202012Validator(
        package_schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def test_the_360giving_package_from_the_command_validates(demo, capfdbinary):
    call_command("opendata", "--format", "360giving", "-o", "-")
    document = json.loads(capfdbinary.readouterr().out)
    assert document["grants"], "the demo has funded grants"
    assert validate_360giving(document) == []
    broken = json.loads(json.dumps(document))
    del broken["grants"][0]["currency"]
    assert validate_360giving(broken), "the check would notice a grant without its currency"
    assert document["license"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert document["modified"]


def test_the_package_validates_against_the_schemas_in_the_shared_data(demo, capfdbinary):
    shared = shared_schemas()
    assert shared == giving360.schemas(), "the shipped copies are the shared schemas unchanged"
    call_command("opendata", "--format", "360giving", "-o", "-")
    document = json.loads(capfdbinary.readouterr().out)
    assert validate_360giving(document, shared) == []


def test_an_organisation_with_a_business_id_is_identified_in_the_finnish_register(demo):
    from hankesalkku.opendata.common import org_id
    from hankesalkku.organisations.models import Organisation

    with_id = Organisation.objects.exclude(business_id="").first()
    assert org_id(with_id) == f"FI-PRO-{with_id.business_id}"
    unit = Organisation.objects.filter(parent=with_id).first()
    if unit is not None:
        assert org_id(unit) == org_id(with_id)


def test_the_list_of_operations_has_kohesio_columns_dates_and_numbers(demo):
    rows = list(csv.DictReader(io.StringIO(operations.render_csv().decode("utf-8-sig"))))
    assert rows
    for row in rows:
        assert row["Total_Eligible_Expenditure_Currency"] == "EUR"
        assert row["Country"] == "FI" and row["Location_Indicator_NUTS_code"]
        assert row["Licence"] == LICENCE_NAME and row["Date_Of_Latest_Update"]
        if row["Operation_Start_Date"] and row["Operation_End_Date"]:
            start = row["Operation_Start_Date"].split("/")[::-1]
            end = row["Operation_End_Date"].split("/")[::-1]
            assert start <= end
    sheet = load_workbook(io.BytesIO(operations.render_xlsx())).active
    header = [c.value for c in sheet[1]]
    for column in operations.NUMBER_COLUMNS:
        at = header.index(column)
        values = [row[at].value for row in sheet.iter_rows(min_row=2)]
        assert any(v is not None for v in values), column
        assert all(isinstance(v, int | float) for v in values if v is not None), column


def test_drafts_and_people_never_appear(demo):
    from hankesalkku.core.services import system_actor
    from hankesalkku.projects.services import project_entity_create

    project_entity_create(
        actor=system_actor("testi"), name="Luonnos avoimessa datassa", slug="luonnos", kind="single"
    )
    everything = giving360.render() + operations.render_csv()
    assert b"Luonnos avoimessa datassa" not in everything
    assert b"presenter" not in everything


@pytest.mark.parametrize(
    "fmt", ["360giving", "operations-csv", "operations-xlsx", "calls-schedule"]
)
def test_each_file_downloads_with_its_licence(demo, client, fmt):
    response = client.get(reverse("opendata:download", args=[fmt]))
    assert response.status_code == 200
    assert "licenses/by/4.0" in response["Link"]
    assert response["Last-Modified"]


def test_the_page_lists_the_files_and_an_unknown_format_is_not_found(client):
    page = client.get(reverse("opendata:index")).content.decode()
    assert "CC BY 4.0" in page and "360Giving" in page
    assert client.get(reverse("opendata:download", args=["xml"])).status_code == 404
