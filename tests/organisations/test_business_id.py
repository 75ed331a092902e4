import pytest
from django.core.exceptions import ValidationError

from hankesalkku.organisations.services import organisation_create
from hankesalkku.organisations.validators import validate_business_id
from tests.factories import service_actor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("business_id", ["0201256-6", "1234567-1"])
def test_valid_business_ids_pass(business_id):
    validate_business_id(business_id)


@pytest.mark.parametrize("business_id", ["0201256-5", "201256-7", "02012566", "abc"])
def test_wrong_check_digit_or_form_is_refused(business_id):
    with pytest.raises(ValidationError):
        validate_business_id(business_id)


def test_an_organisation_with_a_mistyped_business_id_is_not_created():
    with pytest.raises(ValidationError) as error:
        organisation_create(
            actor=service_actor(),
            name="Testikaupunki",
            organisation_type="municipality",
            business_id="0201256-7",
        )
    assert "Y-tunnuksen" in error.value.message_dict["business_id"][0]
