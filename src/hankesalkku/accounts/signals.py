"""An invitee who chose to sign in with an identity provider gets the invited role too."""

from contextlib import suppress

from django.core.exceptions import ValidationError

from .adapters import INVITATION_SESSION_KEY


def accept_invitation_after_signup(sender, request, user, **kwargs) -> None:
    from .services import invitation_accept_signed_in

    token = request.session.pop(INVITATION_SESSION_KEY, None) if request else None
    if token:
        # An expired or used invitation gives nothing; its page says why.
        with suppress(ValidationError):
            invitation_accept_signed_in(actor=user, token=token)
