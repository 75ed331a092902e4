"""Guessing passwords is slow: after five wrong ones even the right one waits."""

import pytest

from tests.factories import UserFactory
from tests.pages import html

from .conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def test_the_sixth_attempt_within_a_minute_is_refused_even_with_the_right_password(client):
    UserFactory(username="liisa")
    for _ in range(5):
        assert "Käyttäjätunnus tai salasana on väärin" in html(sign_in(client, "liisa", "arvaus"))
    response = sign_in(client, "liisa", PASSWORD)
    assert response.status_code == 200
    assert "Liian monta epäonnistunutta kirjautumisyritystä" in html(response)
    assert client.get("/tili/").status_code == 302


def test_another_account_is_not_locked_by_someone_elses_failures(client):
    UserFactory(username="liisa")
    UserFactory(username="pekka")
    for _ in range(5):
        sign_in(client, "liisa", "arvaus")
    assert sign_in(client, "pekka", PASSWORD).status_code == 302
