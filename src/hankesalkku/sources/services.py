"""Writes for source documents and the references that cite their sentences.

A document is recognised by the hash of its bytes (or of its text when it has no original),
so the same file read twice is stored once; a reference keeps its quote and, where the text
is stored, the span the quote stands at.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db import models

from hankesalkku.core.services import delete_recorded, record_update, save_validated, service

from .models import SourceDocument, SourceReference
from .quotes import locate_quote


def _digest(original: bytes | None, text: str) -> str:
    source = original if original is not None else text.encode("utf-8")
    return hashlib.sha256(source).hexdigest() if source else ""


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
    sha256 = _digest(original, text)
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
        uploaded_by=actor,
    )
    return save_validated(document)


@service
def source_document_update(*, actor, document: SourceDocument, **changes) -> SourceDocument:
    """A text-only document's hash follows its text, so it is still recognised when read."""
    if "text" in changes and not document.original:
        changes["sha256"] = _digest(None, changes["text"])
    return record_update(document, changes)


@service
def source_document_delete(*, actor, document: SourceDocument) -> None:
    """Refused while a reference cites the document: a figure would lose its source."""
    delete_recorded(document)


def _span(document: SourceDocument, quote: str) -> tuple[int | None, int | None]:
    span = locate_quote(document.text, quote) if document.text else None
    return span or (None, None)


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
    if start is None:
        start, end = _span(document, quote)
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


@service
def source_reference_update(*, actor, reference: SourceReference, **changes) -> SourceReference:
    """A corrected quote is found again in the text unless its span is given with it."""
    if "quote" in changes and "start" not in changes:
        document = changes.get("document", reference.document)
        changes["start"], changes["end"] = _span(document, changes["quote"])
    return record_update(reference, changes)


@service
def source_reference_delete(*, actor, reference: SourceReference) -> None:
    delete_recorded(reference)
