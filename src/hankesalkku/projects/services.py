"""Writes for project entities, applications, partners and the status of a project.

Each status change is its own service so that the allowed steps live in one table
(`status.ALLOWED_TRANSITIONS`) and every refusal reads the same way. A new entity starts in
the initial status, and `project_entity_update` refuses a status: the transition services
are the only way a project moves.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.money import format_rate
from hankesalkku.core.services import (
    check_version,
    delete_recorded,
    record_create,
    record_update,
    save_validated,
    service,
    set_fields,
)
from hankesalkku.core.slugs import unique_slug

from .models import Application, ApplicationStatus, Partner, ProjectEntity, ProjectStatus
from .models.application import FINANCING_COMPONENTS
from .models.status import (
    APPLICATION_STATUS_FOR_ENTITY,
    can_transition,
    can_transition_application,
)

INITIAL_STATUS = ProjectStatus.PLANNED


def _status_refusal(current: str, target: str) -> ValidationError:
    return ValidationError(
        {
            "status": _("Tilasta ”%(current)s” ei voi siirtyä tilaan ”%(target)s”.")
            % {"current": ProjectStatus(current).label, "target": ProjectStatus(target).label}
        }
    )


@service
def project_entity_create(*, actor, name: str, kind: str, **fields) -> ProjectEntity:
    """A project starts in preparation; the transition services take it further."""
    status = fields.pop("status", INITIAL_STATUS)
    if status != INITIAL_STATUS:
        raise _status_refusal(INITIAL_STATUS, status)
    fields.setdefault("slug", unique_slug(ProjectEntity, fields.get("acronym") or name))
    return record_create(ProjectEntity, name=name, kind=kind, **fields)


@service
def project_entity_update(
    *, actor, entity: ProjectEntity, expected_version: int | None = None, **changes
) -> ProjectEntity:
    """Everything but the status, which moves only by the allowed steps."""
    if "status" in changes:
        raise ValidationError(
            {"status": _("Tila muuttuu vain sallituin siirroin, ei muokkaamalla.")}
        )
    return record_update(entity, changes, expected_version)


@service
def project_entity_delete(*, actor, entity: ProjectEntity) -> None:
    """Its applications and partners go with it; refused while a commitment names it."""
    delete_recorded(entity)


def application_financing_validate(application: Application) -> None:
    """Money rules across fields and tables, with the field named in each message."""
    errors: dict[str, list[str]] = {}
    total = application.total_cost
    if total is not None and application.components_total() != total:
        errors.setdefault("total_cost", []).append(
            _(
                "Rahoitus ei täsmää: osuudet ovat yhteensä %(sum)s €, kokonaiskustannukset "
                "%(total)s €."
            )
            % {"sum": application.components_total(), "total": total}
        )
    call = application.entity.call if application.entity_id else None
    rate = application.support_rate
    ceiling = call.max_support_rate if call else None
    if ceiling is not None and rate is not None and rate > ceiling:
        errors.setdefault("support", []).append(
            _("Tukiprosentti %(rate)s ylittää haun enimmäistukiprosentin %(max)s.")
            % {"rate": format_rate(rate), "max": format_rate(ceiling)}
        )
    if application.starts and application.ends and application.ends < application.starts:
        errors.setdefault("ends", []).append(_("Päättymispäivä on ennen alkamispäivää."))
    if errors:
        raise ValidationError(errors)


def _save_application(application: Application, expected_version: int | None = None) -> Application:
    """Field errors first, then the money rules by field, before the table's own constraint
    could answer with its general message; a stale version before all of them."""
    check_version(application, expected_version)
    application.full_clean(validate_constraints=False)
    application_financing_validate(application)
    return save_validated(application, expected_version=expected_version)


@service
def application_create(*, actor, entity: ProjectEntity, organisation, role: str, **fields):
    """A part recorded for a project already under way takes the status its entity implies."""
    fields.setdefault(
        "status", APPLICATION_STATUS_FOR_ENTITY.get(entity.status, ApplicationStatus.DRAFT)
    )
    return _save_application(
        Application(entity=entity, organisation=organisation, role=role, **fields)
    )


@service
def application_update(
    *, actor, application: Application, expected_version: int | None = None, **changes
) -> Application:
    """Everything but the status, which moves only through `application_transition`."""
    if "status" in changes:
        raise ValidationError(
            {"status": _("Tila muuttuu vain sallituin siirroin, ei muokkaamalla.")}
        )
    return _save_application(set_fields(application, changes), expected_version)


def application_transition(
    application: Application, target: str, *, expected_version: int | None = None
) -> Application:
    """The one step every application status service takes (inside its own `@service`).

    Locks the row, checks `APPLICATION_TRANSITIONS` and the version, saves with an audit
    record. Submit, supplement request, screening outcome and decision services call it after
    their own checks, so the table is the only place the allowed steps live.
    """
    application = Application.objects.select_for_update().get(pk=application.pk)
    check_version(application, expected_version)
    if not can_transition_application(application.status, target):
        raise ValidationError(
            {
                "status": _(
                    "Hakemus on tilassa ”%(current)s”: se ei voi siirtyä tilaan ”%(target)s”."
                )
                % {
                    "current": ApplicationStatus(application.status).label,
                    "target": ApplicationStatus(target).label,
                }
            }
        )
    application.status = target
    return save_validated(application, update_fields=["status"])


@service
def application_financing_set(
    *, actor, application: Application, expected_version: int | None = None, **amounts
) -> Application:
    """Replace an implementer's financing; refuses figures that do not add up, saves nothing."""
    allowed = set(FINANCING_COMPONENTS) | {"total_cost"}
    allowed |= {f"{name}_qualifier" for name in allowed}
    allowed |= {"municipal_financing_payer", "municipal_financing_budget_item"}
    unknown = set(amounts) - allowed
    if unknown:
        raise ValidationError(_("Tuntematon rahoituskenttä: %s") % ", ".join(sorted(unknown)))
    return application_update(
        actor=actor, application=application, expected_version=expected_version, **amounts
    )


