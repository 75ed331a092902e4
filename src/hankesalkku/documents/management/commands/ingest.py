"""`hankesalkku ingest PATH... --json | --save`: read documents from the command line.

`--json` only reads (no database needed, so it works before `migrate`) and prints the output
contract; `--save` stores each file for review in the browser. One bad file never stops the
batch: it gets its own Finnish message, and the exit code tells a script that some failed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _
from tqdm import tqdm

from hankesalkku.core.services import system_actor
from hankesalkku.reader import read_document


def expand(paths: list[str]) -> list[tuple[str, Path | None]]:
    """(path as given or found, Path) per file; directories give their files, sorted."""
    files: list[tuple[str, Path | None]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            files.extend((str(p), p) for p in found)
            if not found:
                files.append((given, None))
        else:
            files.append((given, path))
    return files


def _empty_result(source: str, error: str) -> dict:
    return {
        "source": source,
        "sha256": None,
        "kind": "unknown",
        "fields": {},
        "organisations": [],
        "amounts": [],
        "calls": [],
        "districts": [],
        "errors": [error],
    }


class Command(BaseCommand):
    help = _(
        "Lue asiakirjoja: --json tulostaa luetut tiedot, --save tallentaa ne tarkistettaviksi."
    )
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help=_("Tiedostoja tai kansioita."))
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument("--json", action="store_true", help=_("Tulosta JSON; ei muuta mitään."))
        mode.add_argument("--save", action="store_true", help=_("Tallenna tarkistettaviksi."))
        parser.add_argument(
            "--user",
            default="",
            help=_("Käyttäjätunnus, jonka nimiin tallennus kirjataan (oletus hankesalkku-ingest)."),
        )

    def handle(self, *args, **options):
        self.user = options["user"] or "hankesalkku-ingest"
        files = expand(options["paths"])
        progress = tqdm(
            files, file=sys.stderr, unit="tiedosto", disable=len(files) < 2, leave=False
        )
        failed = 0
        results = []
        for source, path in progress:
            data, problem = self._load(source, path)
            if options["json"]:
                ok, item = self._json_one(source, data, problem)
                results.append(item)
            else:
                ok = self._save_one(source, data, problem)
            failed += not ok
        if options["json"]:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
        if failed:
            raise CommandError(
                f"{failed}/{len(files)} tiedostoa epäonnistui; katso viestit yllä.", returncode=1
            )

    def _say(self, message: str) -> None:
        with tqdm.external_write_mode(file=sys.stderr):
            self.stderr.write(message)

    def _load(self, source: str, path: Path | None) -> tuple[bytes | None, str | None]:
        from hankesalkku.documents.services.reading import size_refusal

        if path is None:
            return None, _("Kansiossa %(path)s ei ole tiedostoja.") % {"path": source}
        try:
            if not path.exists():
                return None, _("Tiedostoa %(path)s ei löydy.") % {"path": source}
            refusal = size_refusal(source, path.stat().st_size)
            if refusal:
                return None, refusal
            return path.read_bytes(), None
        except OSError as error:
            return None, _("Tiedostoa %(path)s ei voi lukea (%(error)s).") % {
                "path": source,
                "error": error.strerror or error,
            }

    def _json_one(self, source: str, data: bytes | None, problem: str | None):
        from hankesalkku.documents.services.reading import read_failure

        if data is None:
            self._say(problem)
            return False, _empty_result(source, problem)
        result = read_document(data, source)
        item = result.to_json_dict()
        item["source"] = source
        failure = read_failure(result)
        if failure:
            if failure not in item["errors"]:
                item["errors"].append(failure)
            self._say(failure)
        return failure is None, item

    def _save_one(self, source: str, data: bytes | None, problem: str | None) -> bool:
        from hankesalkku.documents.services import DocumentRefused, document_ingest

        if data is None:
            self._say(problem)
            return False
        try:
            document, extraction = document_ingest(
                actor=system_actor(self.user), data=data, filename=source
            )
        except DocumentRefused as refused:
            self._say(str(refused))
            return False
        except DatabaseError as error:
            raise CommandError(
                _("Tietokantaa ei voi käyttää (%(error)s); aja ensin: hankesalkku migrate")
                % {"error": error}
            ) from error
        state = "uusi" if extraction.is_new else "jo tallennettu (sama sisältö)"
        self.stdout.write(
            f"{source}: {state}, {extraction.get_kind_display()}, "
            f"{extraction.value_count} arvoa tarkistettavana → /asiakirjat/{document.pk}/tarkista/"
        )
        for warning in extraction.warning_texts() if extraction.is_new else []:
            self.stdout.write(f"  huom: {warning}")
        return True
