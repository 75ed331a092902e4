"""A tester signs in as each demo person and lands on what that person can do next."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from hankesalkku.accounts.models import MFA_REQUIRED_ROLES
from hankesalkku.demo.users import demo_people
from tests.factories import OrganisationFactory, service_actor

pytestmark = pytest.mark.django_db


def test_every_role_has_a_person_who_can_sign_in_and_sees_their_start_page(demo, client):
    people = demo_people(actor=service_actor())
    # The list: every role but the plain viewer, Helsinki and Forum Virium preparers.
    assert len(people) == 10 and len({p.role for p, _secret in people}) == 9
    for person, secret in people:
        assert (secret is not None) == (person.role in MFA_REQUIRED_ROLES)
        assert client.login(username=person.username, password="hankesalkku-demo")
        page = client.get(reverse("accounts:profile"))
        assert page.status_code == 200, person.username
        assert "Mitä voit tehdä seuraavaksi" in page.content.decode()
        assert reverse("site:start") in page.content.decode()
        assert client.get(reverse("site:start")).status_code == 200, person.username
        client.logout()


def test_loading_the_people_twice_changes_nothing(demo):
    first = demo_people(actor=service_actor())
    assert demo_people(actor=service_actor()) == first


def test_the_demo_refuses_a_database_with_other_data(db):
    OrganisationFactory(name="Oikea organisaatio")
    with pytest.raises(CommandError, match="muita kuin esittelyaineiston"):
        call_command("demo", no_serve=True)
