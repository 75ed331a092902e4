"""`hankesalkku summarise`: rebuild every project entity's summary row in one statement.

The services keep the rows true on every write; a bulk load that bypassed them, or a change
the refresh does not follow (an organisation's abbreviation), is put right with this command.
"""

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from hankesalkku.insights.summary import rebuild_summaries


class Command(BaseCommand):
    help = _("Rakentaa hankekokonaisuuksien yhteenvetorivit uudelleen.")

    def handle(self, *args, **options):
        started = time.perf_counter()
        rows = rebuild_summaries()
        self.stdout.write(
            _("%(rows)s yhteenvetoriviä, %(seconds).1f s")
            % {"rows": rows, "seconds": time.perf_counter() - started}
        )
