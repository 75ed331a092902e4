"""A small portfolio built from factories, for tests that must not depend on the demo data."""

from decimal import Decimal

import pytest

from hankesalkku.organisations.models import OrganisationType, Region
from hankesalkku.programmes.models import Sector
from hankesalkku.projects.models import ProjectKind, ProjectStatus
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectEntityFactory,
)


@pytest.fixture
def portfolio(db):
    """Three funded entities of one call (OKM, STM, OKM+STM) and one rejected one.

    Oulu leads a group project with an association; Helsinki and a Helsinki unit's partner
    sit in Helsinki; nothing is in Kanta-Häme or Åland.
    """
    okm = OrganisationFactory.ministry("OKM", slug="okm")
    stm = OrganisationFactory.ministry("STM", slug="stm")
    call = CallFactory(name="Testihaku lapsille", slug="testihaku")
    regions = {r.slug: r for r in Region.objects.all()}
    sectors = {s.slug: s for s in Sector.objects.all()}
    oulu = OrganisationFactory(
        name="Oulun kaupunki", slug="oulu", region=regions["pohjois-pohjanmaa"]
    )
    helsinki = OrganisationFactory(
        name="Helsingin kaupunki", slug="helsinki", region=regions["helsinki"]
    )
    unit = OrganisationFactory(name="Annantalo", slug="annantalo", parent=helsinki, region=None)
    association = OrganisationFactory(
        name="Lasten liitto ry",
        slug="lasten-liitto",
        organisation_type=OrganisationType.ASSOCIATION,
        region=regions["keski-suomi"],
    )

    group = ProjectEntityFactory.in_status_funded(
        name="Ryhmähanke", slug="ryhmahanke", kind=ProjectKind.GROUP, call=call
    )
    group.funding_ministries.set([okm])
    group.sectors.set([sectors["perusopetus"], sectors["lastensuojelu"]])
    ApplicationFactory(entity=group, organisation=oulu)
    ApplicationFactory(entity=group, organisation=association, role="co_implementer")
    PartnerFactory(entity=group, organisation=unit)

    single = ProjectEntityFactory.in_status_funded(name="Yksin", slug="yksin", call=call)
    single.funding_ministries.set([stm])
    single.sectors.set([sectors["neuvola-ja-perheneuvola"]])
    ApplicationFactory(
        entity=single,
        organisation=helsinki,
        unit=unit,
        total_cost=Decimal("495000.00"),
        support=Decimal("371250.00"),
        own_financing=Decimal("123750.00"),
    )

    joint = ProjectEntityFactory(
        name="Yhteinen", slug="yhteinen", call=call, status=ProjectStatus.SELECTED
    )
    joint.funding_ministries.set([okm, stm])
    joint.sectors.set([sectors["perusopetus"], sectors["liikuntapalvelut"]])
    ApplicationFactory(entity=joint, organisation=association)

    rejected = ProjectEntityFactory(
        name="Hylätty", slug="hylatty", call=call, status=ProjectStatus.REJECTED
    )
    rejected.funding_ministries.set([okm])
    ApplicationFactory(entity=rejected, organisation=oulu)
    return {
        "call": call,
        "okm": okm,
        "stm": stm,
        "helsinki": helsinki,
        "unit": unit,
        "oulu": oulu,
        "association": association,
        "group": group,
        "single": single,
        "joint": joint,
        "rejected": rejected,
    }
