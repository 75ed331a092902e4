import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db import models

from hankesalkku.core.services import save_validated, service

from .models import SourceDocument, SourceReference
from .quotes import locate_quote


@service
def source_document_create(
    *,
    actor,
    title: str,
    kind: str,
    filename: str = "",
    text: str = "",
    original: bytes | None = None,
    date=None,
    publisher=None,
    content_type: str = "",
) -> SourceDocument:
    """Store a document once: the same bytes (or text) are recognised by their hash."""
    digest_source = original if original is not None else text.encode("utf-8")
    sha256 = hashlib.sha256(digest_source).hexdigest() if digest_source else ""
    if sha256:
        existing = SourceDocument.objects.filter(sha256=sha256).first()
        if existing:
            return existing
    document = SourceDocument(
        title=title,
        kind=kind,
        filename=filename,
        text=text,
        original=original,
        sha256=sha256,
        date=date,
        publisher=publisher,
        content_type=content_type,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    return save_validated(document)


@service
def source_reference_create(
    *,
    actor,
    document: SourceDocument,
    target: models.Model,
    quote: str,
    field: str = "",
    section: str = "",
    start: int | None = None,
    end: int | None = None,
) -> SourceReference:
    """Cite a document for a record or one of its figures; find the span when none is given."""
    if start is None and document.text:
        span = locate_quote(document.text, quote)
        if span:
            start, end = span
    reference = SourceReference(
        document=document,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        field=field,
        section=section,
        quote=quote,
        start=start,
        end=end,
    )
    return save_validated(reference)
