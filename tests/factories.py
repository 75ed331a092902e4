"""Objects in named states, so a test says which situation it sets up rather than how."""

from datetime import date
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from hankesalkku.accounts.services import totp_enrol
from hankesalkku.decisions.models import Commitment, Decision
from hankesalkku.organisations.models import BudgetItem, Organisation, OrganisationType, Region
from hankesalkku.programmes.models import Call, Programme, ProgrammeKind, Theme
from hankesalkku.projects.models import (
    Application,
    ApplicationRole,
    Partner,
    ProjectEntity,
    ProjectKind,
    ProjectStatus,
)

TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"kayttaja{n}")
    password = factory.PostGenerationMethodCall("set_password", "salasana-123")

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()

    @classmethod
    def staff(cls, **kwargs):
        """Staff must have a second factor (accounts.middleware), so they get TOTP."""
        user = cls(is_staff=True, is_superuser=True, **kwargs)
        totp_enrol(actor=service_actor(), user=user, secret=TEST_TOTP_SECRET)
        return user


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisaatio {n}")
    slug = factory.Sequence(lambda n: f"organisaatio-{n}")
    organisation_type = OrganisationType.MUNICIPALITY
    region = factory.LazyFunction(lambda: Region.objects.get(slug="keski-suomi"))

    @classmethod
    def ministry(cls, abbreviation: str = "OKM", **kwargs):
        kwargs.setdefault("name", f"Ministeriö {abbreviation}")
        return cls(
            organisation_type=OrganisationType.STATE_AGENCY,
            abbreviation=abbreviation,
            region=None,
            **kwargs,
        )


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Ohjelma {n}")
    slug = factory.Sequence(lambda n: f"ohjelma-{n}")
    kind = ProgrammeKind.EU_PROGRAMME


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Teema {n}")
    slug = factory.Sequence(lambda n: f"teema-{n}")
    programme = factory.SubFactory(ProgrammeFactory)


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    name = factory.Sequence(lambda n: f"Haku {n}")
    slug = factory.Sequence(lambda n: f"haku-{n}")
    programme = factory.SubFactory(ProgrammeFactory)
    theme = factory.SubFactory(ThemeFactory, programme=factory.SelfAttribute("..programme"))
    opens = date(2023, 10, 5)
    closes = date(2023, 12, 4)
    budget = Decimal("9300000.00")
    max_support_rate = Decimal("0.75")


class ProjectEntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectEntity

    name = factory.Sequence(lambda n: f"Hanke {n}")
    slug = factory.Sequence(lambda n: f"hanke-{n}")
    kind = ProjectKind.SINGLE
    status = ProjectStatus.PLANNED
    call = factory.SubFactory(CallFactory)
    theme = factory.SelfAttribute("call.theme")

    @classmethod
    def in_status_funded(cls, **kwargs):
        return cls(status=ProjectStatus.IN_IMPLEMENTATION, **kwargs)

    @classmethod
    def in_status_submitted(cls, **kwargs):
        return cls(status=ProjectStatus.SUBMITTED, **kwargs)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    entity = factory.SubFactory(ProjectEntityFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = ApplicationRole.MAIN_IMPLEMENTER
    total_cost = Decimal("100000.00")
    support = Decimal("75000.00")
    own_financing = Decimal("25000.00")

    @classmethod
    def in_status(cls, status: str, **kwargs):
        """A part that has reached `status` (an `ApplicationStatus`), e.g. submitted."""
        return cls(status=status, **kwargs)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    entity = factory.SubFactory(ProjectEntityFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class BudgetItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetItem

    organisation = factory.SubFactory(OrganisationFactory)
    code = "1 50 04"
    name = "Keskitetty hanketoiminta"


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    organisation = factory.SubFactory(OrganisationFactory)
    decision_maker = "Strategiajohtaja"
    decision_maker_kind = "office_holder"
    date = date(2023, 12, 14)
    section = factory.Sequence(lambda n: str(n + 1))
    diary_number = factory.Sequence(lambda n: f"HEL 2023-{n:06d}")
    title = factory.Sequence(lambda n: f"Päätös {n}")


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    decision = factory.SubFactory(DecisionFactory)
    payer = factory.SelfAttribute("decision.organisation")
    budget_item = factory.SubFactory(
        BudgetItemFactory, organisation=factory.SelfAttribute("..payer")
    )
    purpose = "own_financing"
    amount = Decimal("123750.00")
    qualifier = "at_most"
    entity = factory.SubFactory(ProjectEntityFactory)


def service_actor():
    """The user a test's service calls act as: every write names the user who made it."""
    from hankesalkku.core.services import system_actor

    return system_actor("testaaja")


def approved_budget(application, *, decision=None, lines=None, support=None, support_rate=None):
    """The funding decision's approved budget for a part, through the decisions service.

    By default the part's own figures: its total cost as staff costs of its first year, its
    support and rate; a decision of the funding authority on 1.6.2024.
    """
    from hankesalkku.decisions.services import approved_budget_approve
    from hankesalkku.projects.models import CostCategory

    decision = decision or DecisionFactory(date=date(2024, 6, 1))
    total = application.total_cost or Decimal("100000.00")
    lines = lines or [(CostCategory.STAFF, None, total)]
    support = support if support is not None else (application.support or total * Decimal("0.75"))
    rate = (
        support_rate if support_rate is not None else (support / total).quantize(Decimal("0.0001"))
    )
    return approved_budget_approve(
        actor=service_actor(),
        application=application,
        decision=decision,
        lines=lines,
        support=support,
        support_rate=rate,
        starts=application.starts,
        ends=application.ends,
    )
