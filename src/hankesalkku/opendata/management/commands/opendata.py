"""`hankesalkku opendata --format FMT -o FILE|-`: an open-data file as the page serves it."""

import sys

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _("Kirjoittaa avoimen datan tiedoston (360Giving, toimenpideluettelo, hakuaikataulu).")

    def add_arguments(self, parser):
        from hankesalkku.opendata.formats import FORMATS

        parser.add_argument("--format", required=True, choices=sorted(FORMATS))
        parser.add_argument("-o", "--output", required=True, help=_("tiedosto tai - (tuloste)"))

    def handle(self, *args, **options):
        from hankesalkku.opendata.formats import open_file

        produced = open_file(options["format"])
        if options["output"] == "-":
            sys.stdout.buffer.write(produced.content)
            sys.stdout.buffer.flush()
            return
        with open(options["output"], "wb") as out:
            out.write(produced.content)
        self.stderr.write(_("Kirjoitettu: %(path)s") % {"path": options["output"]})
