"""Bad input to HOT's financing plan and to the call: each is refused with a Finnish message
naming its field, and the refused step leaves the database as it was (no status moved, no
version frozen, no line or part half-written, nobody told)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from hankesalkku.accounts.models import Role
from hankesalkku.applying.models import BudgetLine, SubmittedVersion
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
from hankesalkku.projects.models import Application, ApplicationStatus, ProjectEntity
from hankesalkku.projects.services import project_entity_update
from tests.factories import (
    BudgetItemFactory,
    CommitmentFactory,
    DecisionFactory,
    OrganisationFactory,
    service_actor,
)

from .factories import FORUM_VIRIUM, HELSINKI, open_call, person
from .test_group_application import _period
from .test_supplement import _ask_for_supplement

pytestmark = pytest.mark.django_db

HELSINKI_STAFF = [{"category": "staff", "year": 2025, "amount": Decimal("200000.00")}]
FORUM_SERVICES = [{"category": "purchased_services", "year": 2025, "amount": Decimal("100000.00")}]


def _database():
    """Everything a refused step could have half-written."""
    return (
        list(Application.objects.order_by("pk").values()),
        list(BudgetLine.objects.order_by("pk").values()),
        list(ProjectEntity.objects.order_by("pk").values()),
        SubmittedVersion.objects.count(),
        len(mail.outbox),
    )


def _refused(field, words, step, **kwargs):
    """`step` is refused naming `field` in Finnish, and nothing is saved."""
    before = _database()
    with pytest.raises(ValidationError) as refused:
        step(**kwargs)
    messages = " ".join(refused.value.message_dict.get(field, []))
    assert words in messages, refused.value.message_dict
    assert _database() == before
    return messages


@pytest.fixture
def hot():
    """HOT as a group project: Helsinki leads, Forum Virium Helsinki's part is paid in part by
    Helsinki's budget item 1 50 04, each part with a budget that passes."""
    call = open_call()
    helsinki, forum = OrganisationFactory(**HELSINKI), OrganisationFactory(**FORUM_VIRIUM)
    people = {
        "hel_preparer": person(helsinki, Role.PREPARER),
        "hel_signatory": person(helsinki, Role.SIGNATORY),
        "fvh_preparer": person(forum, Role.PREPARER),
        "fvh_signatory": person(forum, Role.SIGNATORY),
        "officer": person(call.funding_authority, Role.AUTHORITY_OFFICER),
    }
    lead = application_start(
        actor=people["hel_preparer"], call=call, organisation=helsinki, name="HOT", acronym="HOT"
    )
    part = application_part_add(
        actor=people["hel_preparer"], entity=lead.entity, organisation=forum
    )
    lead = application_budget_set(
        actor=people["hel_preparer"],
        application=Application.objects.get(pk=lead.pk),
        lines=HELSINKI_STAFF,
        support=Decimal("150000.00"),
        **_period(),
    )
    item = BudgetItemFactory(organisation=helsinki)
    part = application_budget_set(
        actor=people["fvh_preparer"],
        application=part,
        lines=FORUM_SERVICES,
        support=Decimal("75000.00"),
        municipal_financing=Decimal("25000.00"),
        municipal_financing_payer=helsinki,
        municipal_financing_budget_item=item,
        **_period(),
    )
    return {
        "call": call,
        "helsinki": helsinki,
        "forum": forum,
        "item": item,
        **people,
        "lead": lead,
        "part": part,
    }


def _fvh_budget(hot, **financing):
    """Forum Virium Helsinki's preparer saves its draft with `financing` changed."""
    values = {
        "support": Decimal("75000.00"),
        "municipal_financing": Decimal("25000.00"),
        "municipal_financing_payer": hot["helsinki"],
        "municipal_financing_budget_item": hot["item"],
        **financing,
    }
    return application_budget_set(
        actor=hot["fvh_preparer"],
        application=Application.objects.get(pk=hot["part"].pk),
        lines=FORUM_SERVICES,
        **values,
        **_period(),
    )


def _mark_ready(hot, key="part"):
    return {
        "step": application_mark_ready,
        "actor": hot["fvh_preparer" if key == "part" else "hel_preparer"],
        "application": Application.objects.get(pk=hot[key].pk),
    }


def _submit(hot, key="part"):
    return {
        "step": application_submit,
        "actor": hot["fvh_signatory" if key == "part" else "hel_signatory"],
        "application": Application.objects.get(pk=hot[key].pk),
    }


def test_a_municipal_share_without_its_payer_is_refused_at_ready_and_submit(hot):
    _fvh_budget(hot, municipal_financing_payer=None, municipal_financing_budget_item=None)
    for step in (_mark_ready(hot), _submit(hot)):
        message = _refused("municipal_financing_payer", "kerro, mikä kunta maksaa", **step)
        assert message.startswith("Kuntarahoituksen maksaja")
    assert Application.objects.get(pk=hot["part"].pk).status == ApplicationStatus.DRAFT


