"""Accepting an invitation: a new person chooses a username and password and gets the role.

An expired, used or unknown link shows why, in Finnish, and changes nothing.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .adapters import INVITATION_SESSION_KEY
from .forms import InvitationAcceptForm
from .services import invitation_accept, invitation_accept_signed_in, invitation_check


def invitation(request, token):
    found, problem = invitation_check(token)
    if problem:
        request.session.pop(INVITATION_SESSION_KEY, None)
        status = 404 if found is None else 410
        return render(
            request, "accounts/invitation_invalid.html", {"problem": problem}, status=status
        )
    # An identity provider's first sign-in may create the account while this is set.
    request.session[INVITATION_SESSION_KEY] = token
    form = InvitationAcceptForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.user.is_authenticated:
                invitation_accept_signed_in(actor=request.user, token=token)
                request.session.pop(INVITATION_SESSION_KEY, None)
                messages.success(
                    request,
                    _("Sait roolin %(role)s organisaatiossa %(organisation)s.")
                    % {"role": found.get_role_display(), "organisation": found.organisation},
                )
                return redirect("accounts:profile")
            if form.is_valid():
                invitation_accept(
                    token=token,
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password1"],
                )
                request.session.pop(INVITATION_SESSION_KEY, None)
                messages.success(
                    request, _("Tunnuksesi on luotu. Kirjaudu sisään uudella salasanallasi.")
                )
                return redirect("account_login")
        except ValidationError as error:
            for field, texts in getattr(error, "message_dict", {None: error.messages}).items():
                target = "password1" if field == "password" else field
                for text in texts:
                    form.add_error(target if target in form.fields else None, text)
    return render(
        request,
        "accounts/invitation_accept.html",
        {"invitation": found, "form": form, "token": token},
        status=400 if form.errors else 200,
    )
