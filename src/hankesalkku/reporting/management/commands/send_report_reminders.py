"""`send_report_reminders [--date YYYY-MM-DD] [--enqueue]`: e-mail implementers about reports
due within two weeks and reports that are late; each reminder is sent once."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from hankesalkku.reporting.tasks import report_reminders_run


class Command(BaseCommand):
    help = "Muistuttaa toteuttajia erääntyvistä ja myöhässä olevista raporteista sähköpostilla."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="päivä, jonka muistutukset lähetetään (oletus tänään)")
        parser.add_argument("--enqueue", action="store_true", help="jonoon taustatyöksi")

    def handle(self, *args, date=None, enqueue=False, **options):
        if date:
            try:
                datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(f"--date: {date!r} ei ole päivämäärä (VVVV-KK-PP).") from error
        if enqueue:
            result = report_reminders_run.enqueue(date)
            self.stdout.write(f"{result.id}")
            return
        self.stdout.write(f"{report_reminders_run.call(date)}")
