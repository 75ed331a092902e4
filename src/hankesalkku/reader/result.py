"""The typed result of reading one document, and its JSON form.

Every extracted value carries an :class:`Evidence` so that a person can check it
against the sentence it came from before anything becomes a record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .messages import Message

KINDS = (
    "decision",
    "agenda_item",
    "call_notice",
    "call_results",
    "presentation",
    "project_description",
    "funding_decision",
    "application",
    "unknown",
)
FIELD_NAMES = (
    "diary_number",
    "classification_code",
    "project_code",
    "section",
    "decision_date",
    "decision_maker",
    "title",
    "project_name",
    "project_acronym",
    "programme",
    "priority",
    "specific_objective",
    "funding_authority",
    "cost_model",
    "period_start",
    "period_end",
    "appeal",
)
AMOUNT_ROLES = (
    "project_total",
    "project_support",
    "part_total",
    "part_support",
    "own_financing",
    "municipal_financing",
    "call_budget",
    "theme_budget",
    "granted",
    "other",
)
ORGANISATION_ROLES = (
    "lead_coordinator",
    "main_implementer",
    "co_implementer",
    "implementer",
    "partner",
    "authorised_unit",
    "funding_authority",
    "ministry",
    "applicant",
)
QUALIFIERS = ("exact", "at_most", "about", "at_least")


@dataclass(frozen=True)
class Evidence:
    """Where a value came from: ``text == ReadResult.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_json_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Field:
    value: str | None
    evidence: Evidence | None = None

    def to_json_dict(self) -> dict:
        return {
            "value": self.value,
            "evidence": self.evidence.to_json_dict() if self.evidence else None,
        }


@dataclass
class OrganisationMention:
    name: str
    role: str
    evidence: Evidence

    def to_json_dict(self) -> dict:
        return {"name": self.name, "role": self.role, "evidence": self.evidence.to_json_dict()}


@dataclass
class Amount:
    eur: Decimal
    role: str
    qualifier: str
    evidence: Evidence
    party: str | None = None
    budget_item: str | None = None

    def to_json_dict(self) -> dict:
        return {
            "eur": f"{self.eur:.2f}",
            "role": self.role,
            "qualifier": self.qualifier,
            "party": self.party,
            "budget_item": self.budget_item,
            "evidence": self.evidence.to_json_dict(),
        }


@dataclass
class CallMention:
    opens: str | None
    closes: str | None
    budget_eur: Decimal | None
    ministries: list[str]
    evidence: Evidence

    def to_json_dict(self) -> dict:
        return {
            "opens": self.opens,
            "closes": self.closes,
            "budget_eur": None if self.budget_eur is None else f"{self.budget_eur:.2f}",
            "ministries": list(self.ministries),
            "evidence": self.evidence.to_json_dict(),
        }


@dataclass
class DistrictMention:
    name: str
    evidence: Evidence

    def to_json_dict(self) -> dict:
        return {"name": self.name, "evidence": self.evidence.to_json_dict()}


@dataclass
class ReadResult:
    filename: str
    sha256: str
    kind: str = "unknown"
    text: str = ""
    fields: dict[str, Field] = field(default_factory=dict)
    organisations: list[OrganisationMention] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    calls: list[CallMention] = field(default_factory=list)
    districts: list[DistrictMention] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """The problems found, in Finnish (the text of each of ``messages``)."""
    messages: list[Message] = field(default_factory=list)
    """The same problems with a stable code each, to show in any language."""
    ocr_confidence: float | None = None
    """Mean word confidence (0-100) when the text was recognised by OCR from a scan, else
    None: every value of such a text may hold a misread character."""

    def add_message(self, message: Message) -> None:
        """Record a problem: its code in ``messages`` and its Finnish text in ``errors``."""
        self.messages.append(message)
        self.errors.append(message.text("fi"))

    @property
    def error_codes(self) -> list[str]:
        """The code of each message, in the order of ``messages``."""
        return [message.code for message in self.messages]

    def value(self, name: str) -> str | None:
        """The value of a field, or None when the document did not state it."""
        found = self.fields.get(name)
        return found.value if found else None

    def to_json_dict(self, messages: bool = False) -> dict:
        """The object of the ``hankesalkku ingest --json`` output contract.

        With ``messages=True`` it also has ``"messages"``: ``{"code", "params", "text"}`` of
        each problem (not part of the contract yet, so off by default).
        """
        out = {
            "source": self.filename,
            "sha256": self.sha256,
            "kind": self.kind,
            "fields": {name: f.to_json_dict() for name, f in self.fields.items()},
            "organisations": [o.to_json_dict() for o in self.organisations],
            "amounts": [a.to_json_dict() for a in self.amounts],
            "calls": [c.to_json_dict() for c in self.calls],
            "districts": [d.to_json_dict() for d in self.districts],
            "errors": list(self.errors),
        }
        if messages:
            out["messages"] = [message.to_json_dict() for message in self.messages]
        return out
