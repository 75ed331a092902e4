"""A person makes a personal API token on their profile, sees it once, uses it, revokes it."""

import pytest
from django.urls import reverse

from hankesalkku.accounts.models import ApiToken, hash_token
from hankesalkku.accounts.services import api_token_create, api_token_revoke
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_token_is_shown_once_and_only_its_hash_is_stored(client):
    user = UserFactory()
    client.force_login(user)
    page = client.post(reverse("accounts:api_tokens"), {"name": "raportointi"}).content.decode()
    token = ApiToken.objects.get(user=user)
    raw = page.split("<code>")[1].split("</code>")[0]
    assert raw.startswith("hs_") and token.key_hash == hash_token(raw)
    assert raw not in client.get(reverse("accounts:api_tokens")).content.decode()
    assert raw not in str(ApiToken.objects.values_list().get())


def test_only_the_owner_revokes_a_token(client):
    owner, other = UserFactory(), UserFactory()
    token, _raw = api_token_create(actor=owner, name="x")
    client.force_login(other)
    assert client.post(reverse("accounts:api_token_revoke", args=[token.pk])).status_code == 403
    client.force_login(owner)
    client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_api_accepts_a_token_and_refuses_a_revoked_or_unknown_one_with_401(client):
    pytest.importorskip("hankesalkku.api.urls", reason="the API's router")
    user = UserFactory()
    token, raw = api_token_create(actor=user, name="x")
    url = reverse("api:programme-list")
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200
    token.refresh_from_db()
    assert token.last_used is not None
    api_token_revoke(actor=user, token=token)
    for header in (f"Bearer {raw}", "Bearer hs_unknown", "Bearer " + "x" * 5000, "Bearer a b"):
        response = client.get(url, HTTP_AUTHORIZATION=header)
        assert response.status_code == 401, header
        assert "detail" in response.json()
