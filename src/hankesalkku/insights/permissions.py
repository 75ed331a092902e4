"""Who may see what on the overview.

The overview itself is public data: counts, sectors, regions and decided amounts come from
public decisions and presentations. Spending is decided where commitments live
(`decisions.permissions`); the overview asks the same function.
"""

from django.utils.translation import gettext as _

from hankesalkku.decisions.permissions import can_view_commitment_spending

__all__ = ["can_download_export", "can_view_commitment_spending", "can_view_overview"]


def can_view_overview(user) -> tuple[bool, str]:
    return True, ""


def can_download_export(user, session_key: str | None, job) -> tuple[bool, str]:
    """A background export belongs to whoever asked for it: the account that signed in, or the
    browser session of an anonymous visitor. It may list drafts only its requester may see,
    so nobody else sees its progress or downloads it, administrators included."""
    if job.requested_by_id is not None:
        if getattr(user, "is_authenticated", False) and user.pk == job.requested_by_id:
            return True, ""
    elif job.session_key and session_key == job.session_key:
        return True, ""
    return False, _("Tämän viennin pyysi toinen käyttäjä; vain hän voi ladata sen.")
