"""An administrator's every save in the back office is a service call made as them."""

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from hankesalkku.core.admin import ServiceAdmin, ServiceInline
from hankesalkku.core.models import Activity, ActivityVerb
from hankesalkku.organisations.models import District, Region
from hankesalkku.projects.models import ProjectEntity, ProjectStatus
from hankesalkku.sources.models import SourceDocument
from tests.factories import ProgrammeFactory, ProjectEntityFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return UserFactory.staff()


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


def _url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _bound(form, data: dict) -> None:
    for name in form.fields:
        value = form[name].value()
        if value is not None:
            data[form.add_prefix(name)] = value


def _unchanged(page) -> dict:
    """What the browser posts when the page is saved as it is."""
    data: dict = {}
    _bound(page.context["adminform"].form, data)
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        _bound(formset.management_form, data)
        for form in formset.initial_forms:
            _bound(form, data)
    return data


def _add_row(data: dict, prefix: str, **values) -> None:
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = index + 1
    data.update({f"{prefix}-{index}-{name}": value for name, value in values.items()})


def _activity(model, **filters):
    return Activity.objects.filter(content_type__model=model._meta.model_name, **filters)


def test_every_admin_of_the_project_writes_through_services():
    project_admins = {
        model: model_admin
        for model, model_admin in admin.site._registry.items()
        if model.__module__.startswith("hankesalkku.")
    }
    assert len(project_admins) > 20
    for model, model_admin in project_admins.items():
        assert isinstance(model_admin, ServiceAdmin), model
        for inline in model_admin.inlines:
            assert issubclass(inline, ServiceInline), inline


def test_a_district_added_in_the_admin_is_made_by_the_service_as_the_signed_in_user(
    admin_client, staff
):
    data = {"name": "Malmi", "name_sv": "Malm", "name_en": "", "slug": "malmi"}
    response = admin_client.post(_url(District, "add"), {**data, "municipality": "Helsinki"})
    assert response.status_code == 302
    district = District.objects.get(slug="malmi")
    created = Activity.objects.for_record(district).get()
    assert (created.actor, created.service, created.verb) == (staff, "district_create", "created")


def test_a_row_added_inline_is_made_by_its_own_service(admin_client, staff):
    programme = ProgrammeFactory()
    page = admin_client.get(_url(type(programme), "change", programme.pk))
    data = _unchanged(page)
    _add_row(data, "priorities", number="4", name="Osallistava Suomi", programme=programme.pk)
    assert admin_client.post(page.wsgi_request.path, data).status_code == 302
    priority = programme.priorities.get()
    created = Activity.objects.for_record(priority).get()
    assert (created.actor, created.service) == (staff, "priority_create")


def test_the_status_field_offers_only_the_steps_the_table_allows(admin_client):
    entity = ProjectEntityFactory(status=ProjectStatus.SUBMITTED)
    page = admin_client.get(_url(ProjectEntity, "change", entity.pk))
    offered = {
        value for value, _label in page.context["adminform"].form["status"].field.widget.choices
    }
    assert offered == {"submitted", "assessment", "rejected", "withdrawn"}
    page = admin_client.get(_url(ProjectEntity, "add"))
    offered = {
        value for value, _label in page.context["adminform"].form["status"].field.widget.choices
    }
    assert offered == {"planned"}


def test_a_status_changed_in_the_admin_is_written_by_its_transition_service(admin_client, staff):
    entity = ProjectEntityFactory(status=ProjectStatus.PLANNED)
    page = admin_client.get(_url(ProjectEntity, "change", entity.pk))
    data = {**_unchanged(page), "status": ProjectStatus.SUBMITTED, "acronym": "UUSI"}
    assert admin_client.post(page.wsgi_request.path, data).status_code == 302
    entity.refresh_from_db()
    assert (entity.status, entity.acronym) == (ProjectStatus.SUBMITTED, "UUSI")
    services = set(_activity(ProjectEntity, actor=staff).values_list("service", flat=True))
    assert services == {"project_entity_update", "project_entity_submit"}


def test_a_new_project_in_another_status_than_preparation_is_refused_on_the_field(admin_client):
    page = admin_client.get(_url(ProjectEntity, "add"))
    data = {**_unchanged(page), "name": "Hanke", "slug": "hanke", "kind": "single"}
    response = admin_client.post(page.wsgi_request.path, {**data, "status": "closed"})
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert "ei voi siirtyä tilaan" in response.content.decode()
    assert not ProjectEntity.objects.exists()


def test_a_refused_inline_row_shows_its_message_and_nothing_of_the_save_is_kept(admin_client):
    document = SourceDocument.objects.create(title="Päätös", kind="decision", text="Teksti.")
    page = admin_client.get(_url(SourceDocument, "change", document.pk))
    data = {**_unchanged(page), "title": "Uusi otsikko"}
    _add_row(
        data,
        "references",
        content_type=ContentType.objects.get_for_model(District).pk,
        object_id=999999,
        quote="Teksti.",
        document=document.pk,
    )
    response = admin_client.post(page.wsgi_request.path, data)
    assert response.status_code == 200
    assert "Tietuetta 999999 ei ole" in response.content.decode()
    document.refresh_from_db()
    assert document.title == "Päätös"
    assert not Activity.objects.exists()


def test_the_bulk_delete_removes_each_record_through_the_delete_service(admin_client, staff):
    districts = [
        District.objects.create(slug=slug, name=slug.title()) for slug in ("malmi", "kontula")
    ]
    response = admin_client.post(
        _url(District, "changelist"),
        {"action": "delete_selected", "_selected_action": [d.pk for d in districts], "post": "yes"},
    )
    assert response.status_code == 302
    assert not District.objects.exists()
    deleted = _activity(District, verb=ActivityVerb.DELETED, actor=staff)
    assert set(deleted.values_list("service", flat=True)) == {"district_delete"}
    assert deleted.count() == 2


def test_a_delete_from_the_record_page_is_the_delete_service(admin_client, staff):
    district = District.objects.create(slug="malmi", name="Malmi")
    response = admin_client.post(_url(District, "delete", district.pk), {"post": "yes"})
    assert response.status_code == 302
    assert _activity(District, verb=ActivityVerb.DELETED, actor=staff).get().object_id


def test_regions_come_from_the_migration_and_are_only_corrected_in_the_admin(admin_client):
    region = Region.objects.first()
    assert admin_client.get(_url(Region, "add")).status_code == 403
    assert admin_client.get(_url(Region, "delete", region.pk)).status_code == 403
    assert admin_client.get(_url(Region, "change", region.pk)).status_code == 200
