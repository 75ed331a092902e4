"""Hankesalkku's document reader: Finnish public-funding documents to checked facts.

Contract::

    from hankesalkku.reader import read_document, ReadResult
    result = read_document(data: bytes, filename: str)  # never raises

``result`` holds ``filename``, ``sha256`` (hex of the bytes), ``kind`` (one of
:data:`KINDS`), ``text`` (the extracted plain text), ``fields`` (name in
:data:`FIELD_NAMES` → :class:`Field` with ``value`` and ``evidence``),
``organisations``, ``amounts`` (``eur`` is a two-place ``Decimal``, ``role`` in
:data:`AMOUNT_ROLES`, ``qualifier`` in :data:`QUALIFIERS`), ``calls``,
``districts`` and ``errors`` (Finnish messages for the user); ``messages`` holds the
same problems as :class:`Message` (a stable code and its parameters, ``error_codes`` the
codes) for :func:`message_text` in Finnish, Swedish or English.

Every evidence satisfies ``evidence.text == result.text[evidence.start:evidence.end]``,
so a review page can highlight the source of each value in the text it shows.
``result.to_json_dict()`` is one object of the ``hankesalkku ingest --json`` array.

Dates are ISO strings; ``period_start``/``period_end`` are just a year where
only years are stated. ``decision_date`` is the document's own date for
documents that are not decisions. The package does not import Django. The stages of a
read are declared in :mod:`.pipeline`, the limits of its work in :mod:`.limits`.
"""

from .api import MAX_BYTES, NOTHING_FOUND, read_document
from .messages import Message, message_text
from .result import (
    AMOUNT_ROLES,
    FIELD_NAMES,
    KINDS,
    ORGANISATION_ROLES,
    QUALIFIERS,
    Amount,
    CallMention,
    DistrictMention,
    Evidence,
    Field,
    OrganisationMention,
    ReadResult,
)

__all__ = [
    "AMOUNT_ROLES",
    "FIELD_NAMES",
    "KINDS",
    "MAX_BYTES",
    "Message",
    "NOTHING_FOUND",
    "ORGANISATION_ROLES",
    "QUALIFIERS",
    "Amount",
    "CallMention",
    "DistrictMention",
    "Evidence",
    "Field",
    "OrganisationMention",
    "ReadResult",
    "message_text",
    "read_document",
]
