"""Writes for accounts: granting and revoking roles, invitations, enrolling an authenticator.

Each service checks the actor's right itself, so a view, the admin and the command line
cannot differ in who may hand out a role. The demo and commands act as a system account
(`core.services.system_actor`), which may do what an administrator may.
"""

import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from hankesalkku.core.dates import format_date
from hankesalkku.core.services import save_validated, service

from . import roles
from .models import ApiToken, Invitation, RoleAssignment, hash_token
from .permissions import can_enrol_authenticator, can_grant_role, can_revoke_role

INVITATION_VALID_DAYS = 14


def _refuse_unless(check: tuple[bool, str]) -> None:
    allowed, reason = check
    if not allowed:
        raise PermissionDenied(reason)


def _actor_or_none(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


@service
def role_assignment_grant(
    *, actor, user, role: str, organisation=None, call=None, theme=None
) -> RoleAssignment:
    _refuse_unless(can_grant_role(actor, role, organisation=organisation, call=call))
    assignment = save_validated(
        RoleAssignment(
            user=user,
            role=role,
            organisation=organisation,
            call=call,
            theme=theme,
            granted_by=_actor_or_none(actor),
        )
    )
    roles.forget(user)
    return assignment


@service
def role_assignment_revoke(*, actor, assignment: RoleAssignment, reason: str) -> RoleAssignment:
    """Mark the assignment revoked; the person loses the rights on their next request."""
    _refuse_unless(can_revoke_role(actor, assignment))
    assignment = RoleAssignment.objects.select_for_update().get(pk=assignment.pk)
    if not assignment.is_active:
        raise ValidationError(_("Rooli on jo poistettu."))
    if not reason.strip():
        raise ValidationError({"revoke_reason": _("Kerro, miksi rooli poistetaan.")})
    assignment.revoked_at = timezone.now()
    assignment.revoked_by = _actor_or_none(actor)
    assignment.revoke_reason = reason.strip()
    save_validated(assignment)
    roles.forget(assignment.user)
    return assignment


@service
def invitation_create(
    *, actor, email: str, organisation, role: str, valid_days: int = INVITATION_VALID_DAYS
) -> tuple[Invitation, str]:
    """A new invitation and its secret token; only the token's digest is stored."""
    _refuse_unless(can_grant_role(actor, role, organisation=organisation))
    token = secrets.token_urlsafe(32)
    invitation = save_validated(
        Invitation(
            email=email.strip().lower(),
            organisation=organisation,
            role=role,
            token_hash=hash_token(token),
            invited_by=_actor_or_none(actor),
            expires_at=timezone.now() + timedelta(days=valid_days),
        )
    )
    return invitation, token


def invitation_send(*, invitation: Invitation, accept_url: str) -> None:
    """The invitation mail, in Finnish with Swedish and English below (we don't know yet
    which language the invitee reads)."""
    context = {"invitation": invitation, "accept_url": accept_url}
    send_mail(
        subject=render_to_string("accounts/email/invitation_subject.txt", context).strip(),
        message=render_to_string("accounts/email/invitation_message.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


def invitation_check(token: str) -> tuple[Invitation | None, str]:
    """The invitation behind a token, or the reason it can no longer be used."""
    invitation = Invitation.objects.by_token(token).select_related("organisation").first()
    if invitation is None:
        return None, _("Kutsulinkki ei ole voimassa. Tarkista, että kopioit koko linkin.")
    if invitation.is_used:
        return invitation, _(
            "Tämä kutsu on jo käytetty. Kirjaudu sisään tunnuksellasi tai pyydä uusi kutsu."
        )
    if invitation.is_expired:
        return invitation, _(
            "Kutsu on vanhentunut %(date)s. Pyydä organisaatiosi allekirjoitusoikeuden "
            "haltijalta uusi kutsu."
        ) % {"date": format_date(timezone.localtime(invitation.expires_at))}
    return invitation, ""


def _locked_usable_invitation(token: str) -> Invitation:
    invitation, problem = invitation_check(token)
    if problem:
        raise ValidationError(problem)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.is_used:  # accepted in another tab between the check and the lock
        raise ValidationError(_("Tämä kutsu on jo käytetty."))
    return invitation


def _accept(invitation: Invitation, user) -> RoleAssignment:
    if invitation.invited_by is not None:
        allowed, _reason = can_grant_role(
            invitation.invited_by, invitation.role, organisation=invitation.organisation
        )
        if not allowed:
            raise ValidationError(
                _("Kutsujalla ei ole enää oikeutta antaa tätä roolia. Pyydä uusi kutsu.")
            )
    existing = RoleAssignment.objects.active().filter(
        user=user, role=invitation.role, organisation=invitation.organisation
    )
    # The inviter's right was checked above; the role is theirs to give, not the invitee's.
    assignment = existing.first() or save_validated(
        RoleAssignment(
            user=user,
            role=invitation.role,
            organisation=invitation.organisation,
            granted_by=invitation.invited_by,
        )
    )
    roles.forget(user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    save_validated(invitation)
    return assignment


@transaction.atomic
def invitation_accept(*, token: str, username: str, password: str):
    """A new person sets a username and password and receives the invited role.

    The address in the invitation was proven by opening the link, so it is stored as the
    account's verified address (sign-in by e-mail and password reset use it).
    """
    from allauth.account.models import EmailAddress

    invitation = _locked_usable_invitation(token)
    User = get_user_model()
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            _("Osoitteella %(email)s on jo tunnus. Kirjaudu sisään ja avaa kutsulinkki uudelleen.")
            % {"email": invitation.email}
        )
    user = User(username=username, email=invitation.email)
    user.full_clean(exclude=["password"])
    validate_password(password, user)
    user.set_password(password)
    user.save()
    _invitation_take(actor=user, invitation=invitation)
    EmailAddress.objects.create(user=user, email=invitation.email, primary=True, verified=True)
    return user


@service
def _invitation_take(*, actor, invitation: Invitation) -> RoleAssignment:
    """The new person takes the role: the trail names them as the one who accepted."""
    return _accept(invitation, actor)


@service
def invitation_accept_signed_in(*, actor, token: str) -> RoleAssignment:
    """Someone who already has an account takes the invited role with it."""
    invitation = _locked_usable_invitation(token)
    return _accept(invitation, actor)


@service
def totp_enrol(*, actor, user, secret: str):
    """Enrol TOTP with a known base32 secret (the demo and tests); returns the Authenticator.

    People enrol on the MFA page by scanning a QR code; this exists so that the demo can
    print a secret that an authenticator app can be set up with by hand.
    """
    from allauth.mfa.totp.internal.auth import TOTP

    _refuse_unless(can_enrol_authenticator(actor, user))
    authenticator = TOTP.activate(user, secret.replace(" ", "").upper()).instance
    roles.forget(user)
    return authenticator


API_TOKEN_PREFIX = "hs_"


@service
def api_token_create(*, actor, name: str) -> tuple[ApiToken, str]:
    """A new personal token for the acting user; the token itself is returned only here."""
    raw = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = save_validated(
        ApiToken(user=actor, name=name.strip()[:100], key_hash=hash_token(raw), prefix=raw[:10])
    )
    return token, raw


@service
def api_token_revoke(*, actor, token) -> None:
    from .permissions import can_manage_api_token

    _refuse_unless(can_manage_api_token(actor, token))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        save_validated(token, update_fields=["revoked_at"])


def api_token_touch(token) -> None:
    """When a token was last used: a usage timestamp, not a change anybody made, so it is a
    plain column update that leaves no trail (one per API request would drown the trail)."""
    ApiToken.objects.filter(pk=token.pk).update(last_used=timezone.now())
