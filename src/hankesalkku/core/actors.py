"""Tell the accounts that commands act as from the people who sign in."""


def is_system_actor(user) -> bool:
    """The demo's and commands' accounts (`core.services.system_actor`): no password, inactive.

    Nobody can sign in as one, so only code run on the server itself acts with them; they may
    do what an administrator may, and the trail still names them.
    """
    if user is None or getattr(user, "pk", None) is None:
        return False
    return not user.is_active and not user.has_usable_password()
