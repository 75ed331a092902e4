"""An administrator edits financing in the admin; the same rules as the services apply."""

import pytest
from django.urls import reverse

from hankesalkku.projects.models import Application, ProjectStatus
from tests.factories import ApplicationFactory, ProjectEntityFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory.staff())
    return client


def _financing(application, **changes):
    data = {
        "entity": application.entity_id,
        "organisation": application.organisation_id,
        "role": application.role,
        "code": "",
        "total_cost": "100000.00",
        "support": "75000.00",
        "own_financing": "25000.00",
        "municipal_financing": "",
        "other_public_financing": "",
        "private_financing": "",
    }
    for name in (
        "total_cost",
        "support",
        "own_financing",
        "municipal_financing",
        "other_public_financing",
        "private_financing",
    ):
        data[f"{name}_qualifier"] = "exact"
    data.update(changes)
    return data


def test_financing_that_does_not_add_up_is_refused_with_a_message(admin_client):
    application = ApplicationFactory()
    url = reverse("admin:projects_application_change", args=[application.pk])
    response = admin_client.post(url, _financing(application, own_financing="20000.00"))
    assert response.status_code == 200
    assert "Rahoitus ei täsmää" in response.content.decode()
    application.refresh_from_db()
    assert str(application.own_financing) == "25000.00"


def test_a_support_rate_above_the_calls_maximum_is_refused(admin_client):
    application = ApplicationFactory()
    url = reverse("admin:projects_application_change", args=[application.pk])
    response = admin_client.post(
        url, _financing(application, support="90000.00", own_financing="10000.00")
    )
    assert response.status_code == 200
    assert "ylittää haun enimmäistukiprosentin" in response.content.decode()


def test_financing_that_adds_up_is_saved(admin_client):
    application = ApplicationFactory()
    url = reverse("admin:projects_application_change", args=[application.pk])
    response = admin_client.post(
        url, _financing(application, support="70000.00", own_financing="30000.00")
    )
    assert response.status_code == 302
    assert str(Application.objects.get(pk=application.pk).support) == "70000.00"


def test_a_status_jump_the_rules_do_not_allow_is_refused(admin_client):
    entity = ProjectEntityFactory(status=ProjectStatus.PLANNED)
    url = reverse("admin:projects_projectentity_change", args=[entity.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {
            "status": ProjectStatus.CLOSED,
            "funding_ministries": [],
            "sectors": [],
            "regions": [],
            "applications-TOTAL_FORMS": 0,
            "applications-INITIAL_FORMS": 0,
            "partners-TOTAL_FORMS": 0,
            "partners-INITIAL_FORMS": 0,
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "ei voi siirtyä tilaan" in response.content.decode()


@pytest.mark.parametrize(
    "name",
    [
        "organisation",
        "region",
        "district",
        "programme",
        "call",
        "theme",
        "sector",
        "projectentity",
        "application",
        "partner",
        "decision",
        "commitment",
        "budgetitem",
        "sourcedocument",
        "sourcereference",
        "impactframework",
        "reportedfigure",
    ],
)
def test_every_list_in_the_admin_opens(demo, admin_client, name):
    from django.apps import apps

    model = next(m for m in apps.get_models() if m._meta.model_name == name)
    url = reverse(f"admin:{model._meta.app_label}_{name}_changelist")
    assert admin_client.get(url, {"q": "Helsinki"}).status_code == 200


def test_the_hot_project_opens_in_the_admin_with_its_implementers(demo, admin_client):
    from hankesalkku.projects.models import ProjectEntity

    hot = ProjectEntity.objects.get(acronym="HOT")
    page = admin_client.get(reverse("admin:projects_projectentity_change", args=[hot.pk]))
    assert page.status_code == 200
    assert "Forum Virium Helsinki Oy" in page.content.decode()
