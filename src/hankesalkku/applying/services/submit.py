"""Ready and submit: the call's rules checked with every problem listed, then a frozen version.

Submitting locks the part (its status leaves the editable ones), keeps every figure as it was
submitted in a `SubmittedVersion` (the receipt prints it, a supplement adds the next number),
and submits the project entity once its last part is in.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.services import save_validated, service
from hankesalkku.projects.models import Application, ApplicationStatus, ProjectStatus
from hankesalkku.projects.services import application_transition, project_entity_submit

from .. import permissions
from ..models import SubmittedVersion
from ..rules import application_problems


def _refuse_problems(application) -> None:
    problems = application_problems(application)
    if problems:
        errors: dict[str, list[str]] = {}
        for field, message in problems:
            errors.setdefault(field, []).append(message)
        raise ValidationError(errors)


@service
def application_mark_ready(*, actor, application, expected_version: int | None = None):
    """A draft that passes every check of the call becomes ready to submit."""
    allowed, reason = permissions.can_edit_application(actor, application)
    if not allowed:
        raise PermissionDenied(reason)
    _refuse_problems(application)
    return application_transition(
        application, ApplicationStatus.READY, expected_version=expected_version
    )


def figures(application) -> dict:
    """Every figure of the part, as plain strings, for the frozen version and its receipt."""
    entity = application.entity

    def text(value):
        return "" if value is None else str(value)

    return {
        "entity": entity.name,
        "acronym": entity.acronym,
        "call": str(entity.call) if entity.call_id else "",
        "organisation": str(application.organisation),
        "business_id": getattr(application.organisation, "business_id", "") or "",
        "role": application.get_role_display(),
        "starts": text(application.starts),
        "ends": text(application.ends),
        "financing": {
            name: text(getattr(application, name))
            for name in (
                "total_cost",
                "support",
                "own_financing",
                "municipal_financing",
                "other_public_financing",
                "private_financing",
            )
        },
        "municipal_financing_payer": text(application.municipal_financing_payer or ""),
        "lines": [
            {
                "category": line.category,
                "label": line.get_category_display(),
                "year": line.year,
                "amount": str(line.amount),
                "working": line.working,
            }
            for line in application.budget_lines.all()
        ],
    }


@service
def application_submit(*, actor, application, expected_version: int | None = None):
    """The implementer's signatory submits the part while the call is open."""
    allowed, reason = permissions.can_submit_application(actor, application)
    if not allowed:
        raise PermissionDenied(reason)
    application = Application.objects.get(pk=application.pk)  # the stored status decides
    call = application.entity.call
    if call is not None and not permissions.call_is_open(call):
        raise ValidationError({"status": _("Haku on päättynyt: hakemusta ei voi enää lähettää.")})
    if application.status == ApplicationStatus.DRAFT:
        _refuse_problems(application)
        application = application_transition(
            application, ApplicationStatus.READY, expected_version=expected_version
        )
        expected_version = None
    else:
        _refuse_problems(application)
    application = application_transition(
        application, ApplicationStatus.SUBMITTED, expected_version=expected_version
    )
    number = application.submitted_versions.count() + 1
    save_validated(
        SubmittedVersion(
            application=application, number=number, submitted_by=actor, figures=figures(application)
        )
    )
    entity = application.entity
    parts = Application.objects.filter(entity=entity)
    if (
        entity.status == ProjectStatus.PLANNED
        and not parts.exclude(status=ApplicationStatus.SUBMITTED).exists()
    ):
        application.entity = project_entity_submit(actor=actor, entity=entity)
    return application
