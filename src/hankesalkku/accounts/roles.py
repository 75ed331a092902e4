"""What a user's roles let them see: the read helpers every app's permission functions use.

All answers come from one query of the user's active assignments, cached on the user object.
Django builds `request.user` anew for every request, so the cache lives exactly one request:
a role revoked now is gone on the person's next click, and a page that asks ten questions
runs one query.
"""

from collections.abc import Iterable

from .models import MEMBER_ROLES, MFA_REQUIRED_ROLES, ORGANISATION_ROLES, Role, RoleAssignment

_CACHE = "_hankesalkku_roles"


def _assignments(user) -> list[tuple[str, int | None, int | None, int | None]]:
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", True):
        return []
    cached = getattr(user, _CACHE, None)
    if cached is None:
        cached = list(
            RoleAssignment.objects.active()
            .filter(user_id=user.pk)
            .values_list("role", "organisation_id", "call_id", "theme_id")
        )
        setattr(user, _CACHE, cached)
    return cached


def forget(user) -> None:
    """Drop the cache, for code that changes a user's roles and reads them in one request."""
    for name in (_CACHE, "_hankesalkku_org_ids_by_roles", "_hankesalkku_has_mfa"):
        if hasattr(user, name):
            delattr(user, name)


def roles_of(user) -> frozenset[str]:
    return frozenset(role for role, *_scope in _assignments(user))


def has_role(user, role: str, *, organisation=None, call=None, theme=None) -> bool:
    for held, org_id, call_id, theme_id in _assignments(user):
        if held != role:
            continue
        if organisation is not None and org_id not in _with_ancestors(organisation):
            continue
        if call is not None and call_id != call.pk:
            continue
        if theme is not None and theme_id != theme.pk:
            continue
        return True
    return False


def _with_ancestors(organisation) -> set[int]:
    """The organisation and every organisation above it: a city's role covers its units."""
    ids, node = set(), organisation
    while node is not None:
        ids.add(node.pk)
        node = node.parent
    return ids


def is_administrator(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or Role.ADMINISTRATOR in roles_of(user)


def requires_mfa(user) -> bool:
    """Staff and every role that sees non-public data must sign in with a second factor."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    return bool(roles_of(user) & MFA_REQUIRED_ROLES)


def has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    cached = getattr(user, "_hankesalkku_has_mfa", None)
    if cached is None:
        cached = Authenticator.objects.filter(
            user_id=user.pk,
            type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN],
        ).exists()
        user._hankesalkku_has_mfa = cached
    return cached


def _units_below(ids: set[int]) -> set[int]:
    from hankesalkku.organisations.models import Organisation

    found, frontier = set(ids), set(ids)
    while frontier:
        frontier = (
            set(Organisation.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            - found
        )
        found |= frontier
    return found


def organisation_ids_for(user, roles: Iterable[str] | None = None) -> set[int]:
    """Organisations in which the user holds one of `roles`, with all their units.

    Without `roles`, the members' roles (preparer, signatory, finance officer, viewer): the
    people of an implementing organisation, who see its drafts
    (`ProjectEntity.objects.visible_to`).
    """
    wanted = set(MEMBER_ROLES if roles is None else roles)
    direct = {
        org_id
        for role, org_id, _call, _theme in _assignments(user)
        if role in wanted and org_id is not None
    }
    if not direct:
        return set()
    cache = getattr(user, "_hankesalkku_org_ids_by_roles", None)
    if cache is None:
        cache = user._hankesalkku_org_ids_by_roles = {}
    key = frozenset(direct)
    if key not in cache:
        cache[key] = _units_below(direct)
    return set(cache[key])


def authority_organisation_ids(user) -> set[int]:
    """The funding authorities (e.g. Hämeen ELY-keskus) the user works for as an officer."""
    return organisation_ids_for(user, [Role.AUTHORITY_OFFICER])


def call_ids_run_by(user) -> set[int]:
    """Calls whose funding authority the user is an officer of."""
    from hankesalkku.programmes.models import Call

    ids = authority_organisation_ids(user)
    if not ids:
        return set()
    return set(Call.objects.filter(funding_authority_id__in=ids).values_list("pk", flat=True))


def call_ids_assessed_by(user) -> set[int]:
    return {
        call_id
        for role, _org, call_id, _theme in _assignments(user)
        if role == Role.ASSESSOR and call_id is not None
    }


def theme_ids_coordinated_by(user) -> set[int]:
    return {
        theme_id
        for role, _org, _call, theme_id in _assignments(user)
        if role == Role.COORDINATOR and theme_id is not None
    }


def ministry_ids_for(user) -> set[int]:
    """The ministries (OKM, STM) whose calls and themes the user follows."""
    return {
        org_id
        for role, org_id, _call, _theme in _assignments(user)
        if role == Role.MINISTRY_VIEWER and org_id is not None
    }


def grant_programme_ids_for(user) -> set[int]:
    """A city's own grant schemes (municipal grant programmes it owns) that the user runs."""
    from hankesalkku.programmes.models import Programme, ProgrammeKind

    ids = organisation_ids_for(user, [Role.GRANT_OFFICER])
    if not ids:
        return set()
    return set(
        Programme.objects.filter(kind=ProgrammeKind.MUNICIPAL_GRANTS, owner_id__in=ids).values_list(
            "pk", flat=True
        )
    )


def finance_organisation_ids(user) -> set[int]:
    """Organisations whose commitments and budget items the user handles."""
    return organisation_ids_for(user, [Role.FINANCE_OFFICER])


__all__ = [
    "ORGANISATION_ROLES",
    "authority_organisation_ids",
    "call_ids_assessed_by",
    "call_ids_run_by",
    "finance_organisation_ids",
    "forget",
    "grant_programme_ids_for",
    "has_mfa",
    "has_role",
    "is_administrator",
    "ministry_ids_for",
    "organisation_ids_for",
    "requires_mfa",
    "roles_of",
    "theme_ids_coordinated_by",
]
