from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The public pages that show several layers at once: home, calls, projects, organisations."""

    name = "hankesalkku.site"
    label = "site"
    verbose_name = _("Sivusto")
