"""The profile page and an organisation's members page.

Every change goes through a service, which checks the right again; the views check first so
that a refusal is a readable 403 page that says why, not a traceback.
"""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hankesalkku.organisations.models import Organisation

from . import roles
from .decorators import require_recent_authentication
from .forms import GrantForm, InviteForm, RevokeForm
from .models import MEMBER_ROLES, Invitation, Role, RoleAssignment
from .permissions import can_manage_members
from .services import (
    invitation_create,
    invitation_send,
    role_assignment_grant,
    role_assignment_revoke,
)
from .start import next_steps


def forbidden(request, reason: str):
    return render(request, "accounts/forbidden.html", {"reason": reason}, status=403)


def _messages_of(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


@require_GET
@login_required
def profile(request):
    user = request.user
    assignments = (
        RoleAssignment.objects.active()
        .for_user(user)
        .select_related("organisation", "call", "theme")
        .order_by("role")
    )
    assignments = list(assignments)
    authenticators = Authenticator.objects.filter(user=user)
    managed = [a.organisation for a in assignments if a.role == Role.SIGNATORY]
    if roles.is_administrator(user):
        managed = None  # an administrator manages every organisation, from its page
    return render(
        request,
        "accounts/profile.html",
        {
            "assignments": assignments,
            "totp": authenticators.filter(type=Authenticator.Type.TOTP).first(),
            "passkeys": authenticators.filter(type=Authenticator.Type.WEBAUTHN),
            "recovery_codes": authenticators.filter(
                type=Authenticator.Type.RECOVERY_CODES
            ).exists(),
            "mfa_required": roles.requires_mfa(user),
            "managed_organisations": managed,
            "next_steps": next_steps(user, assignments),
        },
    )


def _organisation_or_refusal(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    allowed, reason = can_manage_members(request.user, organisation)
    return organisation, (None if allowed else forbidden(request, reason))


def _members_of(organisation):
    return (
        get_user_model()
        .objects.filter(
            role_assignments__organisation=organisation,
            role_assignments__revoked_at__isnull=True,
            role_assignments__role__in=MEMBER_ROLES,
        )
        .distinct()
        .order_by("username")
    )


def _members_page(request, organisation, *, grant_form=None, invite_form=None, status=200):
    assignments = (
        RoleAssignment.objects.active()
        .in_organisation(organisation)
        .filter(role__in=MEMBER_ROLES)
        .members_view()
    )
    people: dict[int, dict] = {}
    for assignment in assignments:
        person = people.setdefault(assignment.user_id, {"user": assignment.user, "assignments": []})
        person["assignments"].append(assignment)
    return render(
        request,
        "accounts/members.html",
        {
            "organisation": organisation,
            "people": list(people.values()),
            "grant_form": grant_form or GrantForm(members=_members_of(organisation)),
            "invite_form": invite_form or InviteForm(),
            "revoke_form": RevokeForm(),
            "invitations": Invitation.objects.pending().filter(organisation=organisation),
        },
        status=status,
    )


@require_GET
@login_required
def members(request, slug):
    organisation, refusal = _organisation_or_refusal(request, slug)
    return refusal or _members_page(request, organisation)


@require_POST
@login_required
def member_grant(request, slug):
    organisation, refusal = _organisation_or_refusal(request, slug)
    return refusal or _grant(request, organisation)


@require_recent_authentication
def _grant(request, organisation):
    form = GrantForm(request.POST, members=_members_of(organisation))
    if not form.is_valid():
        return _members_page(request, organisation, grant_form=form, status=400)
    try:
        assignment = role_assignment_grant(
            actor=request.user,
            user=form.cleaned_data["user"],
            role=form.cleaned_data["role"],
            organisation=organisation,
        )
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as error:
        for text in _messages_of(error):
            form.add_error(None, text)
        return _members_page(request, organisation, grant_form=form, status=400)
    messages.success(
        request,
        _("%(user)s sai roolin %(role)s.")
        % {"user": assignment.user, "role": assignment.get_role_display()},
    )
    return redirect("accounts:members", slug=organisation.slug)


@require_POST
@login_required
def member_revoke(request, slug, pk):
    organisation, refusal = _organisation_or_refusal(request, slug)
    if refusal:
        return refusal
    assignment = get_object_or_404(
        RoleAssignment.objects.active().select_related("user"),
        pk=pk,
        organisation=organisation,
        role__in=MEMBER_ROLES,
    )
    return _revoke(request, organisation, assignment)


@require_recent_authentication
def _revoke(request, organisation, assignment):
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kerro, miksi rooli poistetaan."))
        return redirect("accounts:members", slug=organisation.slug)
    try:
        role_assignment_revoke(
            actor=request.user, assignment=assignment, reason=form.cleaned_data["reason"]
        )
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as error:
        for text in _messages_of(error):
            messages.error(request, text)
        return redirect("accounts:members", slug=organisation.slug)
    messages.success(
        request,
        _("Rooli %(role)s poistettiin käyttäjältä %(user)s.")
        % {"role": assignment.get_role_display(), "user": assignment.user},
    )
    return redirect("accounts:members", slug=organisation.slug)


@require_POST
@login_required
def member_invite(request, slug):
    organisation, refusal = _organisation_or_refusal(request, slug)
    return refusal or _invite(request, organisation)


@require_recent_authentication
def _invite(request, organisation):
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _members_page(request, organisation, invite_form=form, status=400)
    try:
        invitation, token = invitation_create(
            actor=request.user,
            email=form.cleaned_data["email"],
            organisation=organisation,
            role=form.cleaned_data["role"],
        )
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as error:
        for text in _messages_of(error):
            form.add_error(None, text)
        return _members_page(request, organisation, invite_form=form, status=400)
    accept_url = request.build_absolute_uri(reverse("accounts:invitation", args=[token]))
    invitation_send(invitation=invitation, accept_url=accept_url)
    messages.success(
        request, _("Kutsu lähetettiin osoitteeseen %(email)s.") % {"email": invitation.email}
    )
    return redirect("accounts:members", slug=organisation.slug)
