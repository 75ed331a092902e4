"""An implementer's part moves only by the steps of its table; its status is never typed."""

import pytest
from django.core.exceptions import ValidationError

from hankesalkku.projects.models import ApplicationStatus, ProjectStatus
from hankesalkku.projects.services import (
    application_create,
    application_transition,
    application_update,
    application_withdraw,
)
from tests.factories import (
    ApplicationFactory,
    OrganisationFactory,
    ProjectEntityFactory,
    service_actor,
)

pytestmark = pytest.mark.django_db


def test_a_part_recorded_for_a_running_project_is_funded():
    entity = ProjectEntityFactory.in_status_funded()
    part = application_create(
        actor=service_actor(),
        entity=entity,
        organisation=OrganisationFactory(),
        role="implementer",
    )
    assert part.status == ApplicationStatus.FUNDED
    assert entity.status != ProjectStatus.PLANNED


def test_a_draft_cannot_jump_to_funded_and_nothing_changes():
    part = ApplicationFactory()
    with pytest.raises(ValidationError, match="luonnos"):
        application_transition(part, ApplicationStatus.FUNDED)
    part.refresh_from_db()
    assert part.status == ApplicationStatus.DRAFT


def test_the_status_is_not_edited_like_a_field():
    part = ApplicationFactory()
    with pytest.raises(ValidationError):
        application_update(actor=service_actor(), application=part, status="submitted")


def test_a_submitted_part_is_withdrawn_and_its_version_moves():
    part = ApplicationFactory.in_status(ApplicationStatus.SUBMITTED)
    withdrawn = application_withdraw(
        actor=service_actor(), application=part, expected_version=part.version
    )
    assert withdrawn.status == ApplicationStatus.WITHDRAWN
    assert withdrawn.version == part.version + 1


def test_a_decided_part_cannot_be_withdrawn():
    part = ApplicationFactory.in_status(ApplicationStatus.FUNDED)
    with pytest.raises(ValidationError, match="peruttu"):
        application_withdraw(actor=service_actor(), application=part)
