from .application import Application, ApplicationRole, Partner
from .budget import CostCategory
from .entity import ProjectEntity, ProjectKind
from .status import ApplicationStatus, ProjectStatus

__all__ = [
    "Application",
    "ApplicationRole",
    "ApplicationStatus",
    "CostCategory",
    "Partner",
    "ProjectEntity",
    "ProjectKind",
    "ProjectStatus",
]
