"""The summary rows: refreshed by every write, and a rebuild gives the very same rows."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from hankesalkku.insights.models import EntitySummary
from tests.factories import ApplicationFactory, OrganisationFactory, ProjectEntityFactory

pytestmark = pytest.mark.django_db

FIELDS = (
    "entity_id",
    "name",
    "status",
    "kind",
    "theme_id",
    "call_id",
    "programme_id",
    "ministries",
    "implementers",
    "total_cost",
    "support",
)


def rows():
    return list(EntitySummary.objects.order_by("entity_id").values_list(*FIELDS))


def test_a_group_project_sums_its_parts_and_names_its_ministries():
    entity = ProjectEntityFactory.in_status_funded(kind="group")
    for _ in range(2):
        ApplicationFactory(entity=entity)
    entity.funding_ministries.add(
        OrganisationFactory(abbreviation="STM", organisation_type="state_agency"),
        OrganisationFactory(abbreviation="OKM", organisation_type="state_agency"),
    )
    row = EntitySummary.objects.get(entity=entity)
    assert (row.implementers, row.total_cost, row.support) == (
        2,
        Decimal("200000.00"),
        Decimal("150000.00"),
    )
    assert row.ministries == "OKM+STM" and row.theme_id == entity.call.theme_id


def test_the_rebuild_command_gives_the_rows_the_writes_kept(capsys):
    ApplicationFactory(entity=ProjectEntityFactory.in_status_funded())
    ProjectEntityFactory(total_cost=Decimal("5"), support=Decimal("1"))
    kept = rows()
    call_command("summarise")
    assert rows() == kept and "2" in capsys.readouterr().out


def test_a_deleted_application_leaves_the_entity_unknown_not_zero():
    application = ApplicationFactory()
    application.delete()
    row = EntitySummary.objects.get(entity=application.entity)
    assert (row.implementers, row.total_cost) == (0, None)
