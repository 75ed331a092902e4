"""The bookkeeping of applying read values: which values are accepted, each group of writes in
its own savepoint, and the citation that links a record to its sentence.

Why apart from the steps (`apply.py`): every step (organisations, project, decision,
financing, commitments, calls and districts) writes through these three, so a value always
ends either applied with its record and source or unapplied with the Finnish message.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from hankesalkku.decisions.models import normalise_section
from hankesalkku.sources.models import SourceReference
from hankesalkku.sources.services import source_reference_create

from ..models import ExtractedValue, Extraction


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


class Applier:
    """One extraction's accepted values being written as records by one person."""

    def __init__(self, actor, extraction: Extraction, values: list[ExtractedValue]) -> None:
        self.actor = actor
        self.extraction = extraction
        self.document = extraction.document
        self.values = values
        self.all_values = list(extraction.values.all())
        self.section = ""
        for value in values:
            if value.group == "field" and value.name == "section":
                self.section = f"{normalise_section(value.effective_value)} §"
        self._pending: list = []

    # -- bookkeeping -------------------------------------------------------------------------
    def cite(self, value: ExtractedValue, record, field: str = "", *, reference: bool = True):
        ref = None
        if reference:
            ref = SourceReference.objects.filter(
                document=self.document,
                content_type=ContentType.objects.get_for_model(record),
                object_id=record.pk,
                field=field,
                start=value.start,
            ).first() or source_reference_create(
                actor=self.actor,
                document=self.document,
                target=record,
                field=field,
                section=self.section,
                quote=value.quote or value.effective_value,
                start=value.start,
                end=value.end,
            )
        self._pending.append((value, record, ref))

    def step(self, values: list[ExtractedValue], write) -> bool:
        """Run one group of writes in a savepoint; on refusal the values keep the message."""
        self._pending = []
        try:
            with transaction.atomic():
                write()
        except ValidationError as error:
            for value in values:
                value.error = _messages(error)
            return False
        for value, record, ref in self._pending:
            value.record_type = ContentType.objects.get_for_model(record)
            value.record_id = record.pk
            value.reference = ref or value.reference
            value.error = ""
        return True

    def accepted(self, group: str, names=None) -> list[ExtractedValue]:
        return [
            v
            for v in self.values
            if v.group == group and (names is None or v.name in names) and not v.is_applied
        ]
