"""An organisation's signatory manages its people: roles, removal with a reason, invitations."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from hankesalkku.accounts.models import Invitation, Role, RoleAssignment
from hankesalkku.accounts.roles import organisation_ids_for
from hankesalkku.accounts.services import invitation_create
from tests.factories import OrganisationFactory, UserFactory
from tests.pages import html

from .conftest import PASSWORD, grant, sign_in

pytestmark = pytest.mark.django_db


def confirm_password(client, response):
    """Re-authentication: the person types the password again; the POST then goes through."""
    assert response.status_code == 302 and "reauthenticate" in response["Location"]
    return client.post(response["Location"], {"password": PASSWORD})


@pytest.fixture
def member(city):
    person = UserFactory(username="valmistelija", email="valmistelija@example.fi")
    grant(person, Role.PREPARER, organisation=city)
    return person


def test_the_signatory_sees_the_members_with_their_roles(client, signatory, member, city):
    sign_in(client, "allekirjoittaja")
    page = html(client.get(reverse("accounts:members", args=[city.slug])))
    assert "valmistelija@example.fi" in page and "hakemuksen valmistelija" in page
    assert "allekirjoitusoikeus" in page and "Kutsu uusi käyttäjä" in page


def test_a_role_is_granted_after_the_password_is_confirmed(client, signatory, member, city):
    sign_in(client, "allekirjoittaja")
    url = reverse("accounts:member_grant", args=[city.slug])
    response = client.post(url, {"user": member.pk, "role": Role.FINANCE_OFFICER})
    response = confirm_password(client, response)
    assert response.status_code == 302
    assert RoleAssignment.objects.active().filter(user=member, role=Role.FINANCE_OFFICER).exists()
    assert "sai roolin talousvastaava" in html(client.get(response["Location"]))


def test_a_removed_member_loses_access_on_their_next_request(client, signatory, member, city):
    theirs = client.__class__()
    sign_in(theirs, "valmistelija")
    fresh = get_user_model().objects.get(pk=member.pk)
    assert city.pk in organisation_ids_for(fresh)

    sign_in(client, "allekirjoittaja")
    assignment = RoleAssignment.objects.get(user=member, role=Role.PREPARER)
    url = reverse("accounts:member_revoke", args=[city.slug, assignment.pk])
    assert client.post(url, {"reason": ""}).status_code == 302  # asks reauth before all else
    response = confirm_password(client, client.post(url, {"reason": "Siirtyi toiseen työhön"}))
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.revoke_reason == "Siirtyi toiseen työhön"
    assert assignment.revoked_by == signatory
    # the member's very next request reads their roles anew
    assert "hakemuksen valmistelija" not in html(theirs.get(reverse("accounts:profile")))
    assert organisation_ids_for(get_user_model().objects.get(pk=member.pk)) == set()


def test_a_revocation_without_a_reason_is_refused(client, signatory, member, city):
    sign_in(client, "allekirjoittaja")
    assignment = RoleAssignment.objects.get(user=member, role=Role.PREPARER)
    url = reverse("accounts:member_revoke", args=[city.slug, assignment.pk])
    response = confirm_password(client, client.post(url, {"reason": "   "}))
    assert "Kerro, miksi rooli poistetaan" in html(client.get(response["Location"]))
    assert RoleAssignment.objects.get(pk=assignment.pk).is_active


def test_a_forged_post_to_another_organisations_members_is_refused_with_the_reason(
    client, signatory, city
):
    other = OrganisationFactory(name="Oulun kaupunki", slug="oulu")
    victim = UserFactory(username="oulu-valmistelija")
    assignment = grant(victim, Role.PREPARER, organisation=other)
    sign_in(client, "allekirjoittaja")
    for response in (
        client.get(reverse("accounts:members", args=["oulu"])),
        client.post(
            reverse("accounts:member_revoke", args=["oulu", assignment.pk]), {"reason": "x"}
        ),
        client.post(
            reverse("accounts:member_grant", args=["oulu"]),
            {"user": victim.pk, "role": "signatory"},
        ),
        client.post(
            reverse("accounts:member_invite", args=["oulu"]),
            {"email": "a@b.fi", "role": "signatory"},
        ),
    ):
        assert response.status_code == 403
        assert "Vain organisaation Oulun kaupunki allekirjoitusoikeuden haltija" in html(response)
    assert RoleAssignment.objects.get(pk=assignment.pk).is_active
    assert not Invitation.objects.exists()


def test_an_invited_person_sets_a_username_and_password_and_gets_the_role(client, signatory, city):
    sign_in(client, "allekirjoittaja")
    url = reverse("accounts:member_invite", args=[city.slug])
    response = client.post(url, {"email": "Uusi.Henkilo@example.fi", "role": Role.VIEWER})
    confirm_password(client, response)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["uusi.henkilo@example.fi"]
    assert "Helsingin kaupunki" in mail.outbox[0].subject
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    client.post(reverse("account_logout"))

    page = html(client.get(link))
    assert "roolissa katselija" in page
    weak = client.post(link, {"username": "uusi", "password1": "12345678", "password2": "12345678"})
    assert weak.status_code == 400
    assert "liian yleinen" in html(weak).lower() or "too common" in html(weak).lower()
    response = client.post(
        link,
        {"username": "uusi", "password1": "Kaunis-kevät-2025", "password2": "Kaunis-kevät-2025"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("account_login")
    assert sign_in(client, "uusi.henkilo@example.fi", "Kaunis-kevät-2025").status_code == 302
    assert "katselija" in html(client.get(reverse("accounts:profile")))

    # the link worked once; opened again it says so and changes nothing
    client.post(reverse("account_logout"))
    used = client.get(link)
    assert used.status_code == 410 and "Tämä kutsu on jo käytetty" in html(used)
    client.post(
        link,
        {"username": "toinen", "password1": "Kaunis-kevät-2025", "password2": "Kaunis-kevät-2025"},
    )
    assert not get_user_model().objects.filter(username="toinen").exists()


def test_an_expired_invitation_shows_a_clear_message_and_changes_nothing(client, signatory, city):
    invitation, token = invitation_create(
        actor=signatory, email="myohassa@example.fi", organisation=city, role=Role.PREPARER
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    url = reverse("accounts:invitation", args=[token])
    response = client.get(url)
    assert response.status_code == 410 and "Kutsu on vanhentunut" in html(response)
    client.post(
        url,
        {
            "username": "myohassa",
            "password1": "Kaunis-kevät-2025",
            "password2": "Kaunis-kevät-2025",
        },
    )
    assert not get_user_model().objects.filter(username="myohassa").exists()
    assert client.get(reverse("accounts:invitation", args=["tuntematon"])).status_code == 404


def test_someone_with_an_account_accepts_the_invitation_signed_in(client, signatory, member):
    other = OrganisationFactory(name="Forum Virium Helsinki", slug="forum-virium")
    grant(signatory, Role.SIGNATORY, organisation=other)
    invitation, token = invitation_create(
        actor=signatory, email=member.email, organisation=other, role=Role.PREPARER
    )
    sign_in(client, "valmistelija")
    response = client.post(reverse("accounts:invitation", args=[token]))
    assert response.status_code == 302
    assert RoleAssignment.objects.active().filter(user=member, organisation=other).exists()
    assert Invitation.objects.get(pk=invitation.pk).accepted_by == member
