"""Proposing which stored record an extracted value is about, and where the two disagree.

Documents name organisations in inflected or genitive forms ("Helsingin kaupunki" for the
organisation stored as "Helsinki"), and identifiers in printed or API forms; the index
folds those differences so a proposal is right more often than a plain name lookup.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db.models import Q

from hankesalkku.core.dates import format_date
from hankesalkku.core.money import format_eur
from hankesalkku.decisions.models import (
    Decision,
    normalise_classification,
    normalise_diary_number,
    normalise_section,
)
from hankesalkku.organisations.models import Organisation, OrganisationType
from hankesalkku.projects.models import ProjectEntity
from hankesalkku.reader.organisations import nominative as _reader_nominative

BUSINESS_ID = re.compile(r"(?<![\d-])(\d{7}-\d)(?![\d-])")
_CITY_FORM = re.compile(r"^(\w+?)n (?:kaupunki|kunta)$", re.I)
_PUNCTUATION = re.compile(r"[\"'”“«»()]")
_DASHES = re.compile(r"\s*[\u2010-\u2015-]\s*")
_CITY_UNIT = re.compile(r"^(\w+?)n (?:kaupungin|kunnan) (.+)$")
_LEGAL_FORM = re.compile(r"\s+(?:oy|oyj|ab|ry|r\.y\.|sr|rf)$")

# Which record attribute each reader field fills, by the record it belongs to.
DECISION_FIELDS = {
    "diary_number": "diary_number",
    "section": "section",
    "decision_date": "date",
    "decision_maker": "decision_maker",
    "title": "title",
    "classification_code": "classification_code",
    "appeal": "appeal",
}
ENTITY_FIELDS = {
    "project_name": "name",
    "project_acronym": "acronym",
    "project_code": "project_code",
    "period_start": "starts",
    "period_end": "ends",
}
ENTITY_AMOUNTS = {"project_total": "total_cost", "project_support": "support"}
APPLICATION_AMOUNTS = {
    "part_total": "total_cost",
    "part_support": "support",
    "own_financing": "own_financing",
    "municipal_financing": "municipal_financing",
}
# Diary-number prefixes of the cities whose decision systems we read.
DIARY_PREFIX_CITY = {
    "HEL": "Helsingin kaupunki",
    "ESP": "Espoon kaupunki",
    "VAN": "Vantaan kaupunki",
    "TRE": "Tampereen kaupunki",
    "OUKA": "Oulun kaupunki",
    "TKU": "Turun kaupunki",
}


def fold(name: str) -> str:
    text = _DASHES.sub("-", _PUNCTUATION.sub("", name or ""))
    return " ".join(text.casefold().split())


def loose(name: str) -> str:
    """A looser key: no legal form (Oy, ry) and no plural -t ('palvelut' ~ 'palvelu')."""
    key = _LEGAL_FORM.sub("", fold(name))
    return key[:-1] if key.endswith("t") and len(key) > 4 else key


class OrganisationIndex:
    """All organisations' names in one query, folded for lookups by any written form."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[Organisation]] = {}
        self.by_business_id: dict[str, Organisation] = {}
        self.by_pk: dict[int, Organisation] = {}
        self.municipalities: list[Organisation] = []
        for org in Organisation.objects.only(
            "pk",
            "name",
            "name_sv",
            "name_en",
            "abbreviation",
            "business_id",
            "organisation_type",
            "parent_id",
        ):
            self.by_pk[org.pk] = org
            names = [org.name, org.name_sv, org.name_en]
            if len(org.abbreviation) >= 2:
                names.append(org.abbreviation)
            for key in {k for name in names if name for k in (fold(name), loose(name))}:
                self.by_key.setdefault(key, []).append(org)
            if org.business_id:
                self.by_business_id[org.business_id] = org
            if org.organisation_type == OrganisationType.MUNICIPALITY and not org.parent_id:
                self.municipalities.append(org)

    def top(self, org: Organisation) -> Organisation:
        while org.parent_id and org.parent_id in self.by_pk:
            org = self.by_pk[org.parent_id]
        return org

    def find(self, name: str, context: str = "") -> Organisation | None:
        """By business ID stated next to the name, then by name in any tolerated form."""
        for business_id in BUSINESS_ID.findall(context):
            if business_id in self.by_business_id:
                return self.by_business_id[business_id]
        if not name:
            return None
        for candidate in (name, _reader_nominative(name) or ""):
            for key in (fold(candidate), loose(candidate)):
                found = self.by_key.get(key)
                if found:  # a top-level organisation before a unit of the same name
                    return min(found, key=lambda org: (org.parent_id is not None, org.pk))
        return self._city_unit(name) or self._city(name)

    def _city_unit(self, name: str) -> Organisation | None:
        """'Oulun kaupungin sivistys- ja kulttuuripalvelut' → that unit under Oulu."""
        match = _CITY_UNIT.match(fold(name))
        if not match:
            return None
        city = self._city(f"{match.group(1)}n kaupunki")
        if city is None:
            return None
        for org in self.by_key.get(loose(match.group(2)), []):
            if org.parent_id and self.top(org).pk == city.pk:
                return org
        return None

    def _city(self, name: str) -> Organisation | None:
        """'Helsingin kaupunki' → the municipality stored as 'Helsinki' (genitive stem)."""
        found = self.by_key.get(fold(name))
        if found:
            return found[0]
        match = _CITY_FORM.match(fold(name))
        if not match:
            return None
        stem = match.group(1)
        for org in self.municipalities:
            stored = fold(org.name)
            common = len(_common_prefix(stem, stored))
            if common >= 3 and common >= len(stored) - 2 and len(stem) - common <= 3:
                return org
        return None


