"""Who may manage whom. Each check returns (allowed, reason) so a refusal can say why."""

from django.utils.translation import gettext as _

from hankesalkku.core.actors import is_system_actor

from . import roles
from .models import MEMBER_ROLES, Role


def can_manage_members(user, organisation) -> tuple[bool, str]:
    """The organisation's signatory (or a signatory of an organisation above it) or an
    administrator: the signatory answers for who acts in the organisation's name."""
    if not getattr(user, "is_authenticated", False):
        return False, _("Kirjaudu sisään hallitaksesi organisaation käyttäjiä.")
    if roles.is_administrator(user):
        return True, ""
    if roles.has_role(user, Role.SIGNATORY, organisation=organisation):
        return True, ""
    return False, _(
        "Vain organisaation %(organisation)s allekirjoitusoikeuden haltija tai ylläpitäjä "
        "voi hallita sen käyttäjiä."
    ) % {"organisation": organisation}


def can_grant_role(user, role: str, *, organisation=None, call=None) -> tuple[bool, str]:
    """Members' roles by the organisation's signatory; a call's assessors by the officers of
    the call's funding authority, who run its assessment; every other role only by an
    administrator, because it opens other organisations' applications or budgets."""
    if is_system_actor(user):  # the demo, a management command
        return True, ""
    if role in MEMBER_ROLES and organisation is not None:
        return can_manage_members(user, organisation)
    if (
        role == Role.ASSESSOR
        and call is not None
        and call.funding_authority_id is not None
        and call.funding_authority_id in roles.authority_organisation_ids(user)
    ):
        return True, ""
    if roles.is_administrator(user):
        return True, ""
    return False, _("Vain ylläpitäjä voi antaa roolin %(role)s.") % {"role": Role(role).label}


def can_revoke_role(user, assignment) -> tuple[bool, str]:
    return can_grant_role(
        user, assignment.role, organisation=assignment.organisation, call=assignment.call
    )


def can_enrol_authenticator(user, target) -> tuple[bool, str]:
    if is_system_actor(user) or user == target or roles.is_administrator(user):
        return True, ""
    return False, _("Vain käyttäjä itse tai ylläpitäjä voi ottaa tunnistautumistavan käyttöön.")


def can_manage_api_token(user, token) -> tuple[bool, str]:
    """A personal token is its owner's alone: nobody else sees or revokes it."""
    if getattr(user, "pk", None) is not None and token.user_id == user.pk:
        return True, ""
    return False, _("Rajapinta-avaimen voi perua vain sen omistaja.")
