"""The implementer is reminded of a report before its due date and again when it is late,
once each, by the daily task; the start page shows implementers their reports due and officers
the reports waiting for them. The date is passed in: nothing waits for a real day to pass."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from hankesalkku.accounts.models import Role
from hankesalkku.projects.models import ApplicationStatus
from hankesalkku.reporting import services, start
from hankesalkku.reporting.models import ReportReminder
from hankesalkku.reporting.tasks import report_reminders_run
from tests.assessment.factories import grant
from tests.factories import (
    ApplicationFactory,
    OrganisationFactory,
    ProjectEntityFactory,
    UserFactory,
    service_actor,
)

from .factories import framework_call

pytestmark = pytest.mark.django_db


@pytest.fixture
def part():
    call = framework_call()
    entity = ProjectEntityFactory.in_status_funded(
        call=call, theme=call.theme, name="Malmin näyttämö"
    )
    part = ApplicationFactory.in_status(
        ApplicationStatus.FUNDED,
        entity=entity,
        starts=datetime.date(2025, 1, 1),
        ends=datetime.date(2027, 12, 31),
    )
    services.report_periods_create_yearly(
        actor=service_actor(), call=call, first_year=2025, last_year=2025
    )  # due 31.1.2026
    grant(
        UserFactory(email="valmistelija@example.org"), Role.PREPARER, organisation=part.organisation
    )
    return part


def send(day):
    return services.report_reminders_send(actor=service_actor(), today=day)


def test_reminded_two_weeks_before_the_due_date_once(part):
    assert send(datetime.date(2026, 1, 10)) == 0  # three weeks before: not yet
    assert send(datetime.date(2026, 1, 20)) == 1
    [message] = mail.outbox
    assert message.to == ["valmistelija@example.org"]
    assert message.subject == "Raportti erääntyy 31.1.2026: Malmin näyttämö"
    assert send(datetime.date(2026, 1, 21)) == 0  # the same reminder is not sent twice
    assert len(mail.outbox) == 1


def test_reminded_again_when_late(part):
    send(datetime.date(2026, 1, 20))
    assert send(datetime.date(2026, 2, 1)) == 1
    assert mail.outbox[-1].subject == "Raportti on myöhässä: Malmin näyttämö"
    assert "olisi pitänyt lähettää 31.1.2026 mennessä" in mail.outbox[-1].body


def test_a_sent_report_is_not_reminded(part):
    actor = service_actor()
    period = part.entity.call.report_periods.get()
    indicator = services.indicator_create(actor=actor, name="Asukkaat", call=part.entity.call)
    report = services.report_create(actor=actor, application=part, period=period)
    services.report_update(actor=actor, report=report, values={indicator.pk: "3"})
    services.report_submit(actor=actor, report=report)
    assert send(datetime.date(2026, 2, 1)) == 0 and mail.outbox == []


def test_the_task_and_the_command_take_the_date(part):
    assert report_reminders_run.call("2026-01-20") == 1
    call_command("send_report_reminders", "--date", "2026-02-02")
    assert ReportReminder.objects.count() == 2


def test_start_panels_for_implementer_and_officer(part):
    preparer = UserFactory()
    grant(preparer, Role.PREPARER, organisation=part.organisation)
    assert [p.url for p in start.panels(preparer)] == ["/raportit/erapaivat/"]
    call = part.entity.call
    call.funding_authority = OrganisationFactory(name="Hämeen ELY-keskus")
    call.save()
    officer = UserFactory()
    grant(officer, Role.AUTHORITY_OFFICER, organisation=call.funding_authority)
    assert "/raportit/odottavat/" in [p.url for p in start.panels(officer)]
    assert start.panels(UserFactory()) == []
