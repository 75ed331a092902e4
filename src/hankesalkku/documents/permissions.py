"""Who may read documents into the system and turn their values into records."""

from django.utils.translation import gettext as _


def can_review_documents(user) -> tuple[bool, str]:
    """Staff, or users granted the right to add source documents."""
    if not getattr(user, "is_authenticated", False):
        return False, _("Kirjaudu sisään lukeaksesi asiakirjoja.")
    if user.is_staff or user.has_perm("sources.add_sourcedocument"):
        return True, ""
    return False, _(
        "Sinulla ei ole oikeutta lukea asiakirjoja järjestelmään. Pyydä ylläpitäjältä oikeus "
        "lähdeasiakirjojen lisäämiseen."
    )
