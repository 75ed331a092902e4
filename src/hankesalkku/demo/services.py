"""The demo's own write: the administrator whose login `hankesalkku demo` prints.

One function, so that it moves as it is when an accounts app comes to own user services.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser

from hankesalkku.core.services import save_validated, service


@service
def demo_administrator_reset(*, actor, username: str, password: str) -> AbstractBaseUser:
    """Staff and superuser with the printed password, however the account was left."""
    user_model = get_user_model()
    user = user_model._default_manager.filter(username=username).first()
    user = user or user_model(username=username)
    user.is_active = user.is_staff = user.is_superuser = True
    user.set_password(password)
    return save_validated(user)
