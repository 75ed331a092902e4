"""Writes for a programme's structure: the programme, its priorities, specific objectives and
themes.

Deleting a programme takes its priorities and objectives with it (they exist only inside it);
a theme or call that still points at it is a refusal, so money is never orphaned.
"""

from hankesalkku.core.services import delete_recorded, record_create, record_update, service
from hankesalkku.core.slugs import unique_slug

from ..models import Priority, Programme, SpecificObjective, Theme


@service
def programme_create(*, actor, name: str, kind: str, **fields) -> Programme:
    fields.setdefault("slug", unique_slug(Programme, name))
    return record_create(Programme, name=name, kind=kind, **fields)


@service
def programme_update(*, actor, programme: Programme, **changes) -> Programme:
    return record_update(programme, changes)


@service
def programme_delete(*, actor, programme: Programme) -> None:
    delete_recorded(programme)


@service
def priority_create(*, actor, programme: Programme, number: str, name: str, **fields) -> Priority:
    return record_create(Priority, programme=programme, number=number, name=name, **fields)


@service
def priority_update(*, actor, priority: Priority, **changes) -> Priority:
    return record_update(priority, changes)


@service
def priority_delete(*, actor, priority: Priority) -> None:
    delete_recorded(priority)


@service
def specific_objective_create(
    *, actor, priority: Priority, code: str, name: str, **fields
) -> SpecificObjective:
    return record_create(SpecificObjective, priority=priority, code=code, name=name, **fields)


@service
def specific_objective_update(*, actor, objective: SpecificObjective, **changes):
    return record_update(objective, changes)


@service
def specific_objective_delete(*, actor, objective: SpecificObjective) -> None:
    """Refused while a theme or project is counted under the objective."""
    delete_recorded(objective)


@service
def theme_create(*, actor, programme: Programme, name: str, **fields) -> Theme:
    """`ministries` (the steering ministries) may be given with the rest."""
    fields.setdefault("slug", unique_slug(Theme, name))
    return record_create(Theme, programme=programme, name=name, **fields)


@service
def theme_update(*, actor, theme: Theme, **changes) -> Theme:
    return record_update(theme, changes)


@service
def theme_delete(*, actor, theme: Theme) -> None:
    """Refused while calls or projects belong to the theme; its reported figures go with it."""
    delete_recorded(theme)
