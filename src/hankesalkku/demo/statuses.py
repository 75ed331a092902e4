"""A project the documents show as submitted or running got there the only way a project moves:
one allowed step at a time, each by its transition service, so the trail tells its story."""

from hankesalkku.projects.models import ProjectEntity, ProjectStatus
from hankesalkku.projects.services import transition_service

_PATHS = {
    ProjectStatus.SUBMITTED: (ProjectStatus.SUBMITTED,),
    ProjectStatus.IN_IMPLEMENTATION: (
        ProjectStatus.SUBMITTED,
        ProjectStatus.ASSESSMENT,
        ProjectStatus.SELECTED,
        ProjectStatus.IN_IMPLEMENTATION,
    ),
}


def advance(actor, entity: ProjectEntity, target: str) -> ProjectEntity:
    """The entity, new and in preparation, moved step by step to `target`."""
    for status in _PATHS[target]:
        entity = transition_service(entity.status, status)(actor=actor, entity=entity)
    return entity
