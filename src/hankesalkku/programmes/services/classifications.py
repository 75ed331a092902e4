"""Writes for the classifications projects are counted by: administrative branches, sectors,
cost models, and the impact frameworks a call follows.

Branches, sectors and cost models start from the data migration (`reference.py`), but a
programme may add its own (a new simplified cost option), so they are edited like any record.
"""

from hankesalkku.core.services import delete_recorded, record_create, record_update, service
from hankesalkku.core.slugs import unique_slug

from ..models import AdministrativeBranch, CostModel, ImpactFramework, ImpactLevel, Sector


@service
def administrative_branch_create(*, actor, name: str, **fields) -> AdministrativeBranch:
    fields.setdefault("slug", unique_slug(AdministrativeBranch, name))
    return record_create(AdministrativeBranch, name=name, **fields)


@service
def administrative_branch_update(*, actor, branch: AdministrativeBranch, **changes):
    return record_update(branch, changes)


@service
def administrative_branch_delete(*, actor, branch: AdministrativeBranch) -> None:
    """Refused while sectors belong to the branch: the overview groups sectors by it."""
    delete_recorded(branch)


@service
def sector_create(*, actor, branch: AdministrativeBranch, name: str, **fields) -> Sector:
    fields.setdefault("slug", unique_slug(Sector, name))
    return record_create(Sector, branch=branch, name=name, **fields)


@service
def sector_update(*, actor, sector: Sector, **changes) -> Sector:
    return record_update(sector, changes)


@service
def sector_delete(*, actor, sector: Sector) -> None:
    """Refused while a reported figure counts the sector; projects simply lose the tag."""
    delete_recorded(sector)


@service
def cost_model_create(*, actor, code: str, name: str, **fields) -> CostModel:
    return record_create(CostModel, code=code, name=name, **fields)


@service
def cost_model_update(*, actor, cost_model: CostModel, **changes) -> CostModel:
    return record_update(cost_model, changes)


@service
def cost_model_delete(*, actor, cost_model: CostModel) -> None:
    delete_recorded(cost_model)


@service
def impact_framework_create(*, actor, name: str, **fields) -> ImpactFramework:
    return record_create(ImpactFramework, name=name, **fields)


@service
def impact_framework_update(*, actor, framework: ImpactFramework, **changes):
    return record_update(framework, changes)


@service
def impact_framework_delete(*, actor, framework: ImpactFramework) -> None:
    """Its levels go with it; calls that followed it keep running without a framework."""
    delete_recorded(framework)


@service
def impact_level_create(*, actor, framework: ImpactFramework, order: int, name: str) -> ImpactLevel:
    return record_create(ImpactLevel, framework=framework, order=order, name=name)


@service
def impact_level_update(
    *, actor, level: ImpactLevel, expected_version: int | None = None, **changes
) -> ImpactLevel:
    """A level's name or order; a save against a version changed since is refused."""
    return record_update(level, changes, expected_version)


@service
def impact_level_delete(*, actor, level: ImpactLevel) -> None:
    delete_recorded(level)
