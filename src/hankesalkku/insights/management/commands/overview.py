"""`hankesalkku overview`: the overview of any selection as JSON, PPTX, XLSX or PDF.

    hankesalkku overview --format pptx --theme "Lasten, nuorten" -o yleiskuva.pptx
    hankesalkku overview --format json --ministry OKM -o -

A selector takes an id, a slug or a unique case-insensitive part of the name. An unknown or
ambiguous selector stops the command with a message naming the field and a non-zero exit.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from hankesalkku.insights.exports import FORMATS, export_overview
from hankesalkku.insights.selection import FILTER_KEYS, Selection, SelectionError


class Command(BaseCommand):
    help = _("Yleiskuva valituista hankkeista tiedostoksi (json, pptx, xlsx tai pdf).")

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, default="json", help=_("Tiedostomuoto."))
        parser.add_argument(
            "-o", "--output", required=True, help=_("Tiedosto, tai - (vain JSON) tulostaa.")
        )
        parser.add_argument(
            "--lang", choices=("fi", "sv", "en"), default="fi", help=_("Nimien ja tekstien kieli.")
        )
        for key in FILTER_KEYS:
            parser.add_argument(
                f"--{key.replace('_', '-')}",
                dest=key,
                default="",
                help=_("Tunniste, slug tai yksiselitteinen osa nimestä.")
                if key != "status"
                else "Tila(t) pilkuin eroteltuina, 'kaikki' tai 'rahoitetut'.",
            )

    def handle(self, *args, **options):
        fmt, output, language = options["format"], options["output"], options["lang"]
        if output == "-" and fmt != "json":
            raise CommandError(_("Vain JSON voidaan tulostaa (-o -); anna tiedostonimi."))
        params = {key: options.get(key) or "" for key in FILTER_KEYS}
        with translation.override(language):
            try:
                selection = Selection.from_params(params)
            except SelectionError as error:
                raise CommandError("\n".join(error.errors.values())) from error
            exported = export_overview(selection, fmt, language)
        if output == "-":
            sys.stdout.buffer.write(exported.content)
            sys.stdout.flush()
            return
        path = Path(output)
        if path.is_dir():
            path = path / exported.filename
        path.write_bytes(exported.content)
        self.stderr.write(f"{path} ({len(exported.content)} tavua)")
