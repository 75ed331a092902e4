"""Ask for the password (or a second factor) again before an action that cannot be undone.

A session can be left open on a shared computer; re-authentication makes sure that whoever
signs a decision, approves a payment or changes someone's role is the account's owner, now.
Other apps use these for decisions, payments and role changes.
"""

from allauth.account.decorators import reauthentication_required
from allauth.account.internal.flows.reauthentication import did_recently_reauthenticate
from allauth.core.exceptions import ReauthenticationRequired


def require_recent_authentication(view=None, *, allow_get: bool = False):
    """Decorate a view: a POST needs a fresh confirmation within ACCOUNT_REAUTHENTICATION_TIMEOUT.

    Otherwise the person is sent to confirm their password or second factor, and their
    POST is replayed once they have.
    """
    return reauthentication_required(view, allow_get=allow_get)


def recently_authenticated(request) -> bool:
    return request.user.is_authenticated and did_recently_reauthenticate(request)


def raise_unless_recently_authenticated(request) -> None:
    """The same check inside a view, e.g. only when a form asks for a sensitive change."""
    if not recently_authenticated(request):
        raise ReauthenticationRequired()