def _common_prefix(a: str, b: str) -> str:
    out = []
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        out.append(x)
    return "".join(out)


def match_decision(fields: dict[str, str]) -> Decision | None:
    """The stored decision a document is about: the same diary number and section (a diary
    number names a matter, which may have several decisions), and where the document gives
    no section, the same date; None where that does not decide."""
    diary = normalise_diary_number(fields.get("diary_number") or "")
    if not diary:
        return None
    candidates = list(Decision.objects.filter(diary_number=diary).order_by("-date", "-pk"))
    section = normalise_section(fields.get("section") or "")
    when = parse_date(fields.get("decision_date") or "")
    if section:
        same = [d for d in candidates if d.section == section]
        dated = [d for d in same if when is None or d.date == when]
        return (dated or same or [None])[0]
    if when is not None:
        candidates = [d for d in candidates if d.date == when] or candidates
    return candidates[0] if len(candidates) == 1 else None


def rematch(extraction, values) -> None:
    """Match the decision and project again with the values as confirmed: another copy of the
    same decision may have been saved since this one was read, and a correction may have fixed
    the diary number. So a second reading updates the stored records, never duplicates them."""
    fields = {v.name: v.effective_value for v in values if v.group == "field"}
    if extraction.decision_id is None:
        extraction.decision = match_decision(fields)
        if extraction.decision is not None and extraction.organisation_id is None:
            extraction.organisation = extraction.decision.organisation
    if extraction.entity_id is None:
        extraction.entity = match_entity(fields)
        if extraction.entity is None and extraction.decision is not None:
            subjects = list(extraction.decision.project_entities.all()[:2])
            extraction.entity = subjects[0] if len(subjects) == 1 else None


def match_entity(fields: dict[str, str]) -> ProjectEntity | None:
    code, acronym, name = (
        fields.get("project_code"),
        fields.get("project_acronym"),
        fields.get("project_name"),
    )
    condition = Q(pk__in=[])
    if code:
        condition |= Q(project_code__iexact=code)
    if acronym:
        condition |= Q(acronym__iexact=acronym)
    if name:
        condition |= Q(name__iexact=name)
    found = list(ProjectEntity.objects.filter(condition)[:10])
    for test in (
        lambda e: code and e.project_code.casefold() == code.casefold(),
        lambda e: acronym and e.acronym.casefold() == acronym.casefold(),
        lambda e: True,
    ):
        for entity in found:
            if test(entity):
                return entity
    return None


