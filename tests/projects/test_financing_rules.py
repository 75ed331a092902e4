"""An officer records an implementer's financing; figures that cannot be true are refused."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from hankesalkku.projects.models import Application
from hankesalkku.projects.services import application_create, application_financing_set
from tests.factories import (
    ApplicationFactory,
    OrganisationFactory,
    ProjectEntityFactory,
    service_actor,
)

pytestmark = pytest.mark.django_db


def test_financing_that_does_not_add_up_is_refused_and_nothing_is_saved():
    application = ApplicationFactory()
    with pytest.raises(ValidationError) as error:
        application_financing_set(
            actor=service_actor(),
            application=application,
            total_cost=Decimal("495000.00"),
            support=Decimal("371250.00"),
            own_financing=Decimal("100000.00"),
        )
    assert "total_cost" in error.value.message_dict
    assert "ei täsmää" in error.value.message_dict["total_cost"][0]
    application.refresh_from_db()
    assert application.total_cost == Decimal("100000.00")


def test_database_constraint_blocks_a_direct_insert():
    entity = ProjectEntityFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(
            entity=entity,
            organisation=OrganisationFactory(),
            role="main_implementer",
            total_cost=Decimal("10.00"),
            support=Decimal("1.00"),
        )


def test_support_rate_above_the_calls_maximum_is_refused():
    entity = ProjectEntityFactory(call__max_support_rate=Decimal("0.75"))
    with pytest.raises(ValidationError) as error:
        application_create(
            actor=service_actor(),
            entity=entity,
            organisation=OrganisationFactory(),
            role="main_implementer",
            total_cost=Decimal("100000.00"),
            support=Decimal("80000.00"),
            own_financing=Decimal("20000.00"),
        )
    assert "ylittää" in error.value.message_dict["support"][0]
    assert not Application.objects.filter(entity=entity).exists()


def test_an_amount_with_three_decimals_is_refused_naming_the_field():
    application = ApplicationFactory()
    with pytest.raises(ValidationError) as error:
        application_financing_set(
            actor=service_actor(),
            application=application,
            total_cost=Decimal("100000.005"),
            support=Decimal("75000.005"),
            own_financing=Decimal("25000.00"),
        )
    assert "total_cost" in error.value.message_dict


def test_a_period_that_ends_before_it_starts_is_refused():
    entity = ProjectEntityFactory()
    with pytest.raises(ValidationError) as error:
        application_create(
            actor=service_actor(),
            entity=entity,
            organisation=OrganisationFactory(),
            role="main_implementer",
            starts=date(2027, 8, 31),
            ends=date(2024, 9, 1),
        )
    assert "ends" in error.value.message_dict


def test_unknown_parts_stay_unknown_rather_than_zero():
    entity = ProjectEntityFactory()
    application = application_create(
        actor=service_actor(),
        entity=entity,
        organisation=OrganisationFactory(),
        role="co_implementer",
        municipal_financing=Decimal("73250.00"),
        municipal_financing_qualifier="at_most",
    )
    assert application.total_cost is None and application.support is None
    assert application.support_rate is None
