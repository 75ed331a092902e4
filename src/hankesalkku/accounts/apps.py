from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "hankesalkku.accounts"
    label = "accounts"
    verbose_name = _("Käyttäjät ja roolit")

    def ready(self) -> None:
        from allauth.account.signals import user_signed_up

        from .signals import accept_invitation_after_signup

        user_signed_up.connect(accept_invitation_after_signup, dispatch_uid="accounts-invitation")
