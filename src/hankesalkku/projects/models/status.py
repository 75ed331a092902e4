"""Where a project entity is in its life, and which steps are allowed from each state.

The table is the single place the rules live: services check it, the UI shows the next steps.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("valmistelussa")
    SUBMITTED = "submitted", _("haettu")
    ASSESSMENT = "assessment", _("arvioinnissa")
    SELECTED = "selected", _("valittu rahoitettavaksi")
    REJECTED = "rejected", _("hylätty")
    IN_IMPLEMENTATION = "in_implementation", _("käynnissä")
    CLOSED = "closed", _("päättynyt")
    WITHDRAWN = "withdrawn", _("peruttu")

    @classmethod
    def funded(cls) -> tuple[str, ...]:
        """The states the coordination counts as funded projects."""
        return (cls.SELECTED, cls.IN_IMPLEMENTATION, cls.CLOSED)


ALLOWED_TRANSITIONS: dict[str, tuple[str, ...]] = {
    ProjectStatus.PLANNED: (ProjectStatus.SUBMITTED, ProjectStatus.WITHDRAWN),
    ProjectStatus.SUBMITTED: (
        ProjectStatus.ASSESSMENT,
        ProjectStatus.REJECTED,
        ProjectStatus.WITHDRAWN,
    ),
    ProjectStatus.ASSESSMENT: (ProjectStatus.SELECTED, ProjectStatus.REJECTED),
    ProjectStatus.SELECTED: (ProjectStatus.IN_IMPLEMENTATION, ProjectStatus.WITHDRAWN),
    ProjectStatus.IN_IMPLEMENTATION: (ProjectStatus.CLOSED,),
    ProjectStatus.REJECTED: (),
    ProjectStatus.CLOSED: (),
    ProjectStatus.WITHDRAWN: (),
}


def can_transition(current: str, target: str) -> bool:
    return target in ALLOWED_TRANSITIONS.get(current, ())
