"""Personal API tokens on the profile: make one (shown once), see them, revoke one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import ApiToken
from .permissions import can_manage_api_token
from .services import api_token_create, api_token_revoke


@login_required
def api_tokens(request):
    created = None
    if request.method == "POST":
        name = request.POST.get("name", "").strip() or _("Rajapinta-avain")
        _token, created = api_token_create(actor=request.user, name=name)
    return render(
        request,
        "accounts/api_tokens.html",
        {"tokens": ApiToken.objects.filter(user=request.user), "created": created},
    )


@login_required
@require_POST
def api_token_revoke_view(request, pk):
    token = get_object_or_404(ApiToken, pk=pk)
    allowed, reason = can_manage_api_token(request.user, token)
    if not allowed:
        raise PermissionDenied(reason)
    api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("Rajapinta-avain peruttiin."))
    return redirect("accounts:api_tokens")