def parse_amount(text: str) -> Decimal | None:
    """'123 750,00 €', '123750.00' or '123 750' as euros; None where it is no amount."""
    cleaned = re.sub(r"[\s\u00a0\u202f€]|euroa?$", "", text or "", flags=re.I)
    if re.fullmatch(r"\d+,\d{1,2}", cleaned):
        cleaned = cleaned.replace(",", ".")
    # A typed or read figure is at most twelve digits before the point; a longer run of
    # digits, an exponent ("1e9999"), NaN or Infinity is no amount, and quantizing one would
    # raise InvalidOperation instead of returning None.
    if not re.fullmatch(r"\+?(\d{1,12}(\.\d*)?|\.\d+)", cleaned):
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value.quantize(Decimal("0.01"))


def parse_date(text: str) -> date | None:
    """ISO '2023-12-14' or Finnish '14.12.2023'."""
    text = (text or "").strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or None
    parts = None
    if match:
        parts = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
    else:
        match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
        if match:
            parts = (int(match.group(3)), int(match.group(2)), int(match.group(1)))
    if not parts:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


def appeal_choice(text: str) -> str:
    folded = (text or "").casefold()
    if "kielto" in folded or folded == "no_appeal" or "ei saa hakea" in folded:
        return "no_appeal"
    if "oikaisu" in folded or folded == "correction_request":
        return "correction_request"
    if "valitus" in folded or folded == "appeal":
        return "appeal"
    return ""


def _same(kind: str, extracted: str, stored) -> bool:
    if kind == "date":
        return parse_date(extracted) == stored
    if kind == "money":
        return parse_amount(extracted) == stored
    if kind == "diary":
        return normalise_diary_number(extracted) == stored
    if kind == "section":
        return normalise_section(extracted) == stored
    if kind == "classification":
        return normalise_classification(extracted) == stored
    if kind == "appeal":
        return appeal_choice(extracted) == stored
    return fold(extracted) == fold(str(stored))


_COMPARE = {
    "decision_date": "date",
    "diary_number": "diary",
    "section": "section",
    "classification_code": "classification",
    "appeal": "appeal",
    "period_start": "date",
    "period_end": "date",
}


def _display(stored) -> str:
    if isinstance(stored, Decimal):
        return format_eur(stored)
    if isinstance(stored, date):
        return format_date(stored)
    return str(stored)


def stored_counterpart(value, extraction):
    """(record, attribute) the value would write to, when a matched record exists."""
    if value.group == "field":
        if value.name in DECISION_FIELDS and extraction.decision_id:
            return extraction.decision, DECISION_FIELDS[value.name]
        if value.name in ENTITY_FIELDS and extraction.entity_id:
            return extraction.entity, ENTITY_FIELDS[value.name]
    if value.group == "amount":
        if value.name in ENTITY_AMOUNTS and extraction.entity_id:
            return extraction.entity, ENTITY_AMOUNTS[value.name]
        if value.name in APPLICATION_AMOUNTS and extraction.application_id:
            return extraction.application, APPLICATION_AMOUNTS[value.name]
    return None, None


def conflict(value, extraction) -> str | None:
    """The stored value, formatted, where the matched record holds something different."""
    record, attribute = stored_counterpart(value, extraction)
    if record is None:
        return None
    stored = getattr(record, attribute)
    if stored in (None, ""):
        return None
    kind = "money" if value.group == "amount" else _COMPARE.get(value.name, "text")
    if kind == "date" and value.name.startswith("period_") and re.fullmatch(r"\d{4}", value.value):
        return None if stored.year == int(value.value) else _display(stored)
    if _same(kind, value.effective_value, stored):
        return None
    if kind == "appeal":
        return record.get_appeal_display()
    return _display(stored)
