"""Assessment's start-page panels: what waits for this person (core.start's contract).

An officer of a funding authority gets applications to screen and decisions to sign, an
assessor the applications to score, an implementer its funding decisions; each panel only when
the person's roles make it concern them.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from hankesalkku.accounts import roles
from hankesalkku.core.start import StartPanel


def panels(user) -> list[StartPanel]:
    if not getattr(user, "is_authenticated", False):
        return []
    url = reverse("assessment:waiting")
    found = []
    if roles.call_ids_run_by(user):
        found.append(StartPanel(_("Tarkastettavat hakemukset"), f"{url}?osa=screen", 20))
        found.append(StartPanel(_("Allekirjoitettavat päätökset"), f"{url}?osa=decide", 22))
    if roles.call_ids_assessed_by(user):
        found.append(StartPanel(_("Arvioitavat hakemukset"), f"{url}?osa=score", 21))
    if roles.organisation_ids_for(user):
        found.append(StartPanel(_("Rahoituspäätökset"), f"{url}?osa=decisions", 30))
    return found
