"""People with roles, signed in the way a person signs in (password, then the code)."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from hankesalkku.accounts.models import Role
from hankesalkku.accounts.services import role_assignment_grant
from tests.factories import OrganisationFactory, UserFactory, service_actor

PASSWORD = "salasana-123"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and used TOTP codes live in the cache; each story starts clean."""
    cache.clear()
    yield
    cache.clear()


def grant(user, role, **scope):
    return role_assignment_grant(actor=service_actor(), user=user, role=role, **scope)


def sign_in(client, login: str, password: str = PASSWORD):
    return client.post(reverse("account_login"), {"login": login, "password": password})


def json_script(page: str, element_id: str) -> str:
    match = re.search(
        rf'<script id="{element_id}" type="application/json">(.*?)</script>', page, re.S
    )
    assert match, f"no json_script {element_id!r} on the page"
    return match.group(1)


@pytest.fixture
def city(db):
    return OrganisationFactory(name="Helsingin kaupunki", slug="helsinki")


@pytest.fixture
def signatory(city):
    user = UserFactory(username="allekirjoittaja", email="allekirjoittaja@example.fi")
    grant(user, Role.SIGNATORY, organisation=city)
    return user
