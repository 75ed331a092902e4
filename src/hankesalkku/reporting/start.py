"""Reporting's start-page panels: reports due for implementers, reports waiting for the
officer's acceptance. Who gets which panel is decided by the same role sets the pages use."""

from django.urls import reverse
from django.utils.translation import gettext as _

from hankesalkku.accounts import roles
from hankesalkku.core.start import StartPanel

from .permissions import IMPLEMENTER_ROLES


def panels(user) -> list[StartPanel]:
    if not getattr(user, "is_authenticated", False):
        return []
    found = []
    if roles.organisation_ids_for(user, IMPLEMENTER_ROLES):
        found.append(StartPanel(_("Raportit erääntyvät"), reverse("reporting:reports_due"), 40))
    if (
        roles.call_ids_run_by(user)
        or roles.grant_programme_ids_for(user)
        or roles.is_administrator(user)
    ):
        found.append(
            StartPanel(
                _("Hyväksyntää odottavat raportit"), reverse("reporting:reports_waiting"), 45
            )
        )
    return found
