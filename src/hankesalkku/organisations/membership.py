"""Which organisations a user works for, with all their units.

A city's people see its units' drafts, so membership of the city reaches every unit below it.
Cached on the user object for the length of one request.
"""

from .models import Organisation


def member_organisation_ids(user) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_hankesalkku_org_ids", None)
    if cached is not None:
        return cached
    ids = set(user.organisation_memberships.values_list("organisation_id", flat=True))
    frontier = set(ids)
    while frontier:
        frontier = (
            set(Organisation.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            - ids
        )
        ids |= frontier
    user._hankesalkku_org_ids = ids
    return ids
