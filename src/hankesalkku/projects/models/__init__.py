from .application import Application, ApplicationRole, Partner
from .entity import ProjectEntity, ProjectKind
from .status import ProjectStatus

__all__ = [
    "Application",
    "ApplicationRole",
    "Partner",
    "ProjectEntity",
    "ProjectKind",
    "ProjectStatus",
]
