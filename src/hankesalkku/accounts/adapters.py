"""allauth, told our rules: no public sign-up, and every message in Finnish first.

Accounts come from an invitation or from the administrator. The only sign-up allauth may
run is an invitee's (or an invitee's first sign-in through an identity provider), which the
invitation page opens by putting the invitation in the session.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.utils.translation import gettext_lazy as _

INVITATION_SESSION_KEY = "hankesalkku_invitation"

TOO_MANY_ATTEMPTS = _(
    "Liian monta epäonnistunutta kirjautumisyritystä. Kirjautuminen tälle tunnukselle on "
    "estetty hetkeksi, oikeallakin salasanalla. Yritä uudelleen viiden minuutin kuluttua "
    "tai vaihda salasana unohtuneen salasanan linkistä."
)


def _invitation_pending(request) -> bool:
    return bool(request is not None and request.session.get(INVITATION_SESSION_KEY))


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("Tämä tunnus ei ole käytössä."),
        "email_password_mismatch": _("Sähköpostiosoite tai salasana on väärin."),
        "username_password_mismatch": _("Käyttäjätunnus tai salasana on väärin."),
        "too_many_login_attempts": TOO_MANY_ATTEMPTS,
        "rate_limited": _("Liian monta pyyntöä lyhyessä ajassa. Odota hetki ja yritä uudelleen."),
        "enter_current_password": _("Kirjoita nykyinen salasanasi."),
        "incorrect_password": _("Salasana on väärin."),
        "email_taken": _("Tällä sähköpostiosoitteella on jo tunnus."),
        "username_taken": _("Käyttäjätunnus on jo käytössä."),
    }

    def is_open_for_signup(self, request) -> bool:
        return _invitation_pending(request)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin) -> bool:
        return _invitation_pending(request)


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": _(
            "Koodi on väärä tai jo käytetty. Odota, että sovellus näyttää uuden koodin, ja "
            "kirjoita se."
        ),
        "cannot_delete_authenticator": _(
            "Roolisi vaatii kaksivaiheisen tunnistautumisen: et voi poistaa viimeistä tapaa."
        ),
    }

    def can_delete_authenticator(self, authenticator) -> bool:
        """Keep at least one second factor for everyone who must have one."""
        from allauth.mfa.models import Authenticator

        from .roles import requires_mfa

        if not requires_mfa(authenticator.user):
            return True
        others = Authenticator.objects.filter(
            user_id=authenticator.user_id,
            type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN],
        ).exclude(pk=authenticator.pk)
        return others.exists()
