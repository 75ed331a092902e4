from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """Open data: 360Giving, the EU list of operations and the schedule of calls."""

    name = "hankesalkku.opendata"
    label = "opendata"
    verbose_name = _("Avoin data")
