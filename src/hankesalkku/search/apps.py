from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Search across the records with Finnish and Swedish morphology (see lemmas.py)."""

    name = "hankesalkku.search"
    label = "search"
    verbose_name = _("Haku")

    def ready(self):
        from django.db.models.signals import pre_delete

        from hankesalkku.core.services import records_written

        from .records import KIND_OF_MODEL
        from .services import on_record_deleted, on_records_written

        records_written.connect(on_records_written, dispatch_uid="search-index")
        # A deleted record has lost its id by the time the service reports it: its entry goes
        # while the id is known, in the same transaction.
        for model in KIND_OF_MODEL:
            pre_delete.connect(on_record_deleted, sender=model, dispatch_uid=f"search-{model}")
