"""A claim's receipts and supporting documents: added while the claim is open, downloaded by
those who may see the claim (always as a download, never shown in our origin), removed from
a draft."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import permissions, services
from .claim_views import _again, _claim, error_messages, forbidden
from .forms import AttachmentForm


@login_required
@require_POST
def attachment_add(request, pk):
    claim = _claim(request, pk)
    allowed, reason = permissions.can_prepare_claim(request.user, claim.application)
    if not allowed:
        return forbidden(request, reason)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _again(request, claim, attachment_form=form)
    upload = form.cleaned_data["file"]
    try:
        services.claim_attachment_add(
            actor=request.user,
            claim=claim,
            name=upload.name,
            content=upload.read(),
            description=form.cleaned_data["description"],
        )
    except ValidationError as error:
        return _again(request, claim, attachment_form=form, errors=error_messages(error))
    messages.success(request, _("Liite lisätty."))
    return redirect("payments:claim", claim.pk)


MEDIA_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "text": "text/plain; charset=utf-8",
}


@login_required
@require_GET
def attachment(request, pk, attachment):
    """The file as received, always as a download (never rendered in our origin)."""
    claim = _claim(request, pk)
    item = get_object_or_404(claim.attachments.all(), pk=attachment)
    response = HttpResponse(
        bytes(item.content), content_type=MEDIA_TYPES.get(item.kind, "application/octet-stream")
    )
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in item.name)
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def attachment_remove(request, pk, attachment):
    claim = _claim(request, pk)
    item = get_object_or_404(claim.attachments.defer("content"), pk=attachment)
    try:
        services.claim_attachment_remove(actor=request.user, attachment=item)
    except PermissionDenied as refusal:
        return forbidden(request, str(refusal))
    except ValidationError as error:
        return _again(request, claim, errors=error_messages(error))
    messages.success(request, _("Liite poistettu."))
    return redirect("payments:claim", claim.pk)
