"""HOT-like: Helsinki leads, Forum Virium Helsinki is co-implementer; both parts are prepared and
submitted by their own people, and the funding authority's officer then sees the entity."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hankesalkku.accounts.models import Role
from hankesalkku.applying.models import SubmittedVersion
from hankesalkku.applying.services import (
    application_budget_set,
    application_mark_ready,
    application_part_add,
    application_start,
    application_submit,
    call_rules_set,
)
from hankesalkku.organisations.models import OrganisationType
from hankesalkku.programmes.services import call_update
from hankesalkku.projects.models import Application, ApplicationStatus, ProjectEntity, ProjectStatus
from tests.factories import OrganisationFactory, service_actor

from .factories import FORUM_VIRIUM, HELSINKI, open_call, person

pytestmark = pytest.mark.django_db

STAFF = [{"category": "staff", "year": 2025, "amount": Decimal("120000.00")}]


def _period():
    return {"starts": date(2025, 1, 1), "ends": date(2025, 12, 31)}


@pytest.fixture
def hot():
    call = open_call()
    helsinki = OrganisationFactory(**HELSINKI)
    forum = OrganisationFactory(**FORUM_VIRIUM)
    people = {
        "hel_preparer": person(helsinki, Role.PREPARER),
        "hel_signatory": person(helsinki, Role.SIGNATORY),
        "fvh_preparer": person(forum, Role.PREPARER),
        "fvh_signatory": person(forum, Role.SIGNATORY),
        "officer": person(call.funding_authority, Role.AUTHORITY_OFFICER),
    }
    return call, helsinki, forum, people


def test_two_implementers_prepare_and_submit_and_the_authority_sees_the_entity(hot):
    call, helsinki, forum, people = hot
    lead = application_start(
        actor=people["hel_preparer"],
        call=call,
        organisation=helsinki,
        name="Helsingin osaamiskeskittymä",
        acronym="HOT",
    )
    part = application_part_add(
        actor=people["hel_preparer"], entity=lead.entity, organisation=forum
    )
    lead.refresh_from_db()
    assert lead.role == "main_implementer" and part.role == "co_implementer"
    assert (
        not ProjectEntity.objects.visible_to(people["officer"]).filter(pk=lead.entity.pk).exists()
    )

    lead = application_budget_set(
        actor=people["hel_preparer"],
        application=lead,
        lines=STAFF,
        use_flat_rate=True,
        support=Decimal("126000.00"),
        **_period(),
    )
    assert lead.total_cost == Decimal("168000.00")  # 120 000 + 40 % flat rate 48 000
    assert lead.own_financing == Decimal("42000.00")
    flat = lead.budget_lines.get(category="flat_rate")
    assert flat.amount == Decimal("48000.00") and "40 %" in flat.working
    application_mark_ready(actor=people["hel_preparer"], application=lead)

    part = application_budget_set(
        actor=people["fvh_preparer"],
        application=part,
        lines=[
            {
                "category": "staff",
                "year": 2025,
                "annual_pay": Decimal("45000.00"),
                "hours": Decimal("860"),
            }
        ],
        support=Decimal("15000.00"),
        municipal_financing=Decimal("7497.60"),
        municipal_financing_payer=helsinki,
        **_period(),
    )
    assert part.total_cost == Decimal("22497.60")

    with pytest.raises(PermissionDenied):
        application_submit(actor=people["hel_signatory"], application=part)  # not its own
    application_submit(actor=people["hel_signatory"], application=lead)
    assert ProjectEntity.objects.get(pk=lead.entity.pk).status == ProjectStatus.PLANNED
    application_submit(actor=people["fvh_signatory"], application=part)

    entity = ProjectEntity.objects.visible_to(people["officer"]).get(pk=lead.entity.pk)
    assert entity.status == ProjectStatus.SUBMITTED
    version = SubmittedVersion.objects.get(application=part)
    assert version.figures["financing"]["total_cost"] == "22497.60"
    assert version.figures["lines"][0]["working"].startswith("45\u00a0000,00 € / 1\u00a0720 h")


def test_every_problem_is_listed_with_its_field(hot):
    call, helsinki, forum, people = hot
    lead = application_start(
        actor=people["hel_preparer"], call=call, organisation=helsinki, name="X"
    )
    lead = application_budget_set(
        actor=people["hel_preparer"],
        application=lead,
        lines=STAFF,
        starts=date(2025, 1, 1),
        ends=date(2028, 12, 31),
    )
    with pytest.raises(ValidationError) as refused:
        application_mark_ready(actor=people["hel_preparer"], application=lead)
    fields = refused.value.message_dict
    assert "support" in fields  # no support applied for
    assert "ends" in fields  # 2028 after the call's 2027
    assert Application.objects.get(pk=lead.pk).status == ApplicationStatus.DRAFT


def test_support_rate_over_the_calls_is_refused_by_field(hot):
    call, helsinki, forum, people = hot
    lead = application_start(
        actor=people["hel_preparer"], call=call, organisation=helsinki, name="X"
    )
    with pytest.raises(ValidationError) as refused:  # 100 000 / 120 000 = 83,3 % > 75 %
        application_budget_set(
            actor=people["hel_preparer"],
            application=lead,
            lines=STAFF,
            support=Decimal("100000.00"),
            **_period(),
        )
    assert "ylittää haun enimmäistukiprosentin" in refused.value.message_dict["support"][0]


def test_lump_sum_over_the_ceiling_or_not_allowed_is_refused_and_nothing_saved(hot):
    call, helsinki, forum, people = hot
    lead = application_start(
        actor=people["hel_preparer"], call=call, organisation=helsinki, name="X"
    )
    with pytest.raises(ValidationError) as refused:
        application_budget_set(
            actor=people["hel_preparer"],
            application=lead,
            lines=[{"category": "lump_sum", "year": 2025, "amount": Decimal("50000.00")}],
            **_period(),
        )
    assert "Kertakorvaus ei ole" in str(refused.value.message_dict["budget"])
    call_rules_set(
        actor=people["officer"],
        call=call,
        lump_sum_allowed=True,
        lump_sum_ceiling=Decimal("200000.00"),
    )
    with pytest.raises(ValidationError) as refused:
        application_budget_set(
            actor=people["hel_preparer"],
            application=lead,
            lines=[{"category": "lump_sum", "year": 2025, "amount": Decimal("200000.01")}],
            **_period(),
        )
    assert "ylittää haun enimmäismäärän" in str(refused.value.message_dict["budget"])
    assert not lead.budget_lines.exists()


def test_closed_call_and_ineligible_organisation_are_refused(hot):
    call, helsinki, forum, people = hot
    association = OrganisationFactory(organisation_type=OrganisationType.ASSOCIATION)
    lead = application_start(
        actor=people["hel_preparer"], call=call, organisation=helsinki, name="X"
    )
    with pytest.raises(ValidationError) as refused:
        application_part_add(
            actor=people["hel_preparer"], entity=lead.entity, organisation=association
        )
    assert "organisation" in refused.value.message_dict
    call_update(actor=service_actor(), call=call, opens=date(2019, 1, 1), closes=date(2020, 1, 1))
    with pytest.raises(PermissionDenied):
        application_start(actor=people["hel_preparer"], call=call, organisation=helsinki, name="Y")


def test_a_stale_budget_save_is_refused(hot):
    call, helsinki, forum, people = hot
    lead = application_start(
        actor=people["hel_preparer"], call=call, organisation=helsinki, name="X"
    )
    read_version = lead.version
    application_budget_set(
        actor=people["hel_preparer"],
        application=lead,
        lines=STAFF,
        expected_version=read_version,
        **_period(),
    )
    stale = Application.objects.get(pk=lead.pk)
    with pytest.raises(ValidationError) as refused:
        application_budget_set(
            actor=people["hel_signatory"],
            application=stale,
            lines=[],
            expected_version=read_version,
            **_period(),
        )
    assert "muutettu sillä välin" in str(refused.value)
