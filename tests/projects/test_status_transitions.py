"""A project moves through its life only by the allowed steps."""

import pytest
from django.core.exceptions import ValidationError

from hankesalkku.projects.models import ProjectStatus
from hankesalkku.projects.models.status import ALLOWED_TRANSITIONS
from hankesalkku.projects.services import (
    project_entity_close,
    project_entity_select,
    project_entity_start,
    project_entity_start_assessment,
    project_entity_submit,
)
from tests.factories import ProjectEntityFactory, service_actor

pytestmark = pytest.mark.django_db


def test_a_project_goes_from_plan_to_closed_step_by_step():
    entity = ProjectEntityFactory()
    for step in (
        project_entity_submit,
        project_entity_start_assessment,
        project_entity_select,
        project_entity_start,
        project_entity_close,
    ):
        entity = step(actor=service_actor(), entity=entity)
    assert entity.status == ProjectStatus.CLOSED


def test_a_submitted_project_cannot_jump_to_implementation():
    entity = ProjectEntityFactory.in_status_submitted()
    with pytest.raises(ValidationError) as error:
        project_entity_start(actor=service_actor(), entity=entity)
    assert "ei voi siirtyä" in error.value.message_dict["status"][0]
    entity.refresh_from_db()
    assert entity.status == ProjectStatus.SUBMITTED


def test_every_status_has_a_row_in_the_transition_table():
    assert set(ALLOWED_TRANSITIONS) == set(ProjectStatus.values)
    assert set(ProjectStatus.funded()) <= set(ProjectStatus.values)
