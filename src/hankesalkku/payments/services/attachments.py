"""Receipts and supporting documents of a claim: checked by content, kept with the claim.

Attached while the claim is a draft (the preparer's), and while it waits for checking (the
authority may ask for a missing receipt); a checked claim's evidence is never changed.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.services import delete_recorded, save_validated, service
from hankesalkku.core.uploads import upload_check

from ..models import ClaimStatus, PaymentClaim
from ..permissions import can_prepare_claim
from ..terms import ClaimAttachment

MAX_BYTES = 20 * 1024 * 1024
OPEN = (ClaimStatus.DRAFT, ClaimStatus.SUBMITTED)


def _require(decision):
    allowed, reason = decision
    if not allowed:
        raise PermissionDenied(reason)


@service
def claim_attachment_add(
    *, actor, claim: PaymentClaim, name: str, content: bytes, description: str = ""
) -> ClaimAttachment:
    _require(can_prepare_claim(actor, claim.application))
    if claim.status not in OPEN:
        raise ValidationError({"file": _("Tarkastetun hakemuksen liitteitä ei voi muuttaa.")})
    try:
        checked = upload_check(name=name, content=content, max_bytes=MAX_BYTES)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    if claim.attachments.filter(sha256=checked.sha256).exists():
        raise ValidationError({"file": _("Liite %(name)s on jo hakemuksessa.") % {"name": name}})
    return save_validated(
        ClaimAttachment(
            claim=claim,
            name=name[:255],
            description=description.strip()[:300],
            kind=checked.kind,
            size=checked.size,
            sha256=checked.sha256,
            content=checked.content,
            uploaded_by=actor,
        )
    )


@service
def claim_attachment_remove(*, actor, attachment: ClaimAttachment) -> None:
    _require(can_prepare_claim(actor, attachment.claim.application))
    if attachment.claim.status != ClaimStatus.DRAFT:
        raise ValidationError({"file": _("Vain luonnoksen liitteen voi poistaa.")})
    delete_recorded(attachment)
