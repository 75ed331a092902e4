"""One sign-in for everyone: username or e-mail, sign-out, a forgotten password, the profile."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from hankesalkku.accounts.models import Role
from tests.factories import UserFactory
from tests.pages import html

from .conftest import PASSWORD, grant, sign_in

pytestmark = pytest.mark.django_db


def test_a_person_signs_in_with_username_or_email_and_signs_out(client, city):
    person = UserFactory(username="liisa", email="liisa@example.fi")
    grant(person, Role.VIEWER, organisation=city)
    page = html(client.get(reverse("account_login")))
    assert "Käyttäjätunnus tai sähköpostiosoite" in page and '<html lang="fi">' in page
    assert sign_in(client, "liisa").status_code == 302
    profile = html(client.get(reverse("accounts:profile")))
    assert "katselija" in profile and "Helsingin kaupunki" in profile
    assert "Kaksivaiheinen tunnistautuminen" in profile
    client.post(reverse("account_logout"))
    assert client.get(reverse("accounts:profile")).status_code == 302
    assert sign_in(client, "LIISA@example.fi").status_code == 302


def test_a_wrong_password_is_refused_in_finnish(client):
    UserFactory(username="liisa")
    page = html(sign_in(client, "liisa", "väärä-salasana"))
    assert "Käyttäjätunnus tai salasana on väärin" in page


def test_the_admin_login_sends_people_to_the_site_login(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_nobody_can_sign_up_without_an_invitation(client):
    page = html(client.get(reverse("account_signup")))
    assert "Hankesalkussa ei voi luoda tunnusta itse" in page
    client.post(
        reverse("account_signup"),
        {
            "username": "uusi",
            "email": "uusi@example.fi",
            "password1": "Pitka-salasana-9",
            "password2": "Pitka-salasana-9",
        },
    )
    assert not get_user_model().objects.filter(username="uusi").exists()


def test_a_forgotten_password_is_reset_from_the_link_in_the_mail(client):
    UserFactory(username="liisa", email="liisa@example.fi")
    response = client.post(reverse("account_reset_password"), {"email": "liisa@example.fi"})
    assert response.status_code == 302
    assert "Tarkista sähköpostisi" in html(client.get(response["Location"]))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Hankesalkku: Salasanan vaihtaminen"
    assert "Aseta uusi salasana tästä linkistä" in message.body
    link = re.search(r"http://testserver(\S+)", message.body).group(1)
    response = client.get(link)
    form_url = response["Location"] if response.status_code == 302 else link
    page = html(client.get(form_url))
    assert "Aseta uusi salasana" in page
    response = client.post(
        form_url, {"password1": "Uusi-pitka-salasana-7", "password2": "Uusi-pitka-salasana-7"}
    )
    assert response.status_code == 302
    assert sign_in(client, "liisa", "Uusi-pitka-salasana-7").status_code == 302
    client.post(reverse("account_logout"))
    assert sign_in(client, "liisa", PASSWORD).status_code == 200  # the old one no longer works


def test_a_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, db):
    response = client.post(reverse("account_reset_password"), {"email": "tuntematon@example.fi"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_the_navigation_links_to_sign_in_and_to_the_profile(client):
    UserFactory(username="liisa")
    assert reverse("account_login") in html(client.get("/"))
    sign_in(client, "liisa")
    page = html(client.get("/"))
    assert reverse("accounts:profile") in page and reverse("account_logout") in page


def test_a_swedish_reader_gets_the_sign_in_page_in_swedish(client, db):
    from django.utils import translation

    client.post(reverse("set_language"), {"language": "sv", "next": "/"})
    page = html(client.get(reverse("account_login")))
    translation.activate("fi")
    assert '<html lang="sv">' in page
    assert "Användarnamn eller e-postadress" in page and "Glömt lösenordet?" in page
