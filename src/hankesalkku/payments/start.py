"""The start page's panels of payments (core.start): claims waiting for the officer's check or
payment, and the implementer's own claims with what to do next with each."""

from django.urls import reverse
from django.utils.translation import gettext as _

from hankesalkku.accounts import roles
from hankesalkku.accounts.models import MEMBER_ROLES
from hankesalkku.core.start import StartPanel


def panels(user) -> list[StartPanel]:
    if not getattr(user, "is_authenticated", False):
        return []
    found = []
    admin = getattr(user, "is_staff", False) or roles.is_administrator(user)
    if admin or roles.authority_organisation_ids(user):
        found.append(
            StartPanel(
                title=_("Tarkastusta ja maksua odottavat maksatushakemukset"),
                url=reverse("payments:waiting"),
                order=30,
            )
        )
    if roles.organisation_ids_for(user, MEMBER_ROLES):
        found.append(
            StartPanel(
                title=_("Maksatushakemukset ja seuraavat toimet"),
                url=reverse("payments:my_claims"),
                order=40,
            )
        )
    return found
