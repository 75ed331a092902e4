from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplyingConfig(AppConfig):
    name = "hankesalkku.applying"
    verbose_name = _("Hakeminen")
