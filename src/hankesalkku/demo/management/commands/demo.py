"""Prepare the demo database and, unless told otherwise, serve it."""

import os

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.operations import RunPython

from hankesalkku.core.services import system_actor
from hankesalkku.demo.loading import load_demo
from hankesalkku.demo.services import demo_administrator_reset

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "hankesalkku-demo"


def replay_data_migrations() -> None:
    """After `flush` the migrations still count as applied but their reference data is gone
    (regions, sectors, cost models): run the project's data migrations again, in order."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes(), clean_start=True)
    for migration, _backwards in plan:
        if not apps.get_app_config(migration.app_label).name.startswith("hankesalkku."):
            continue
        for operation in migration.operations:
            if isinstance(operation, RunPython):
                operation.code(apps, None)


class Command(BaseCommand):
    help = "Luo tietokannan, lataa esittelyaineiston ja käynnistää palvelimen."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Valmistele vain tietokanta.")
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--reset", action="store_true", help="Tyhjennä tietokanta ensin.")

    def handle(self, *args, no_serve=False, port="8000", reset=False, **options):
        if reset:
            call_command("flush", interactive=False, verbosity=0)
        call_command("migrate", interactive=False, verbosity=0)
        if reset:
            replay_data_migrations()
        actor = system_actor("hankesalkku-demo")
        result = load_demo(actor=actor)
        if result.created:
            self.stdout.write(self.style.SUCCESS("Esittelyaineisto ladattu."))
        else:
            self.stdout.write("Esittelyaineisto on jo tietokannassa.")
        for key, quote in result.missing_quotes:
            self.stderr.write(f"Lainausta ei löytynyt asiakirjasta {key}: {quote}")
        demo_administrator_reset(actor=actor, username=DEMO_USERNAME, password=DEMO_PASSWORD)
        self.stdout.write(
            f"Ylläpitäjä: käyttäjätunnus {DEMO_USERNAME}, salasana {DEMO_PASSWORD} "
            f"({connection.vendor})"
        )
        if not no_serve:
            self.stdout.write(f"Avaa selaimessa http://127.0.0.1:{port}/")
            call_command(
                "runserver", f"127.0.0.1:{port}", use_reloader=False, insecure_serving=True
            )
