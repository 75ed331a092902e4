"""The demo's own writes: the people whose logins `hankesalkku demo` prints.

The demo's accounts have a known password, so these functions live here and nowhere else:
production accounts come from invitations (`accounts.services`).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from hankesalkku.core.services import save_validated, service


@service
def demo_user_reset(
    *, actor, username: str, password: str, administrator: bool = False, email: str = ""
) -> AbstractBaseUser:
    """A demo person with the printed password, however the account was left."""
    user_model = get_user_model()
    user = user_model._default_manager.filter(username=username).first()
    user = user or user_model(username=username)
    user.is_active = True
    user.is_staff = user.is_superuser = administrator
    user.email = email or f"{username}@demo.invalid"
    user.set_password(password)
    return save_validated(user)


def demo_administrator_reset(*, actor, username: str, password: str) -> AbstractBaseUser:
    return demo_user_reset(actor=actor, username=username, password=password, administrator=True)
