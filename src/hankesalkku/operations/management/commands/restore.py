"""`hankesalkku restore FILE [--force]`: put a backup back, checked before and after."""

from django.core.management.base import BaseCommand, CommandError

from hankesalkku.operations.backup import (
    ENGINE_NAMES,
    BackupError,
    pending_migrations,
    restore,
)


class Command(BaseCommand):
    help = (
        "Palauttaa komennon `hankesalkku backup` tekemän varmuuskopion. Tarkistaa tiedoston "
        "luetteloa vasten ennen kuin kirjoittaa mitään, eikä korvaa tietoja sisältävää "
        "tietokantaa ilman valitsinta --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="Varmuuskopiotiedosto.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Korvaa tietokanta, vaikka siinä on jo tietoja.",
        )

    def handle(self, *args, file, force=False, **options):
        try:
            manifest = restore(file, force=force, say=self.stderr.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        originals = sum(len(column["sha256"]) for column in manifest["originals"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Palautettu {file} ({manifest['created']}): "
                f"{ENGINE_NAMES[manifest['engine']]}, {rows} riviä, {originals} alkuperäistä "
                "tiedostoa; rivimäärät ja tarkisteet täsmäävät."
            )
        )
        pending = pending_migrations(manifest)
        if pending:
            self.stdout.write(
                f"Varmuuskopio on vanhemmasta versiosta ({len(pending)} migraatiota "
                "puuttuu); aja seuraavaksi: hankesalkku migrate"
            )
