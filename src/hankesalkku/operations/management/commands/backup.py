"""`hankesalkku backup -o FILE`: the whole database and its stored originals in one file."""

from django.core.management.base import BaseCommand, CommandError

from hankesalkku.operations.backup import ENGINE_NAMES, BackupError, backup


class Command(BaseCommand):
    help = (
        "Varmuuskopioi koko tietokannan ja tallennetut alkuperäiset tiedostot yhteen tiedostoon "
        "(SQLite: online backup; PostgreSQL: pg_dump). Palvelin saa olla käynnissä."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            metavar="FILE",
            help="Varmuuskopiotiedosto (.tar.gz); syntyy vasta valmiina.",
        )

    def handle(self, *args, output, **options):
        try:
            manifest = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        originals = sum(len(column["sha256"]) for column in manifest["originals"])
        self.stdout.write(
            f"Varmuuskopio {output}: {ENGINE_NAMES[manifest['engine']]}, "
            f"{len(manifest['tables'])} taulua, {rows} riviä, {originals} alkuperäistä "
            f"tiedostoa, {len(manifest['media'])} mediatiedostoa ({manifest['created']})."
        )
