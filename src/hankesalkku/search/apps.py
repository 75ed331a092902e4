from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Search across the records with Finnish and Swedish morphology (see lemmas.py)."""

    name = "hankesalkku.search"
    label = "search"
    verbose_name = _("Haku")

    def ready(self):
        from hankesalkku.core.services import records_written

        from .services import on_records_written

        records_written.connect(on_records_written, dispatch_uid="search-index")
