"""Prepare the demo database and, unless told otherwise, serve it."""

import os

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.operations import RunPython
from django.utils.translation import gettext as _

from hankesalkku.core.services import system_actor
from hankesalkku.demo.loading import demo_loaded, load_demo
from hankesalkku.demo.users import DEMO_PASSWORD, PEOPLE, demo_people

DEMO_USERNAME = "demo"
SYSTEM_USERNAME = "hankesalkku-demo"


def holds_other_data() -> bool:
    """A database with records or people that the demo did not make: never write the demo's
    known passwords into it."""
    from django.contrib.auth import get_user_model

    from hankesalkku.organisations.models import Organisation

    if demo_loaded():
        return False
    demo_names = {p.username for p in PEOPLE} | {SYSTEM_USERNAME}
    users = get_user_model()._default_manager.exclude(username__in=demo_names)
    return Organisation.objects.exists() or users.exists()


class _DataOnlyEditor:
    """What a replayed RunPython step gets as its schema editor: the connection, for steps that
    ask which database they run on, and an `execute` that does nothing, because `flush` kept the
    schema (indexes a step once created are still there) and only the data is gone."""

    def __init__(self, connection):
        self.connection = connection

    def execute(self, sql, params=()):
        return None


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
                operation.code(apps, _DataOnlyEditor(connection))


class Command(BaseCommand):
    help = _("Luo tietokannan, lataa esittelyaineiston ja käynnistää palvelimen.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-serve", action="store_true", help=_("Valmistele vain tietokanta.")
        )
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--reset", action="store_true", help=_("Tyhjennä tietokanta ensin."))

    def handle(self, *args, no_serve=False, port="8000", reset=False, **options):
        if reset:
            call_command("flush", interactive=False, verbosity=0)
        call_command("migrate", interactive=False, verbosity=0)
        if reset:
            replay_data_migrations()
        if holds_other_data():
            raise CommandError(
                _(
                    "Tietokannassa on muita kuin esittelyaineiston tietoja; esittely ei kirjoita "
                    "siihen tunnuksia tunnetuilla salasanoilla. Käytä tyhjää tietokantaa "
                    "(esim. DATABASE_URL) tai tyhjennä se ensin: hankesalkku demo --reset."
                )
            )
        actor = system_actor(SYSTEM_USERNAME)
        result = load_demo(actor=actor)
        if result.created:
            self.stdout.write(self.style.SUCCESS(_("Esittelyaineisto ladattu.")))
        else:
            self.stdout.write(_("Esittelyaineisto on jo tietokannassa."))
        for key, quote in result.missing_quotes:
            self.stderr.write(
                _("Lainausta ei löytynyt asiakirjasta %(key)s: %(quote)s")
                % {"key": key, "quote": quote}
            )
        people = demo_people(actor=actor)
        self.stdout.write(
            _("Esittelyn käyttäjät (%(engine)s), salasana %(password)s:")
            % {"engine": connection.vendor, "password": DEMO_PASSWORD}
        )
        for person, secret in people:
            totp = "  " + _("TOTP-salaisuus %(secret)s") % {"secret": secret} if secret else ""
            self.stdout.write(f"  {person.username:<26} {person.description}{totp}")
        self.stdout.write(
            _(
                "Kaksivaiheinen tunnistautuminen: lisää TOTP-salaisuus todennussovellukseen "
                "(esim. käsin syöttämällä) ja anna sen näyttämä koodi kirjautuessa."
            )
        )
        if not no_serve:
            self.stdout.write(_("Avaa selaimessa %(url)s") % {"url": f"http://127.0.0.1:{port}/"})
            call_command(
                "runserver", f"127.0.0.1:{port}", use_reloader=False, insecure_serving=True
            )
