"""One demo person per role, so that a tester can sign in as each user of the funding world.

Officials must use a second factor; their TOTP secret is printed beside them so that any
authenticator app can be set up by hand (the secret is derived from the username, so it stays
the same across `demo --reset`).
"""

import base64
import hashlib
from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from django.utils.translation import gettext_lazy as _

from hankesalkku.accounts.models import MFA_REQUIRED_ROLES, Role, RoleAssignment
from hankesalkku.accounts.services import role_assignment_grant, totp_enrol
from hankesalkku.organisations.models import Organisation
from hankesalkku.programmes.models import Call, Theme

from .services import demo_user_reset

DEMO_PASSWORD = "hankesalkku-demo"


@dataclass(frozen=True)
class DemoPerson:
    username: str
    role: str
    scope: str  # organisation slug, call slug or theme slug
    description: object  # a lazily translated label


PEOPLE = [
    DemoPerson("helsinki-valmistelija", Role.PREPARER, "helsingin-kaupunki", _("Helsingin kaupungin hakemuksen valmistelija")),
    DemoPerson("helsinki-allekirjoittaja", Role.SIGNATORY, "helsingin-kaupunki", _("Helsingin kaupungin allekirjoitusoikeus")),
    DemoPerson("fvh-valmistelija", Role.PREPARER, "forum-virium-helsinki", _("Forum Virium Helsingin valmistelija")),
    DemoPerson("ely-kasittelija", Role.AUTHORITY_OFFICER, "hameen-ely-keskus", _("Hämeen ELY-keskuksen käsittelijä")),
    DemoPerson("arvioija", Role.ASSESSOR, "call:stm", _("STM:n haun arvioija")),
    DemoPerson("okm-katselija", Role.MINISTRY_VIEWER, "okm", _("opetus- ja kulttuuriministeriön katselija")),
    DemoPerson("koordinaattori", Role.COORDINATOR, "theme", _("teeman koordinaattori")),
    DemoPerson("helsinki-talous", Role.FINANCE_OFFICER, "helsingin-kaupunki", _("Helsingin talousvastaava")),
    DemoPerson("helsinki-avustukset", Role.GRANT_OFFICER, "helsingin-kaupunki", _("Helsingin avustusvastaava")),
    DemoPerson("demo", Role.ADMINISTRATOR, "", _("ylläpitäjä")),
]  # fmt: skip


def totp_secret(username: str) -> str:
    return base64.b32encode(
        hashlib.sha256(f"hankesalkku-demo:{username}".encode()).digest()[:20]
    ).decode()


def _scope(person: DemoPerson) -> dict:
    if person.role == Role.ADMINISTRATOR:
        return {}
    if person.scope == "theme":
        return {"theme": Theme.objects.get(slug="lasten-nuorten-ja-perheiden-palvelut")}
    if person.scope == "call:stm":
        # The STM call whose 66 applications are being assessed (seed 003).
        return {
            "call": Call.objects.filter(ministries__abbreviation="STM")
            .exclude(ministries__abbreviation="OKM")
            .order_by("opens")
            .first()
        }
    return {"organisation": Organisation.objects.get(slug=person.scope)}


def demo_people(*, actor) -> list[tuple[DemoPerson, str | None]]:
    """Create or reset every demo person; returns each with their TOTP secret (or None)."""
    out = []
    for person in PEOPLE:
        user = demo_user_reset(
            actor=actor,
            username=person.username,
            password=DEMO_PASSWORD,
            administrator=person.role == Role.ADMINISTRATOR,
        )
        scope = _scope(person)
        if (
            not RoleAssignment.objects.active()
            .filter(user=user, role=person.role, **scope)
            .exists()
        ):
            role_assignment_grant(actor=actor, user=user, role=person.role, **scope)
        secret = None
        if person.role in MFA_REQUIRED_ROLES:
            secret = totp_secret(person.username)
            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                totp_enrol(actor=actor, user=user, secret=secret)
        out.append((person, secret))
    return out
