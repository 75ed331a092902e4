from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """`hankesalkku backup`, `restore` and `serve`; above every other app (pyproject.toml)."""

    name = "hankesalkku.operations"
    label = "operations"
    verbose_name = _("Ylläpito ja palvelin")
