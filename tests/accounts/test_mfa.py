"""Officials sign in with a password and a second factor; without one they must enrol first."""

import json
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse

from hankesalkku.accounts.models import Role
from hankesalkku.accounts.services import totp_enrol
from tests.factories import (
    TEST_TOTP_SECRET,
    CallFactory,
    OrganisationFactory,
    UserFactory,
    service_actor,
)
from tests.pages import html

from .conftest import PASSWORD, grant, json_script, sign_in
from .softauthn import SoftPasskey

pytestmark = pytest.mark.django_db


def current_code(secret: str = TEST_TOTP_SECRET) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def a_wrong_code(secret: str = TEST_TOTP_SECRET) -> str:
    counter = int(time.time()) // 30
    valid = {format_hotp_value(hotp_value(secret, counter + i)) for i in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222") if code not in valid)


@pytest.fixture
def assessor(db):
    user = UserFactory(username="arvioija", email="arvioija@example.fi")
    grant(user, Role.ASSESSOR, call=CallFactory())
    totp_enrol(actor=service_actor(), user=user, secret=TEST_TOTP_SECRET)
    return user


def test_an_assessor_signs_in_with_password_then_the_code(client, assessor):
    response = sign_in(client, "arvioija")
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    page = html(client.get(reverse("mfa_authenticate")))
    assert "Kirjoita todennussovelluksen näyttämä koodi" in page
    response = client.post(reverse("mfa_authenticate"), {"code": current_code()})
    assert response.status_code == 302
    assert html(client.get(reverse("accounts:profile"))).count("arvioija") >= 1
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_wrong_code_is_refused_in_finnish_and_the_person_is_not_signed_in(client, assessor):
    sign_in(client, "arvioija")
    page = html(client.post(reverse("mfa_authenticate"), {"code": a_wrong_code()}))
    assert "Koodi on väärä tai jo käytetty" in page
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_a_code_that_was_used_once_is_refused_the_second_time(client, assessor):
    code = current_code()
    sign_in(client, "arvioija")
    assert client.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302
    client.post(reverse("account_logout"))

    sign_in(client, "arvioija")
    page = html(client.post(reverse("mfa_authenticate"), {"code": code}))
    assert "Koodi on väärä tai jo käytetty" in page
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_staff_without_a_second_factor_are_sent_to_enrol_one(client):
    UserFactory(username="yllapito", is_staff=True)
    sign_in(client, "yllapito")
    response = client.get(reverse("projects:list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_index"))
    page = html(client.get(response["Location"]))
    assert "Roolisi vuoksi tarvitset kaksivaiheisen tunnistautumisen" in page
    # what enrolling needs stays open: the MFA pages and signing out
    assert client.get(reverse("mfa_activate_totp")).status_code in (200, 302)
    assert client.get(reverse("health")).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302


def test_a_role_that_needs_mfa_takes_effect_on_the_next_request(client):
    person = UserFactory(username="talous")
    sign_in(client, "talous")
    assert client.get(reverse("projects:list")).status_code == 200
    grant(person, Role.FINANCE_OFFICER, organisation=OrganisationFactory())
    assert client.get(reverse("projects:list")).status_code == 302


def test_a_preparer_needs_no_second_factor(client, city):
    person = UserFactory(username="valmistelija")
    grant(person, Role.PREPARER, organisation=city)
    sign_in(client, "valmistelija")
    assert client.get(reverse("projects:list")).status_code == 200


def test_enrolling_totp_on_the_page_with_the_shown_secret(client):
    UserFactory(username="koordinaattori", is_staff=True)
    sign_in(client, "koordinaattori")
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302  # allauth asks for the password once more first
    client.post(response["Location"], {"password": PASSWORD})
    page = html(client.get(reverse("mfa_activate_totp")))
    secret = page.split('id="authenticator_secret">')[1].split("<")[0]
    assert "Lue QR-koodi todennussovelluksella" in page and 'src="data:image/svg+xml' in page
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(type=Authenticator.Type.TOTP).count() == 1
    assert client.get(reverse("projects:list")).status_code == 200


def test_a_passkey_is_registered_with_a_software_authenticator_and_signs_in(client):
    person = UserFactory(username="avaimellinen", email="avain@example.fi")
    sign_in(client, "avaimellinen")
    response = client.get(reverse("mfa_add_webauthn"))
    client.post(response["Location"], {"password": PASSWORD})  # re-authentication first
    page = html(client.get(reverse("mfa_add_webauthn")))
    options = json.loads(json_script(page, "js_data"))["creation_options"]
    assert options["publicKey"]["rp"]["id"] == "testserver"

    passkey = SoftPasskey()
    credential = passkey.create(options)
    response = client.post(
        reverse("mfa_add_webauthn"), {"name": "Työpuhelin", "credential": json.dumps(credential)}
    )
    assert response.status_code == 302, html(response)
    key = Authenticator.objects.get(user=person, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "Työpuhelin"

    client.post(reverse("account_logout"))
    sign_in(client, "avaimellinen")
    page = html(client.get(reverse("mfa_authenticate")))
    request_options = json.loads(json_script(page, "js_data"))["request_options"]
    assertion = passkey.get(request_options)
    response = client.post(reverse("mfa_authenticate"), {"credential": json.dumps(assertion)})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_the_last_second_factor_of_an_official_cannot_be_removed(assessor):
    from allauth.mfa.adapter import get_adapter

    totp = Authenticator.objects.get(user=assessor, type=Authenticator.Type.TOTP)
    assert not get_adapter().can_delete_authenticator(totp)
