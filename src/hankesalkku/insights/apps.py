from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "hankesalkku.insights"
    label = "insights"
    verbose_name = _("Yleiskuva ja viennit")

    def ready(self):
        from .summary import connect

        connect()
