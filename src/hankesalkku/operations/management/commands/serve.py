"""`hankesalkku serve`: the production server, gunicorn with `operations/gunicorn_conf.py`.

Before it starts it refuses a database with unapplied migrations and collects the static files
into STATIC_ROOT when they changed (whitenoise serves them from there). Then gunicorn replaces
this process, so a service manager's signals reach gunicorn's master directly.
"""

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

from hankesalkku.operations.static import collect_static_if_needed

CONFIG = "python:hankesalkku.operations.gunicorn_conf"


class Command(BaseCommand):
    help = (
        "Käynnistää tuotantopalvelimen (gunicorn, staattiset tiedostot whitenoisella). "
        "Asetukset ympäristömuuttujista, ks. hankesalkku/operations/gunicorn_conf.py."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bind", help="Osoite ja portti (oletus 127.0.0.1:8000).")
        parser.add_argument("--workers", type=int, help="Prosessien määrä (oletus 2 × ytimet + 1).")
        parser.add_argument("--threads", type=int, help="Säikeitä prosessia kohden (oletus 1).")
        parser.add_argument(
            "--no-collectstatic",
            action="store_true",
            help="Älä kokoa staattisia tiedostoja (STATIC_ROOT on koottu muualla).",
        )

    def handle(self, *args, bind=None, workers=None, threads=None, **options):
        try:
            executor = MigrationExecutor(connection)
            pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        except DatabaseError as error:
            raise CommandError(f"Tietokantaa ei voi käyttää: {error}") from error
        if pending:
            raise CommandError(
                f"Tietokannasta puuttuu {len(pending)} migraatiota; aja ensin: hankesalkku migrate"
            )
        connection.close()
        if not options["no_collectstatic"] and collect_static_if_needed(call_command):
            self.stderr.write("Staattiset tiedostot koottu.")
        environment = dict(os.environ, DJANGO_SETTINGS_MODULE="hankesalkku.settings")
        for name, value in (
            ("HANKESALKKU_BIND", bind),
            ("HANKESALKKU_WORKERS", workers),
            ("HANKESALKKU_THREADS", threads),
        ):
            if value:
                environment[name] = str(value)
        sys.stdout.flush()
        sys.stderr.flush()
        command = [sys.executable, "-m", "gunicorn", "--config", CONFIG]
        os.execve(sys.executable, command, environment)
