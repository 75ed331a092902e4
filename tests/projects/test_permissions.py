"""Drafts (status planned) are seen only by administrators and the implementing organisation's
people: those holding a members' role (preparer, signatory, finance officer, viewer) there."""

import pytest
from django.urls import reverse

from hankesalkku.accounts.models import Role
from hankesalkku.accounts.services import role_assignment_grant
from hankesalkku.projects.models import ProjectStatus
from hankesalkku.projects.permissions import can_view_project_entity
from tests.factories import (
    ApplicationFactory,
    OrganisationFactory,
    ProjectEntityFactory,
    UserFactory,
    service_actor,
)


def member_of(organisation, role=Role.PREPARER):
    user = UserFactory()
    role_assignment_grant(actor=service_actor(), user=user, role=role, organisation=organisation)
    return user


pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    city = OrganisationFactory(name="Esimerkkikaupunki")
    unit = OrganisationFactory(name="Nuorisopalvelut", parent=city)
    entity = ProjectEntityFactory(name="Luonnos", slug="luonnos", status=ProjectStatus.PLANNED)
    ApplicationFactory(entity=entity, organisation=city, unit=unit)
    return entity


def test_an_anonymous_visitor_gets_404_for_a_draft(draft, client):
    assert client.get(reverse("projects:detail", args=["luonnos"])).status_code == 404
    allowed, reason = can_view_project_entity(UserFactory(), draft)
    assert not allowed and "valmistelussa" in reason


def test_staff_see_the_draft(draft, client):
    client.force_login(UserFactory.staff())
    assert client.get(reverse("projects:detail", args=["luonnos"])).status_code == 200


def test_a_member_of_the_implementing_city_sees_the_draft_in_the_list_and_page(draft, client):
    user = member_of(draft.applications.get().organisation)
    client.force_login(user)
    assert client.get(reverse("projects:detail", args=["luonnos"])).status_code == 200
    assert "Luonnos" in client.get(reverse("projects:list")).content.decode()


def test_a_member_of_another_organisation_does_not(draft, client):
    user = member_of(OrganisationFactory())
    client.force_login(user)
    assert client.get(reverse("projects:detail", args=["luonnos"])).status_code == 404
    assert "Luonnos" not in client.get(reverse("projects:list")).content.decode()


def test_a_member_of_the_unit_sees_the_draft(draft, client):
    user = member_of(draft.applications.get().unit, Role.VIEWER)
    assert can_view_project_entity(user, draft) == (True, "")
