"""`import_district_values FILE.csv`: districts' indicator values, all rows or none."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from hankesalkku.core.services import system_actor
from hankesalkku.reporting.services.district_import import (
    COLUMNS,
    district_values_import,
    xlsx_to_text,
)


class Command(BaseCommand):
    help = f"Tuo kaupunginosien indikaattoriarvot CSV-tiedostosta (sarakkeet: {';'.join(COLUMNS)})."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            content = file.read_bytes()
            text = (
                xlsx_to_text(content)
                if content.startswith(b"PK\x03\x04")
                else content.decode("utf-8-sig")
            )
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: {error}") from error
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        try:
            count = district_values_import(actor=system_actor("tuonti"), text=text)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        self.stdout.write(f"{count}")
