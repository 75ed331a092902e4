"""A call ready for assessment: its authority's officer, a checklist, criteria and assessors."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from hankesalkku.accounts.models import Role
from hankesalkku.accounts.services import role_assignment_grant, totp_enrol
from hankesalkku.assessment import services
from hankesalkku.organisations.models import OrganisationType
from hankesalkku.projects.models import ApplicationStatus, ProjectStatus
from tests.factories import (
    TEST_TOTP_SECRET,
    ApplicationFactory,
    CallFactory,
    OrganisationFactory,
    ProjectEntityFactory,
    UserFactory,
    service_actor,
)


def grant(user, role, **scope):
    return role_assignment_grant(actor=service_actor(), user=user, role=role, **scope)


@dataclass
class AssessedCall:
    call: object
    officer: object
    ely_assessor: object
    stm_assessor: object
    ministry_viewer: object
    items: list = field(default_factory=list)
    criteria: list = field(default_factory=list)

    def submitted(self, support=Decimal("75000.00"), **kwargs):
        """A submitted application of a new single-implementer entity in the call."""
        entity = ProjectEntityFactory(call=self.call, status=ProjectStatus.SUBMITTED)
        member = kwargs.pop("member", None)
        application = ApplicationFactory.in_status(
            ApplicationStatus.SUBMITTED,
            entity=entity,
            support=support,
            own_financing=Decimal("100000.00") - support,
            **kwargs,
        )
        if member is not None:
            grant(member, Role.PREPARER, organisation=application.organisation)
        return application

    def screen_eligible(self, application):
        answers = {item.pk: (True, "") for item in self.items}
        return services.screening_record(
            actor=self.officer, application=application, outcome="eligible", answers=answers
        )

    def declare(self, assessor):
        return services.conflict_declaration_create(
            actor=assessor, call=self.call, has_conflict=False
        )

    def score(self, assessor, application, values, submit=True):
        for criterion, value in zip(self.criteria, values, strict=True):
            services.score_save(
                actor=assessor,
                application=application,
                criterion=criterion,
                value=value,
                justification=f"Perustelu kriteerille {criterion.wording}.",
            )
        if submit:
            services.scores_submit(actor=assessor, application=application)

    def select(self, entity, selected=True):
        """The officer's reasoned choice in the ranking, as the funding decision requires."""
        from hankesalkku.assessment.models import Selection

        if not Selection.objects.filter(entity=entity).exists():
            services.selection_choose(
                actor=self.officer,
                entity=entity,
                selected=selected,
                reasoning="Paremmuusjärjestyksen mukaan määrärahan rajan sisällä.",
            )

    def fund(self, application, support=Decimal("75000.00"), **kwargs):
        from hankesalkku.projects.models import CostCategory

        self.select(application.entity)
        kwargs.setdefault("lines", [(CostCategory.STAFF, None, Decimal("100000.00"))])
        return services.funding_decision_make(
            actor=self.officer,
            application=application,
            outcome="funded",
            reasoning="Hanke sai haun parhaat pisteet.",
            decision_maker="Ylitarkastaja Virtanen",
            date=date(2024, 6, 1),
            support=support,
            support_rate=Decimal("0.75"),
            **kwargs,
        )


def assessed_call(budget=Decimal("9300000.00")) -> AssessedCall:
    """The STM call of Hämeen ELY-keskus: one officer, an ELY and an STM assessor."""
    ely = OrganisationFactory(
        name="Hämeen ELY-keskus", organisation_type=OrganisationType.STATE_AGENCY
    )
    stm = OrganisationFactory.ministry("STM")
    call = CallFactory(funding_authority=ely, budget=budget)
    call.ministries.add(stm)
    officer, ely_assessor, stm_assessor, viewer = (UserFactory() for _ in range(4))
    grant(officer, Role.AUTHORITY_OFFICER, organisation=ely)
    grant(ely_assessor, Role.ASSESSOR, call=call)
    grant(stm_assessor, Role.ASSESSOR, call=call)
    grant(viewer, Role.MINISTRY_VIEWER, organisation=stm)
    for official in (officer, ely_assessor, stm_assessor, viewer):
        totp_enrol(actor=service_actor(), user=official, secret=TEST_TOTP_SECRET)
    made = AssessedCall(call, officer, ely_assessor, stm_assessor, viewer)
    for n, text in enumerate(["Hakija on tukikelpoinen", "Rahoitussuunnitelma on esitetty"]):
        made.items.append(
            services.checklist_item_create(actor=officer, call=call, text=text, order=n)
        )
    for n, (wording, weight) in enumerate([("Tarve ja tavoitteet", "2"), ("Toteutus", "1")]):
        made.criteria.append(
            services.criterion_create(
                actor=officer, call=call, wording=wording, weight=Decimal(weight), order=n
            )
        )
    return made
