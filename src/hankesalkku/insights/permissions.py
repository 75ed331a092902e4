"""Who may see what on the overview.

The overview itself is public data: counts, sectors, regions and decided amounts come from
public decisions and presentations. How much of a commitment has been spent is the finance
office's working information, so spent and open amounts are for staff only.
"""

from django.utils.translation import gettext as _


def can_view_overview(user) -> tuple[bool, str]:
    return True, ""


def can_view_commitment_spending(user) -> tuple[bool, str]:
    if (
        user is not None
        and user.is_authenticated
        and (user.is_staff or user.has_perm("decisions.view_commitment"))
    ):
        return True, ""
    return False, _(
        "Käytetyt ja avoimet summat näkyvät vain kirjautuneille ylläpitäjille; päätetyt summat "
        "ovat julkisia."
    )
