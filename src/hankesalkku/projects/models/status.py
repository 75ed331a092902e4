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


class ApplicationStatus(models.TextChoices):
    """Where one implementer's application (osahanke) is, from its draft to the decision.

    The entity's status (above) is the project's; this one is each implementer's part. A group
    project is submitted when every part is; screening and the funding decision are per part.
    """

    DRAFT = "draft", _("luonnos")
    READY = "ready", _("valmis lähetettäväksi")
    SUBMITTED = "submitted", _("lähetetty")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("täydennettävänä")
    ELIGIBLE = "eligible", _("muodollisesti hyväksyttävä")
    INELIGIBLE = "ineligible", _("ei muodollisesti hyväksyttävä")
    FUNDED = "funded", _("myönteinen päätös")
    DECLINED = "declined", _("kielteinen päätös")
    WITHDRAWN = "withdrawn", _("peruttu")

    @classmethod
    def editable(cls) -> tuple[str, ...]:
        """The applicant may change the part only before it is submitted, or when asked to."""
        return (cls.DRAFT, cls.READY, cls.SUPPLEMENT_REQUESTED)


APPLICATION_TRANSITIONS: dict[str, tuple[str, ...]] = {
    ApplicationStatus.DRAFT: (ApplicationStatus.READY, ApplicationStatus.WITHDRAWN),
    ApplicationStatus.READY: (
        ApplicationStatus.DRAFT,
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.WITHDRAWN,
    ),
    ApplicationStatus.SUBMITTED: (
        ApplicationStatus.SUPPLEMENT_REQUESTED,
        ApplicationStatus.ELIGIBLE,
        ApplicationStatus.INELIGIBLE,
        ApplicationStatus.WITHDRAWN,
    ),
    ApplicationStatus.SUPPLEMENT_REQUESTED: (
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.WITHDRAWN,
    ),
    ApplicationStatus.ELIGIBLE: (
        ApplicationStatus.FUNDED,
        ApplicationStatus.DECLINED,
        ApplicationStatus.SUPPLEMENT_REQUESTED,
        ApplicationStatus.WITHDRAWN,
    ),
    ApplicationStatus.INELIGIBLE: (),
    ApplicationStatus.FUNDED: (),
    ApplicationStatus.DECLINED: (),
    ApplicationStatus.WITHDRAWN: (),
}

# The application's status that follows from its entity's, for parts recorded after the fact
# (the demo, documents read into records): a running project's parts were funded.
APPLICATION_STATUS_FOR_ENTITY: dict[str, str] = {
    ProjectStatus.PLANNED: ApplicationStatus.DRAFT,
    ProjectStatus.SUBMITTED: ApplicationStatus.SUBMITTED,
    ProjectStatus.ASSESSMENT: ApplicationStatus.ELIGIBLE,
    ProjectStatus.SELECTED: ApplicationStatus.FUNDED,
    ProjectStatus.IN_IMPLEMENTATION: ApplicationStatus.FUNDED,
    ProjectStatus.CLOSED: ApplicationStatus.FUNDED,
    ProjectStatus.REJECTED: ApplicationStatus.DECLINED,
    ProjectStatus.WITHDRAWN: ApplicationStatus.WITHDRAWN,
}


def can_transition_application(current: str, target: str) -> bool:
    return target in APPLICATION_TRANSITIONS.get(current, ())
