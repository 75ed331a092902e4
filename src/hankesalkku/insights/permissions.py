"""Who may see what on the overview.

The overview itself is public data: counts, sectors, regions and decided amounts come from
public decisions and presentations. Spending is decided where commitments live
(`decisions.permissions`); the overview asks the same function.
"""

from hankesalkku.decisions.permissions import can_view_commitment_spending

__all__ = ["can_view_commitment_spending", "can_view_overview"]


def can_view_overview(user) -> tuple[bool, str]:
    return True, ""
