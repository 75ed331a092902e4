from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data and its command: the top layer, built through every app's services."""

    name = "hankesalkku.demo"
    label = "demo"
    verbose_name = _("Esittelyaineisto")
