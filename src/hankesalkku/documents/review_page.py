"""What the review page shows: the text with each value marked, and each value's row.

Rows are built from values loaded once with their matches and written records, so the page
costs the same few queries however many values a document has.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import prefetch_related_objects
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from hankesalkku.core.dates import format_date
from hankesalkku.core.money import format_eur
from hankesalkku.decisions.models import Commitment, Decision
from hankesalkku.organisations.models import Organisation
from hankesalkku.projects.models import Application, Partner, ProjectEntity

from .labels import GROUP_TITLES, value_label
from .links import record_url
from .matching import conflict, parse_date
from .models import ExtractedValue, Extraction

logger = logging.getLogger(__name__)


@dataclass
class Row:
    value: ExtractedValue
    label: str
    display: str
    original: str
    conflict: str | None
    record_url: str | None
    match: Organisation | None
    input_value: str
    ocr_confidence: float | None = None  # the quote was recognised from a scanned image


def _amount(value: ExtractedValue, text: str) -> Decimal | None:
    """The euros of an amount value; the reader and the corrections store plain decimals, so
    anything else is a stored value gone wrong, shown as it is and logged."""
    try:
        return Decimal(text)
    except ArithmeticError:
        logger.warning("Extracted amount %s is not a number: %r", value.pk, text, exc_info=True)
        return None


def display_value(value: ExtractedValue, text: str) -> str:
    if value.group == "amount":
        amount = _amount(value, text)
        return text if amount is None else format_eur(amount, value.qualifier or "exact")
    if value.name in ("decision_date", "period_start", "period_end"):
        parsed = parse_date(text)
        return format_date(parsed) if parsed else text
    if value.group == "call":
        details = value.details or {}
        parts = [" – ".join(filter(None, (_fi(details.get("opens")), _fi(details.get("closes")))))]
        if details.get("budget_eur"):
            parts.append(format_eur(Decimal(details["budget_eur"])))
        if details.get("ministries"):
            parts.append(" + ".join(details["ministries"]))
        return ", ".join(p for p in parts if p)
    return text


def _fi(iso: str | None) -> str:
    parsed = parse_date(iso or "")
    return format_date(parsed) if parsed else (iso or "")


def row_for(value: ExtractedValue, extraction: Extraction) -> Row:
    effective = value.effective_value
    corrected = value.status == ExtractedValue.Status.CORRECTED
    return Row(
        value=value,
        label=value_label(value),
        display=display_value(value, effective),
        original=display_value(value, value.value) if corrected else "",
        conflict=conflict(value, extraction),
        record_url=record_url(value.record) if value.record_id else None,
        match=value.organisation,
        input_value=input_value(value, effective),
        ocr_confidence=extraction.ocr_confidence,
    )


def input_value(value: ExtractedValue, text: str) -> str:
    """The value as a person would type it when correcting: 123 750,00 and 14.12.2023."""
    if value.group == "amount":
        amount = _amount(value, text)
        if amount is None:
            return text
        whole, _sep, cents = f"{amount:,.2f}".partition(".")
        return f"{whole.replace(',', ' ')},{cents}"
    if value.name in ("decision_date", "period_start", "period_end"):
        parsed = parse_date(text)
        return parsed.strftime("%-d.%-m.%Y") if parsed else text
    return text


# What each written record's name and page need, fetched once per kind of record.
_RECORD_RELATIONS = {
    Application: ("organisation", "entity"),
    Commitment: ("payer", "entity"),
    Partner: ("organisation", "entity"),
}


def load_values(extraction: Extraction) -> list[ExtractedValue]:
    values = list(
        extraction.values.select_related("organisation", "record_type").prefetch_related("record")
    )
    by_model: dict = {}
    for value in values:
        if value.record_id and value.record is not None:
            by_model.setdefault(type(value.record), []).append(value.record)
    for model, records in by_model.items():
        if model in _RECORD_RELATIONS:
            prefetch_related_objects(records, *_RECORD_RELATIONS[model])
    return values


def load_value(pk: int) -> ExtractedValue:
    return (
        ExtractedValue.objects.select_related(
            "organisation",
            "record_type",
            "extraction__document",
            "extraction__decision",
            "extraction__entity",
            "extraction__application",
        )
        .prefetch_related("record")
        .get(pk=pk)
    )


def grouped_rows(values: list[ExtractedValue], extraction: Extraction) -> list[tuple]:
    groups = []
    for group, title in GROUP_TITLES.items():
        rows = [row_for(v, extraction) for v in values if v.group == group]
        if rows:
            groups.append((group, title, rows))
    return groups


def highlighted_text(text: str, values: list[ExtractedValue]) -> SafeString:
    """The document text with every value's evidence inside <mark>, anchored by the value."""
    spans = [
        (v.start, v.end, v)
        for v in values
        if v.start is not None and v.end is not None and v.end <= len(text)
    ]
    cuts = sorted({0, len(text), *(s for s, _e, _v in spans), *(e for _s, e, _v in spans)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        anchors = "".join(
            f'<span class="anchor" id="mark-{v.pk}"></span>' for s, _e, v in spans if s == a
        )
        covering = [v for s, e, v in spans if s <= a and e >= b]
        piece = escape(text[a:b])
        if covering:
            first = covering[0]
            labels = escape("; ".join(value_label(v) for v in covering))
            out.append(
                f'{anchors}<mark class="st-{first.status}" title="{labels}" '
                f'data-values="{" ".join(str(v.pk) for v in covering)}">{piece}</mark>'
            )
        else:
            out.append(anchors + piece)
    return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped above


def status_of(extraction: Extraction, values: list[ExtractedValue]) -> str:
    pending = sum(1 for v in values if v.status == ExtractedValue.Status.PENDING)
    return extraction.status_for(pending, len(values))


def written_records(values: list[ExtractedValue]) -> list[tuple[str, str | None, str]]:
    """Each record the review wrote, once: (label, url, kind)."""
    seen, out = set(), []
    for value in values:
        record = value.record if value.record_id else None
        if record is None:
            continue
        key = (value.record_type_id, value.record_id)
        if key in seen:
            continue
        seen.add(key)
        out.append((str(record), record_url(record), str(record._meta.verbose_name)))
    return out


def target_choices(extraction: Extraction, user) -> dict:
    """The records a person may pick as targets (only projects they may see), in four queries."""
    applications = []
    if extraction.entity_id:
        applications = list(
            extraction.entity.applications.select_related("organisation").order_by("pk")
        )
    return {
        "organisations": list(Organisation.objects.top_level().only("pk", "name")),
        "entities": list(ProjectEntity.objects.visible_to(user).only("pk", "name", "acronym")),
        "applications": applications,
        "decisions": list(Decision.objects.select_related("organisation").order_by("-date")[:200]),
    }
