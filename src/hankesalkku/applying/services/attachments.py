"""Attachments of a part: added after a check of their content, taken out of the draft, never
changed.

Why not overwrite: a submitted version names the attachments it was submitted with, so the file
the funding authority read is kept as it was. Removing one that a version holds only takes it
out of the draft (`is_current`); one no version holds is deleted.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.services import delete_recorded, save_validated, service
from hankesalkku.core.uploads import DOCUMENT_KINDS, upload_check

from .. import permissions
from ..models import Attachment

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
"""An application's attachments are plans, agreements and CVs: 10 MB each is plenty."""


def required_attachments(rules) -> list[str]:
    """The call's required attachments, one a line, blank lines left out."""
    return [
        line.strip() for line in (rules.required_attachments or "").splitlines() if line.strip()
    ]


def _refuse_unless(decision) -> None:
    allowed, reason = decision
    if not allowed:
        raise PermissionDenied(reason)


def _keep(application, purpose: str, filename: str, content: bytes, actor, max_bytes: int):
    purpose = (purpose or "").strip()
    if not purpose:
        raise ValidationError({"purpose": _("Liitteen aihe: valitse tai kirjoita, mikä liite on.")})
    try:
        checked = upload_check(
            name=filename, content=content, allowed=DOCUMENT_KINDS, max_bytes=max_bytes
        )
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    for earlier in application.attachments.current().filter(purpose=purpose):
        _take_out(earlier)
    return save_validated(
        Attachment(
            application=application,
            purpose=purpose[:200],
            filename=(filename or "liite")[:200],
            kind=checked.kind,
            size=checked.size,
            sha256=checked.sha256,
            content=checked.content,
            uploaded_by=actor,
        )
    )


def _take_out(attachment: Attachment) -> None:
    if attachment.versions.exists():
        attachment.is_current = False
        save_validated(attachment, update_fields=["is_current"])
    else:
        delete_recorded(attachment)


@service
def attachment_add(
    *,
    actor,
    application,
    purpose: str,
    filename: str,
    content: bytes,
    max_bytes: int = MAX_ATTACHMENT_BYTES,
) -> Attachment:
    """Check the file by its content and size, then keep it with the part's draft.

    A file for a required attachment that already has one replaces it in the draft (the old
    one stays with the versions that hold it).
    """
    _refuse_unless(permissions.can_edit_application(actor, application))
    return _keep(application, purpose, filename, content, actor, max_bytes)


@service
def attachment_record(*, actor, application, purpose: str, filename: str, content: bytes):
    """An attachment recorded by the demo or a test's world (no person's role): same checks."""
    return _keep(application, purpose, filename, content, actor, MAX_ATTACHMENT_BYTES)


@service
def attachment_remove(*, actor, attachment: Attachment) -> None:
    """Out of the draft; deleted only when no submitted version holds it."""
    _refuse_unless(permissions.can_edit_application(actor, attachment.application))
    _take_out(attachment)