@service
def application_delete(*, actor, application: Application) -> None:
    delete_recorded(application)


@service
def partner_add(*, actor, entity: ProjectEntity, organisation, description: str = "", **fields):
    return record_create(
        Partner, entity=entity, organisation=organisation, description=description, **fields
    )


@service
def partner_update(*, actor, partner: Partner, **changes) -> Partner:
    return record_update(partner, changes)


@service
def partner_remove(*, actor, partner: Partner) -> None:
    delete_recorded(partner)


def _transition(entity: ProjectEntity, target: str) -> ProjectEntity:
    entity = ProjectEntity.objects.select_for_update().get(pk=entity.pk)
    if not can_transition(entity.status, target):
        raise _status_refusal(entity.status, target)
    entity.status = target
    return save_validated(entity, update_fields=["status"])


@service
def project_entity_submit(*, actor, entity: ProjectEntity) -> ProjectEntity:
    return _transition(entity, ProjectStatus.SUBMITTED)


@service
def project_entity_start_assessment(*, actor, entity: ProjectEntity) -> ProjectEntity:
    return _transition(entity, ProjectStatus.ASSESSMENT)


@service
def project_entity_select(*, actor, entity: ProjectEntity) -> ProjectEntity:
    return _transition(entity, ProjectStatus.SELECTED)


@service
def project_entity_reject(*, actor, entity: ProjectEntity) -> ProjectEntity:
    return _transition(entity, ProjectStatus.REJECTED)


@service
def project_entity_start(*, actor, entity: ProjectEntity) -> ProjectEntity:
    return _transition(entity, ProjectStatus.IN_IMPLEMENTATION)


@service
def project_entity_close(*, actor, entity: ProjectEntity) -> ProjectEntity:
    return _transition(entity, ProjectStatus.CLOSED)


@service
def project_entity_withdraw(*, actor, entity: ProjectEntity) -> ProjectEntity:
    return _transition(entity, ProjectStatus.WITHDRAWN)


TRANSITION_SERVICES: dict[str, Callable[..., ProjectEntity]] = {
    ProjectStatus.SUBMITTED: project_entity_submit,
    ProjectStatus.ASSESSMENT: project_entity_start_assessment,
    ProjectStatus.SELECTED: project_entity_select,
    ProjectStatus.REJECTED: project_entity_reject,
    ProjectStatus.IN_IMPLEMENTATION: project_entity_start,
    ProjectStatus.CLOSED: project_entity_close,
    ProjectStatus.WITHDRAWN: project_entity_withdraw,
}
"""The one service that leads into each status; a form's status field calls it."""


def transition_service(current: str, target: str) -> Callable[..., ProjectEntity]:
    """The service that moves an entity from `current` to `target`, or the refusal."""
    step = TRANSITION_SERVICES.get(target)
    if step is None:
        raise _status_refusal(current, target)
    return step


@service
def application_withdraw(
    *, actor, application: Application, expected_version: int | None = None
) -> Application:
    """The implementer takes its part back; allowed until a decision is made."""
    return application_transition(
        application, ApplicationStatus.WITHDRAWN, expected_version=expected_version
    )
