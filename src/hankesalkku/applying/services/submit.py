"""Ready and submit: the call's rules checked with every problem listed, then a frozen version.

Submitting locks the part (its status leaves the editable ones), keeps every figure and the
attachments as they were submitted in a `SubmittedVersion` (the receipt prints it), submits the
project entity once its last part is in, and tells the funding authority's officers. A part
returned with a supplement request (täydennyspyyntö) is edited and submitted again: the next
version, even after the call has closed, since the authority asked for it.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.services import related_set, save_validated, service
from hankesalkku.projects.models import Application, ApplicationStatus, ProjectStatus
from hankesalkku.projects.services import (
    application_transition,
    project_entity_submit,
    project_entity_update,
)

from .. import financing, permissions
from ..models import SubmittedVersion
from ..notify import notify_after_commit
from ..rules import application_problems

FINANCING_NAMES = (
    "total_cost",
    "support",
    "own_financing",
    "municipal_financing",
    "other_public_financing",
    "private_financing",
)


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

    commitment = financing.municipal_commitment(application)
    return {
        "entity": entity.name,
        "acronym": entity.acronym,
        "call": str(entity.call) if entity.call_id else "",
        "funding_authority": str(entity.funding_authority or ""),
        "organisation": str(application.organisation),
        "business_id": getattr(application.organisation, "business_id", "") or "",
        "role": application.get_role_display(),
        "role_code": application.role,  # the receipt prints it in its own language
        "starts": text(application.starts),
        "ends": text(application.ends),
        "description": entity.description,
        "target_groups": entity.target_groups,
        "financing": {name: text(getattr(application, name)) for name in FINANCING_NAMES},
        "qualifiers": {name: getattr(application, f"{name}_qualifier") for name in FINANCING_NAMES},
        "municipal_financing_payer": text(application.municipal_financing_payer or ""),
        "municipal_financing_budget_item": text(application.municipal_financing_budget_item or ""),
        "municipal_commitment": (
            {
                "decision": str(commitment.decision),
                "amount": str(commitment.amount),
                "qualifier": commitment.qualifier,
            }
            if commitment
            else None
        ),
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
        "attachments": [
            {
                "id": a.pk,
                "purpose": a.purpose,
                "filename": a.filename,
                "kind": a.kind,
                "size": a.size,
                "sha256": a.sha256,
            }
            for a in application.attachments.current()
        ],
    }


def _entity_totals(actor, entity) -> None:
    """An entity whose every part was submitted here is what its parts add up to.

    Why: the funding authority's lists show the entity's total and support; a supplement that
    changes a part changes the whole. Entities recorded from documents (their parts never
    submitted here) keep the figures the documents give.
    """
    parts = list(entity.applications.prefetch_related("submitted_versions"))
    if not parts or any(not part.submitted_versions.all() for part in parts):
        return
    changes = {}
    for name in ("total_cost", "support"):
        values = [getattr(part, name) for part in parts]
        if all(v is not None for v in values):
            total = sum(values, Decimal("0"))
            if getattr(entity, name) != total:
                changes[name] = total
    if changes:
        project_entity_update(actor=actor, entity=entity, **changes)


@service
def application_submission_record(*, actor, application, source: str) -> SubmittedVersion:
    """A part submitted before Hankesalkku (the demo's seed projects): its figures frozen as the
    document that tells of them gives them, with that document named (`source`)."""
    if application.status in ApplicationStatus.editable():
        raise ValidationError({"status": _("Luonnosta ei voi kirjata lähetetyksi.")})
    number = application.submitted_versions.count() + 1
    return save_validated(
        SubmittedVersion(
            application=application,
            number=number,
            submitted_by=actor,
            figures={**figures(application), "source": source},
        )
    )


@service
def application_submit(*, actor, application, expected_version: int | None = None):
    """The implementer's signatory submits the part while the call is open, or a supplement."""
    allowed, reason = permissions.can_submit_application(actor, application)
    if not allowed:
        raise PermissionDenied(reason)
    application = Application.objects.get(pk=application.pk)  # the stored status decides
    call = application.entity.call
    supplement = application.status == ApplicationStatus.SUPPLEMENT_REQUESTED
    if not supplement and call is not None and not permissions.call_is_open(call):
        raise ValidationError({"status": _("Haku on päättynyt: hakemusta ei voi enää lähettää.")})
    _refuse_problems(application)
    if application.status == ApplicationStatus.DRAFT:
        application = application_transition(
            application, ApplicationStatus.READY, expected_version=expected_version
        )
        expected_version = None
    application = application_transition(
        application, ApplicationStatus.SUBMITTED, expected_version=expected_version
    )
    number = application.submitted_versions.count() + 1
    version = save_validated(
        SubmittedVersion(
            application=application, number=number, submitted_by=actor, figures=figures(application)
        )
    )
    related_set(version, "attachments", list(application.attachments.current()))
    entity = application.entity
    parts = Application.objects.filter(entity=entity)
    if (
        entity.status == ProjectStatus.PLANNED
        and not parts.exclude(status=ApplicationStatus.SUBMITTED).exists()
    ):
        entity = project_entity_submit(actor=actor, entity=entity)
    if entity.status != ProjectStatus.PLANNED:
        _entity_totals(actor, entity)
    application.entity = entity
    notify_after_commit(version)
    return application
