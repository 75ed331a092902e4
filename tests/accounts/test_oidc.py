"""Signing in with an identity provider (Suomi.fi, Helsinki-profiili), end to end on loopback.

The test plays the browser: it presses the provider's button, follows the redirect to the
provider's authorize endpoint itself, and brings the code back to Hankesalkku, which then
exchanges it at the provider's token endpoint over the loopback network.
"""

import http.client
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from hankesalkku.accounts.models import Role
from hankesalkku.security import content_security_policy, oidc_app, oidc_providers_from_env
from tests.factories import UserFactory
from tests.pages import html

from .conftest import grant
from .oidc_provider import LoopbackIdentityProvider

pytestmark = pytest.mark.django_db

CLAIMS = {
    "sub": "helsinki-profiili-0042",
    "email": "maija.meikalainen@example.fi",
    "email_verified": True,
    "given_name": "Maija",
    "family_name": "Meikäläinen",
    "preferred_username": "maija",
}


@pytest.fixture
def idp(settings):
    with LoopbackIdentityProvider(
        client_id="hankesalkku", client_secret="s3cret", claims=CLAIMS
    ) as provider:
        settings.SOCIALACCOUNT_PROVIDERS = {
            "openid_connect": {
                "APPS": [
                    oidc_app(
                        {
                            "id": "helsinki",
                            "name": "Helsinki-profiili",
                            "server_url": provider.base_url,
                            "client_id": "hankesalkku",
                            "secret": "s3cret",
                            "email_authentication": True,
                        }
                    )
                ],
                "OAUTH_PKCE_ENABLED": True,
            }
        }
        yield provider


def follow_at_provider(url: str) -> str:
    """The browser's visit to the provider: it answers with a redirect back to us."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", f"{parts.path}?{parts.query}")
    response = connection.getresponse()
    location = response.getheader("Location")
    connection.close()
    assert response.status == 302, response.status
    return location


def sign_in_with_provider(client, idp) -> object:
    page = html(client.get(reverse("account_login")))
    assert "Helsinki-profiili" in page
    login_url = reverse("openid_connect_login", kwargs={"provider_id": "helsinki"})
    response = client.post(login_url)
    assert response.status_code == 302
    authorize = response["Location"]
    assert authorize.startswith(f"{idp.base_url}/authorize?")
    query = parse_qs(urlsplit(authorize).query)
    assert query["code_challenge_method"] == ["S256"]
    back = urlsplit(follow_at_provider(authorize))
    assert back.path == reverse("openid_connect_callback", kwargs={"provider_id": "helsinki"})
    return client.get(f"{back.path}?{back.query}")


def test_a_known_person_signs_in_with_the_identity_provider(client, idp, city):
    maija = UserFactory(username="maija.m", email=CLAIMS["email"])
    grant(maija, Role.PREPARER, organisation=city)

    response = sign_in_with_provider(client, idp)

    assert response.status_code == 302, html(response)
    assert idp.token_requests and idp.token_requests[0]["code_verifier"]
    page = html(client.get(reverse("accounts:profile")))
    assert "maija.m" in page and "hakemuksen valmistelija" in page
    account = SocialAccount.objects.get(user=maija)
    assert account.uid == CLAIMS["sub"] and account.provider == "helsinki"


def test_the_second_sign_in_finds_the_person_by_the_providers_subject(client, idp, city):
    maija = UserFactory(username="maija.m", email=CLAIMS["email"])
    sign_in_with_provider(client, idp)
    client.post(reverse("account_logout"))
    maija.email = "vaihtunut@example.fi"
    maija.save()

    assert sign_in_with_provider(client, idp).status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_a_stranger_cannot_create_an_account_through_the_provider(client, idp):
    response = sign_in_with_provider(client, idp)
    page = html(response) if response.status_code == 200 else html(client.get(response["Location"]))
    assert "Hankesalkussa ei voi luoda tunnusta itse" in page
    assert client.get(reverse("accounts:profile")).status_code == 302
    assert not SocialAccount.objects.exists()


def test_providers_come_from_the_environment_and_open_the_form_action_policy():
    apps = oidc_providers_from_env(
        {
            "OIDC_SUOMIFI_SERVER_URL": "https://tunnistus.example.fi/oidc",
            "OIDC_SUOMIFI_CLIENT_ID": "hankesalkku",
            "OIDC_SUOMIFI_SECRET": "x",
            "OIDC_SUOMIFI_NAME": "Suomi.fi-tunnistus",
            "HANKESALKKU_OIDC_PROVIDERS": '[{"id": "helsinki", "name": "Helsinki-profiili",'
            ' "server_url": "https://tunnistus.hel.example/auth/realms/helsinki",'
            ' "client_id": "hs", "secret": "y"}]',
        }
    )
    assert [(a["provider_id"], a["name"]) for a in apps] == [
        ("helsinki", "Helsinki-profiili"),
        ("suomifi", "Suomi.fi-tunnistus"),
    ]
    form_action = content_security_policy(apps)["DIRECTIVES"]["form-action"]
    assert form_action == [
        "'self'",
        "https://tunnistus.example.fi",
        "https://tunnistus.hel.example",
    ]