def test_a_budget_item_that_is_not_the_payers_is_refused(hot):
    espoo_item = BudgetItemFactory(organisation=OrganisationFactory(name="Espoon kaupunki"))
    _fvh_budget(hot, municipal_financing_budget_item=espoo_item)
    for step in (_mark_ready(hot), _submit(hot)):
        message = _refused("municipal_financing_budget_item", "ei ole maksajan", **step)
        assert message.startswith("Talousarviokohta 1 50 04") or "1 50 04" in message
        assert "Helsingin kaupunki" in message


def test_a_municipal_share_larger_than_the_citys_commitment_is_refused(hot):
    CommitmentFactory(  # 63 §: Helsinki pays at most 73 250 € of Forum Virium Helsinki's part
        decision=DecisionFactory(organisation=hot["helsinki"], section="63"),
        payer=hot["helsinki"],
        budget_item=hot["item"],
        purpose="municipal_financing",
        amount=Decimal("73250.00"),
        qualifier="at_most",
        entity=hot["lead"].entity,
        beneficiary=hot["forum"],
    )
    _fvh_budget(hot, support=Decimal("0.00"), municipal_financing=Decimal("73250.01"))
    for step in (_mark_ready(hot), _submit(hot)):
        message = _refused("municipal_financing", "enemmän kuin maksajan päätöksessä", **step)
        assert "73\u00a0250,01" in message and "enintään 73\u00a0250" in message


def test_parts_that_together_pass_the_entitys_ceiling_are_refused(hot):
    project_entity_update(  # "koko hanke enintään": the two parts are 300 000 € together
        actor=service_actor(), entity=hot["lead"].entity, max_total_cost=Decimal("250000.00")
    )
    for key in ("lead", "part"):
        for step in (_mark_ready(hot, key), _submit(hot, key)):
            message = _refused("total_cost", "enemmän kuin koko hankkeen enimmäismäärä", **step)
            assert "300\u00a0000,00" in message and "250\u00a0000,00" in message


def test_after_the_call_has_closed_only_a_supplement_is_submitted(hot):
    lead = application_submit(
        actor=hot["hel_signatory"], application=Application.objects.get(pk=hot["lead"].pk)
    )
    _ask_for_supplement(lead, hot["officer"], date.today() + timedelta(days=14))
    application_mark_ready(
        actor=hot["fvh_preparer"], application=Application.objects.get(pk=hot["part"].pk)
    )
    call_update(actor=service_actor(), call=hot["call"], closes=date.today() - timedelta(days=1))

    message = _refused("status", "Haku on päättynyt", **_submit(hot))
    assert "ei voi enää lähettää" in message
    assert Application.objects.get(pk=hot["part"].pk).status == ApplicationStatus.READY

    supplement = application_submit(
        actor=hot["hel_signatory"], application=Application.objects.get(pk=hot["lead"].pk)
    )
    assert supplement.status == ApplicationStatus.SUBMITTED
    assert [v.number for v in supplement.submitted_versions.all()] == [1, 2]


def test_a_support_rate_above_the_calls_is_refused_and_the_draft_kept(hot):
    message = _refused(  # 80 000 / 100 000 = 80 % > the call's 75 %
        "support",
        "ylittää haun enimmäistukiprosentin",
        application_budget_set,
        actor=hot["fvh_preparer"],
        application=Application.objects.get(pk=hot["part"].pk),
        lines=FORUM_SERVICES,
        support=Decimal("80000.00"),
        municipal_financing=Decimal("0.00"),
        **_period(),
    )
    assert message.startswith("Tukiprosentti 80")
    assert Application.objects.get(pk=hot["part"].pk).support == Decimal("75000.00")


def test_a_lump_sum_not_allowed_or_over_the_ceiling_is_refused(hot):
    lump = [{"category": "lump_sum", "year": 2025, "amount": Decimal("200000.01")}]
    step = {
        "actor": hot["hel_preparer"],
        "application": Application.objects.get(pk=hot["lead"].pk),
        "lines": lump,
        **_period(),
    }
    _refused("budget", "Kertakorvaus ei ole tässä haussa sallittu", application_budget_set, **step)
    call_rules_set(
        actor=service_actor(),
        call=hot["call"],
        lump_sum_allowed=True,
        lump_sum_ceiling=Decimal("200000.00"),
    )
    message = _refused("budget", "ylittää haun enimmäismäärän", application_budget_set, **step)
    assert "200\u00a0000,01" in message and "200\u00a0000,00" in message
    assert list(hot["lead"].budget_lines.values_list("category", "amount")) == [
        ("staff", Decimal("200000.00"))
    ]


def test_a_co_implementer_of_an_ineligible_organisation_type_is_not_invited(hot):
    association = OrganisationFactory(
        name="Nuorten Akatemia ry", organisation_type=OrganisationType.ASSOCIATION
    )
    message = _refused(
        "organisation",
        "ei ole tässä haussa hakukelpoinen",
        application_part_add,
        actor=hot["hel_preparer"],
        entity=hot["lead"].entity,
        organisation=association,
    )
    assert message.startswith("Organisaatiotyyppi")
    assert not Application.objects.filter(organisation=association).exists()
