"""Reading a file into a stored document and an extraction waiting for review.

A file either becomes a document with all its values, or nothing: the whole ingest of one
file runs in one transaction, and a file without readable text is refused before any write.
"""

from __future__ import annotations

import hashlib
import mimetypes
from decimal import Decimal
from pathlib import PurePath

from django.utils.formats import localize
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hankesalkku.core.services import save_validated, service
from hankesalkku.reader import MAX_BYTES, ReadResult, read_document
from hankesalkku.reader.inflection import names_several
from hankesalkku.reader.messages import NOTHING_FOUND as NOTHING_FOUND_CODE
from hankesalkku.reader.messages import message_text
from hankesalkku.sources.models import DocumentKind, SourceDocument
from hankesalkku.sources.quotes import locate_quote
from hankesalkku.sources.services import source_document_create

from ..matching import (
    APPLICATION_AMOUNTS,
    DIARY_PREFIX_CITY,
    OrganisationIndex,
    match_decision,
    match_entity,
    parse_date,
)
from ..models import ExtractedValue, Extraction

MAX_DOCUMENT_BYTES = MAX_BYTES
_CONTEXT = 200  # characters after an organisation's name searched for its business ID


class DocumentRefused(Exception):
    """A file that cannot become a document; the message says why, in Finnish."""


def size_refusal(filename: str, size: int) -> str | None:
    """The message for a file too large to read, checked before its bytes are loaded."""
    if size <= MAX_DOCUMENT_BYTES:
        return None
    return _(
        "Tiedosto %(name)s on liian suuri (%(size)s Mt); suurin luettava koko on %(max)s Mt."
    ) % {
        "name": filename,
        "size": _megabytes_up(size),
        "max": MAX_DOCUMENT_BYTES // 1024 // 1024,
    }


