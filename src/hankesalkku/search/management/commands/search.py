"""`hankesalkku search QUERY [--json]`: the results page on the command line, as the public
sees it (drafts left out); `--rebuild` analyses every record again."""

import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from hankesalkku.core.services import system_actor


class Command(BaseCommand):
    help = _("Hakee hankkeita, organisaatioita, päätöksiä, hakuja ja asiakirjoja.")

    def add_arguments(self, parser):
        parser.add_argument("query", nargs="*", help=_("hakusanat"))
        parser.add_argument("--json", action="store_true", help=_("tulokset JSON-muodossa"))
        parser.add_argument("--kind", default="", help=_("vain yksi laji (project, decision, …)"))
        parser.add_argument("--rebuild", action="store_true", help=_("rakenna hakuindeksi alusta"))

    def handle(self, *args, **options):
        from django.contrib.auth.models import AnonymousUser

        from hankesalkku.search.query import search
        from hankesalkku.search.services import search_index_rebuild

        if options["rebuild"]:
            count = search_index_rebuild(actor=system_actor("hankesalkku-search"))
            self.stderr.write(_("Hakuindeksissä %(n)d tietuetta.") % {"n": count})
        if not options["query"]:
            return
        results = search(AnonymousUser(), " ".join(options["query"]), kind=options["kind"])
        if options["json"]:
            self.stdout.write(json.dumps(results.as_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(_("%(n)d tulosta") % {"n": results.total})
        for hit in results.hits:
            self.stdout.write(f"{hit.entry.kind}\t{hit.entry.title}\t{hit.entry.url}")
