"""The daily reminder run as a background task (Django's task framework, as configured in
settings): `hankesalkku send_report_reminders` enqueues nothing and runs it at once, a scheduler
(cron or the operator's timer) can enqueue this task instead. The date is an argument so that a
run late in the night still reminds about the day it was meant for."""

from __future__ import annotations

import datetime

from django_tasks import task

from hankesalkku.core.services import system_actor

from .services import report_reminders_send


@task()
def report_reminders_run(day: str | None = None) -> int:
    """Send the reminders of `day` (ISO date, default today); returns how many were sent."""
    today = datetime.date.fromisoformat(day) if day else datetime.date.today()
    return report_reminders_send(actor=system_actor("hankesalkku-muistutukset"), today=today)
