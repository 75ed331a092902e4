"""The part's attachments in the pages: add one (checked by its content), take one out of the
draft, download one. Thin callers of services/attachments.py and permissions.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import permissions
from .models import Attachment
from .services import attachment_add, attachment_remove
from .views import _detail_context, _errors, _forbidden, _visible

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "text": "text/plain; charset=utf-8",
}


@require_POST
def add(request, pk):
    application = _visible(request, pk)
    allowed, reason = permissions.can_edit_application(request.user, application)
    if not allowed:
        return _forbidden(request, reason)
    upload = request.FILES.get("file")
    errors = []
    if upload is None:
        errors = [_("Liite: valitse lisättävä tiedosto.")]
    else:
        try:
            attachment_add(
                actor=request.user,
                application=application,
                purpose=request.POST.get("purpose", ""),
                filename=upload.name,
                content=upload.read(),
            )
        except PermissionDenied as refusal:
            return _forbidden(request, str(refusal))
        except ValidationError as error:
            errors = _errors(error)
    if errors:
        context = _detail_context(request, application, errors=errors)
        return render(request, "applying/detail.html", context, status=400)
    messages.success(request, _("Liite lisätty."))
    return redirect("applying:detail", application.pk)


@require_POST
def remove(request, pk, attachment_pk):
    application = _visible(request, pk)
    attachment = get_object_or_404(application.attachments.current(), pk=attachment_pk)
    try:
        attachment_remove(actor=request.user, attachment=attachment)
    except PermissionDenied as refusal:
        return _forbidden(request, str(refusal))
    messages.success(request, _("Liite poistettu hakemukselta."))
    return redirect("applying:detail", application.pk)


@require_GET
def download(request, pk, attachment_pk):
    application = _visible(request, pk)
    allowed, reason = permissions.can_view_attachments(request.user, application)
    if not allowed:
        return _forbidden(request, reason)
    attachment = get_object_or_404(Attachment, application=application, pk=attachment_pk)
    response = HttpResponse(
        bytes(attachment.content), content_type=CONTENT_TYPES.get(attachment.kind, "")
    )
    safe = "".join(c for c in attachment.filename if c.isalnum() or c in "._- ") or "liite"
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
