"""Who may read documents into the system and turn their values into records.

Reading writes decisions, commitments and financing into the records, so it is for the funding
authorities' officers, administrators, and users an administrator granted the right to add
source documents. The staff flag alone (admin access) is not enough.
"""

from django.utils.translation import gettext as _

from hankesalkku.accounts import roles
from hankesalkku.accounts.models import Role


def can_review_documents(user) -> tuple[bool, str]:
    if not getattr(user, "is_authenticated", False):
        return False, _("Kirjaudu sisään lukeaksesi asiakirjoja.")
    if (
        roles.is_administrator(user)
        or Role.AUTHORITY_OFFICER in roles.roles_of(user)
        or user.has_perm("sources.add_sourcedocument")
    ):
        return True, ""
    return False, _(
        "Sinulla ei ole oikeutta lukea asiakirjoja järjestelmään. Pyydä ylläpitäjältä oikeus "
        "lähdeasiakirjojen lisäämiseen."
    )


def can_view_batch(user, batch) -> tuple[bool, str]:
    """A batch's results name its files: its sender and administrators see them."""
    allowed, reason = can_review_documents(user)
    if not allowed:
        return allowed, reason
    if batch.created_by_id == user.pk or roles.is_administrator(user):
        return True, ""
    return False, _("Tämän lukuerän lähetti toinen käyttäjä; vain hän ja ylläpitäjä näkevät sen.")
