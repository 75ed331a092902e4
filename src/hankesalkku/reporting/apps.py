from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "hankesalkku.reporting"
    verbose_name = _("Raportointi ja vaikuttavuus")