def _megabytes_up(size: int) -> str:
    """Megabytes with one decimal, rounded up, so a file over the limit never reads as the
    limit itself (21 000 000 bytes was "20,0 Mt" against "20 Mt")."""
    tenths = -(-size * 10 // (1024 * 1024))
    return localize((Decimal(tenths) / 10).quantize(Decimal("0.1")))


def reader_messages(result: ReadResult) -> list[str]:
    """The reader's messages in the language of the page or command (the reader has no Django,
    so it gives each message a code and its Finnish, Swedish and English texts)."""
    language = (get_language() or "fi")[:2]
    return [message.text(language) for message in result.messages]


def read_failure(result: ReadResult) -> str | None:
    """Why a read result cannot be reviewed (no text, or nothing recognised), or None."""
    if not result.text.strip():
        return " ".join(reader_messages(result)) or _("Tiedostosta %(name)s ei saatu tekstiä.") % {
            "name": result.filename
        }
    found = (result.fields, result.organisations, result.amounts, result.calls, result.districts)
    if NOTHING_FOUND_CODE in result.error_codes or not any(found):
        return _("Tiedosto %(name)s: %(reason)s") % {
            "name": result.filename,
            "reason": message_text(NOTHING_FOUND_CODE, (get_language() or "fi")[:2]),
        }
    return None


@service
def document_ingest(*, actor, data: bytes, filename: str) -> tuple[SourceDocument, Extraction]:
    """Store a file and what the reader found in it; the same content twice is stored once.

    Raises DocumentRefused (nothing written) when the file has no reviewable content. The
    extraction carries `is_new` (False for a file seen before) and `value_count`.
    """
    refusal = size_refusal(filename, len(data))
    if refusal:
        raise DocumentRefused(refusal)
    sha256 = hashlib.sha256(data).hexdigest()
    existing = SourceDocument.objects.filter(sha256=sha256).select_related("extraction").first()
    if existing is not None and hasattr(existing, "extraction"):
        extraction = existing.extraction
        extraction.is_new, extraction.value_count = False, extraction.values.count()
        return existing, extraction
    result = read_document(data, filename)
    failure = read_failure(result)
    if failure:
        raise DocumentRefused(failure)
    return _store(actor=actor, data=data, result=result, existing=existing)


def _store(
    *, actor, data: bytes, result: ReadResult, existing
) -> tuple[SourceDocument, Extraction]:
    fields = {name: field.value for name, field in result.fields.items() if field.value}
    kind = result.kind if result.kind in DocumentKind.values else DocumentKind.UNKNOWN
    if existing is not None:
        # Stored earlier from its text alone (the demo cites the seeds): keep it, add the read.
        document = existing
        if not document.original:
            document.original = data
            save_validated(document, update_fields=["original"])
    else:
        document = source_document_create(
            actor=actor,
            title=_title(result, fields),
            kind=kind,
            filename=PurePath(result.filename).name[-255:],
            text=result.text,
            original=data,
            date=parse_date(fields.get("decision_date") or ""),
            content_type=mimetypes.guess_type(result.filename)[0] or "",
        )
    organisations = OrganisationIndex()
    decision = match_decision(fields)
    entity = match_entity(fields)
    extraction = save_validated(
        Extraction(
            document=document,
            kind=kind,
            warnings=[message.to_json_dict() for message in result.messages],
            decision=decision,
            entity=entity,
            created_by=actor,
        )
    )
    values = _values(extraction, result, organisations)
    if document.text != result.text:
        _relocate(values, document.text)
    ExtractedValue.objects.bulk_create(values)
    extraction.organisation = _decision_organisation(decision, fields, values, organisations)
    extraction.application = _application(entity, values, extraction.organisation)
    save_validated(extraction, update_fields=["organisation", "application"])
    extraction.is_new, extraction.value_count = True, len(values)
    return document, extraction


def _title(result: ReadResult, fields: dict[str, str]) -> str:
    """The document's own title where the reader found one; else its file name, which is honest
    where a first line ("Teemat:") would pass a fragment off as a title."""
    title = fields.get("title") or fields.get("project_name")
    if not title:
        title = result.filename
        if fields.get("decision_date"):
            title = f"{title} ({fields['decision_date']})"
    return title[:500]


def _span(evidence) -> dict:
    if evidence is None or evidence.end <= evidence.start:
        return {"start": None, "end": None, "quote": ""}
    return {"start": evidence.start, "end": evidence.end, "quote": evidence.text}


def _values(extraction, result: ReadResult, organisations: OrganisationIndex) -> list:
    group = ExtractedValue.Group
    made: list[ExtractedValue] = []

    def add(**kwargs) -> None:
        made.append(ExtractedValue(extraction=extraction, order=len(made), **kwargs))

    for name, field in result.fields.items():
        if field.value:
            add(group=group.FIELD, name=name, value=field.value, **_span(field.evidence))
    text = result.text
    for mention in result.organisations:
        context = text[mention.evidence.start : mention.evidence.end + _CONTEXT]
        known = organisations.find(mention.name, context)
        if known is None and names_several(mention.name):
            continue  # "Oulun ja Helsingin kaupunkien palvelut": a description, not a name
        add(
            group=group.ORGANISATION,
            name=mention.role,
            value=mention.name,
            organisation=known,
            **_span(mention.evidence),
        )
    for amount in result.amounts:
        add(
            group=group.AMOUNT,
            name=amount.role,
            value=f"{amount.eur:.2f}",
            qualifier=amount.qualifier,
            party=(amount.party or "")[:300],
            budget_item=(amount.budget_item or "")[:60],
            organisation=organisations.find(amount.party or ""),
            **_span(amount.evidence),
        )
    for call in result.calls:
        budget = None if call.budget_eur is None else f"{call.budget_eur:.2f}"
        summary = " – ".join(filter(None, (call.opens, call.closes)))
        add(
            group=group.CALL,
            name="call",
            value=summary,
            details={
                "opens": call.opens,
                "closes": call.closes,
                "budget_eur": budget,
                "ministries": list(call.ministries),
            },
            **_span(call.evidence),
        )
    for district in result.districts:
        add(group=group.DISTRICT, name="district", value=district.name, **_span(district.evidence))
    return made


def _relocate(values: list, text: str) -> None:
    """Point evidence into a stored text that differs from the reader's (spacing, breaks)."""
    for value in values:
        span = locate_quote(text, value.quote) if value.quote else None
        if span:
            value.start, value.end = span
            value.quote = text[span[0] : span[1]]
        else:
            value.start = value.end = None


def _decision_organisation(decision, fields, values, organisations: OrganisationIndex):
    """Who made the decision: the matched decision's maker, else the diary prefix's city,
    else the organisation above the authorised unit."""
    if decision is not None:
        return decision.organisation
    prefix = (fields.get("diary_number") or "").split(" ")[0].split("-")[0].upper()
    if prefix in DIARY_PREFIX_CITY:
        found = organisations.find(DIARY_PREFIX_CITY[prefix])
        if found is not None:
            return found
    for value in values:
        if value.name == "authorised_unit" and value.organisation is not None:
            return organisations.top(value.organisation)
    return None


def _application(entity, values, payer):
    """The application the financing figures belong to: the party's part in the project."""
    if entity is None:
        return None
    parties = {v.organisation_id for v in values if v.name in APPLICATION_AMOUNTS}
    parties.discard(None)
    if payer is not None:
        parties.add(payer.pk)
    applications = list(entity.applications.filter(organisation_id__in=parties)[:2])
    return applications[0] if len(applications) == 1 else None
