"""Prepare the demo database and, unless told otherwise, serve it."""

import os

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from hankesalkku.core.services import system_actor
from hankesalkku.demo.loading import load_demo

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "hankesalkku-demo"


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
        if reset:  # flush removed the reference data that migrations loaded
            from hankesalkku.organisations.models import Region
            from hankesalkku.organisations.reference import load_regions
            from hankesalkku.programmes.models import AdministrativeBranch, CostModel, Sector
            from hankesalkku.programmes.reference import load_reference

            load_regions(Region)
            load_reference(AdministrativeBranch, Sector, CostModel)
        result = load_demo(actor=system_actor("hankesalkku-demo"))
        if result.created:
            self.stdout.write(self.style.SUCCESS("Esittelyaineisto ladattu."))
        else:
            self.stdout.write("Esittelyaineisto on jo tietokannassa.")
        for key, quote in result.missing_quotes:
            self.stderr.write(f"Lainausta ei löytynyt asiakirjasta {key}: {quote}")
        User = get_user_model()
        user, _ = User.objects.get_or_create(username=DEMO_USERNAME)
        user.is_staff = user.is_superuser = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        self.stdout.write(
            f"Ylläpitäjä: käyttäjätunnus {DEMO_USERNAME}, salasana {DEMO_PASSWORD} "
            f"({connection.vendor})"
        )
        if not no_serve:
            self.stdout.write(f"Avaa selaimessa http://127.0.0.1:{port}/")
            call_command(
                "runserver", f"127.0.0.1:{port}", use_reloader=False, insecure_serving=True
            )
