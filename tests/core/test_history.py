"""A project's people open its page and see who changed what; the public does not."""

import pytest
from django.urls import reverse

from hankesalkku.accounts.models import Role
from hankesalkku.accounts.services import role_assignment_grant
from hankesalkku.organisations.models import Organisation
from hankesalkku.projects.models import ProjectEntity
from hankesalkku.projects.services import application_financing_set
from tests.factories import UserFactory, service_actor

pytestmark = pytest.mark.django_db


def _helsinki_preparer():
    user = UserFactory(username="valmistelija")
    role_assignment_grant(
        actor=service_actor(),
        user=user,
        role=Role.PREPARER,
        organisation=Organisation.objects.get(slug="helsingin-kaupunki"),
    )
    return user


def test_the_implementers_preparer_sees_each_change_with_its_author(demo, client):
    entity = ProjectEntity.objects.get(name__startswith="Lasten, nuorten ja perheiden palveluiden")
    application = entity.applications.get(organisation__slug="helsingin-kaupunki")
    editor = UserFactory(username="muokkaaja")
    application_financing_set(actor=editor, application=application, total_cost_qualifier="about")
    client.force_login(_helsinki_preparer())
    url = reverse("projects:history", args=[entity.slug])
    page = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hankesalkku-demo" in page  # the demo created the records through services
    assert "application_create" in page
    assert "muokkaaja" in page and "about" in page  # before → after, under the field's name
    detail = client.get(reverse("projects:detail", args=[entity.slug])).content.decode()
    assert url in detail


def test_anonymous_visitors_get_no_history(demo, client):
    entity = ProjectEntity.objects.filter(applications__organisation__slug="helsingin-kaupunki")[0]
    url = reverse("projects:history", args=[entity.slug])
    assert client.get(url).status_code == 403
    assert url not in client.get(reverse("projects:detail", args=[entity.slug])).content.decode()
