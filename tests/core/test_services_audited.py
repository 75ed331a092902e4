"""Every service leaves a trail naming the user who acted, and refuses to act for nobody."""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured, ValidationError

from hankesalkku.core.models import Activity, ActivityVerb
from hankesalkku.core.services import SERVICES, system_actor
from hankesalkku.demo.loading import load_demo
from hankesalkku.demo.services import demo_administrator_reset
from hankesalkku.organisations.services import organisation_delete
from hankesalkku.programmes.models import Priority, ProgrammeKind
from hankesalkku.programmes.services import (
    priority_create,
    programme_create,
    programme_delete,
    programme_update,
    theme_update,
)
from hankesalkku.projects.models import ProjectStatus
from hankesalkku.projects.models.status import ALLOWED_TRANSITIONS
from hankesalkku.projects.services import (
    TRANSITION_SERVICES,
    project_entity_create,
    project_entity_submit,
    project_entity_update,
)
from tests.factories import (
    ApplicationFactory,
    OrganisationFactory,
    ProgrammeFactory,
    ProjectEntityFactory,
    ThemeFactory,
    UserFactory,
    service_actor,
)

pytestmark = pytest.mark.django_db


def _trail(record, verb=None):
    trail = Activity.objects.for_record(record)
    return trail.filter(verb=verb) if verb else trail


def _domain_models():
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("hankesalkku.")
        and model is not Activity
        and not getattr(model, "is_derived", False)
    ]


def test_every_row_the_demo_makes_has_a_created_activity_by_the_demo_actor(settings, tmp_path):
    settings.SEEDS_DIR = tmp_path  # the documents' text is not needed for the trail
    models = _domain_models()
    before = {model: list(model._base_manager.values_list("pk", flat=True)) for model in models}
    people_before = list(get_user_model()._default_manager.values_list("pk", flat=True))
    actor = system_actor("hankesalkku-demo")
    load_demo(actor=actor)
    # The demo actor makes the records; the demo's own people (its assessors) make what only a
    # person can: a declaration of no conflict of interest, a score.
    actors = [actor, *get_user_model()._default_manager.exclude(pk__in=people_before)]

    made = {}
    for model in models:
        created = Activity.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            verb=ActivityVerb.CREATED,
            actor__in=actors,
        ).values("object_id")
        new = model._base_manager.exclude(pk__in=before[model])
        assert not new.exclude(pk__in=created).exists(), f"{model.__name__} made without a trail"
        made[model.__name__] = new.count()
    assert {"Programme", "Theme", "Call", "ProjectEntity", "Decision", "District"} <= {
        name for name, count in made.items() if count
    }
    assert not Activity.objects.exclude(actor__in=actors).exists()
    assert set(Activity.objects.values_list("service", flat=True)) <= set(SERVICES)


def test_an_update_keeps_each_changed_field_before_and_after():
    actor = service_actor()
    programme = programme_create(actor=actor, name="Ohjelma", kind=ProgrammeKind.EU_PROGRAMME)
    programme_update(actor=actor, programme=programme, name="Uusi nimi", starts_year=2021)
    update = _trail(programme, ActivityVerb.UPDATED).get()
    assert update.actor == actor and update.service == "programme_update"
    assert update.changes == {"name": ["Ohjelma", "Uusi nimi"], "starts_year": [None, 2021]}


def test_a_relation_change_is_kept_as_the_ids_before_and_after():
    theme, okm = ThemeFactory(), OrganisationFactory.ministry("OKM")
    theme_update(actor=service_actor(), theme=theme, ministries=[okm])
    assert _trail(theme, ActivityVerb.UPDATED).get().changes == {"ministries": [[], [okm.pk]]}


def test_a_transition_keeps_the_status_before_and_after():
    entity = ProjectEntityFactory(status=ProjectStatus.PLANNED)
    project_entity_submit(actor=service_actor(), entity=entity)
    step = _trail(entity, ActivityVerb.UPDATED).get()
    assert step.service == "project_entity_submit"
    assert step.changes == {"status": ["planned", "submitted"]}


def test_a_delete_keeps_the_values_of_the_record_and_of_what_goes_with_it():
    actor = service_actor()
    programme = ProgrammeFactory(name="Poistettava")
    priority = priority_create(actor=actor, programme=programme, number="1", name="Linja")
    pk = programme.pk
    programme_delete(actor=actor, programme=programme)
    programme.pk = pk  # Django clears the pk of a deleted instance
    gone = _trail(programme, ActivityVerb.DELETED).get()
    assert gone.actor == actor and gone.changes["name"] == ["Poistettava", None]
    assert _trail(priority, ActivityVerb.DELETED).get().service == "programme_delete"
    assert not Priority.objects.filter(pk=priority.pk).exists()


def test_a_delete_that_others_depend_on_is_refused_with_their_names():
    application = ApplicationFactory()
    with pytest.raises(ValidationError) as refused:
        organisation_delete(actor=service_actor(), organisation=application.organisation)
    assert "ei voi poistaa" in refused.value.messages[0]
    assert not Activity.objects.exists()


@pytest.mark.parametrize("actor", [None, "unsaved"])
def test_a_service_refuses_to_write_for_nobody(actor):
    from django.contrib.auth import get_user_model

    actor = get_user_model()(username="ei-tallennettu") if actor == "unsaved" else actor
    with pytest.raises(ImproperlyConfigured):
        programme_create(actor=actor, name="Ohjelma", kind=ProgrammeKind.EU_PROGRAMME)
    assert not Activity.objects.exists()


def test_a_new_project_starts_in_preparation_and_moves_only_by_transitions():
    actor = service_actor()
    with pytest.raises(ValidationError):
        project_entity_create(actor=actor, name="Hanke", kind="single", status="closed")
    entity = project_entity_create(actor=actor, name="Hanke", kind="single")
    assert entity.status == ProjectStatus.PLANNED
    with pytest.raises(ValidationError) as refused:
        project_entity_update(actor=actor, entity=entity, status="submitted", name="Uusi")
    assert "status" in refused.value.message_dict
    entity.refresh_from_db()
    assert (entity.status, entity.name) == (ProjectStatus.PLANNED, "Hanke")


def test_each_status_a_step_leads_to_has_one_service():
    targets = {target for steps in ALLOWED_TRANSITIONS.values() for target in steps}
    assert set(TRANSITION_SERVICES) == targets


def test_every_service_is_named_entity_verb_and_lives_in_a_services_module():
    assert len(SERVICES) > 40
    for name, func in SERVICES.items():
        assert re.fullmatch(r"_?[a-z]+(_[a-z]+)+", name), name
        module = func.__module__
        assert module.endswith(".services") or ".services." in module, (name, module)


def test_a_password_change_is_in_the_trail_without_the_hash():
    user = demo_administrator_reset(actor=service_actor(), username="demo", password="salasana-1")
    assert user.is_superuser and user.check_password("salasana-1")
    created = _trail(user, ActivityVerb.CREATED).get()
    assert created.changes["password"] == ["[piilotettu]", "[piilotettu]"]
    assert "pbkdf2" not in str(created.changes)


def test_the_trail_names_the_person_who_acted():
    user = UserFactory()
    programme = programme_create(actor=user, name="Ohjelma", kind=ProgrammeKind.EU_PROGRAMME)
    created = _trail(programme).get()
    assert (created.actor, created.actor_name, created.verb) == (user, user.username, "created")
