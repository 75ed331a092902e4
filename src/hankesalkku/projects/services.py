"""Writes for project entities, applications, partners and the status of a project.

Each status change is its own service so that the allowed steps live in one table
(`status.ALLOWED_TRANSITIONS`) and every refusal reads the same way.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.money import format_rate
from hankesalkku.core.services import save_validated, service, set_fields
from hankesalkku.core.slugs import unique_slug

from .models import Application, Partner, ProjectEntity, ProjectStatus
from .models.application import FINANCING_COMPONENTS
from .models.status import can_transition


@service
def project_entity_create(*, actor, name: str, kind: str, **fields) -> ProjectEntity:
    ministries = fields.pop("funding_ministries", ())
    sectors = fields.pop("sectors", ())
    regions = fields.pop("regions", ())
    fields.setdefault("slug", unique_slug(ProjectEntity, fields.get("acronym") or name))
    entity = save_validated(ProjectEntity(name=name, kind=kind, **fields))
    entity.funding_ministries.set(ministries)
    entity.sectors.set(sectors)
    entity.regions.set(regions)
    return entity


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


@service
def application_create(*, actor, entity: ProjectEntity, organisation, role: str, **fields):
    application = Application(entity=entity, organisation=organisation, role=role, **fields)
    application.full_clean(validate_constraints=False)
    application_financing_validate(application)
    return save_validated(application)


@service
def application_financing_set(*, actor, application: Application, **amounts) -> Application:
    """Replace an implementer's financing; refuses figures that do not add up, saves nothing."""
    allowed = set(FINANCING_COMPONENTS) | {"total_cost"}
    allowed |= {f"{name}_qualifier" for name in allowed}
    allowed |= {"municipal_financing_payer", "municipal_financing_budget_item"}
    unknown = set(amounts) - allowed
    if unknown:
        raise ValidationError(_("Tuntematon rahoituskenttä: %s") % ", ".join(sorted(unknown)))
    set_fields(application, amounts)
    application.full_clean(validate_constraints=False)
    application_financing_validate(application)
    return save_validated(application)


@service
def partner_add(*, actor, entity: ProjectEntity, organisation, description: str = "", **fields):
    return save_validated(
        Partner(entity=entity, organisation=organisation, description=description, **fields)
    )


def _transition(entity: ProjectEntity, target: str) -> ProjectEntity:
    entity = ProjectEntity.objects.select_for_update().get(pk=entity.pk)
    if not can_transition(entity.status, target):
        raise ValidationError(
            {
                "status": _("Tilasta ”%(current)s” ei voi siirtyä tilaan ”%(target)s”.")
                % {
                    "current": ProjectStatus(entity.status).label,
                    "target": ProjectStatus(target).label,
                }
            }
        )
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
