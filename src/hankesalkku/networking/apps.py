from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkingConfig(AppConfig):
    """Who works on what: similar projects and organisations by sector and region, so the
    coordination can introduce projects that work on the same things to each other."""

    name = "hankesalkku.networking"
    label = "networking"
    verbose_name = _("Verkostoituminen")
