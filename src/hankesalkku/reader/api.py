"""``read_document``: bytes and a file name in, a checked :class:`ReadResult` out."""

from __future__ import annotations

import hashlib
import re

from . import dates, patterns
from . import fields as F
from .calls import find_calls
from .districts import find_districts
from .extract import extract
from .forms import amount_of, form_figures, read_form
from .kinds import kind_scores, pick
from .money import (
    Found,
    assign_roles,
    attach_budget_items,
    drop_unit_prices,
    find_figures,
    role_of,
)
from .organisations import city_organisation, known_mentions, nominative
from .result import Amount, Field, ReadResult
from .roles import find_roles
from .scan import gated
from .segments import Segments
from .textview import TextView

MAX_BYTES = 20 * 1024 * 1024
"""Files above this are refused unread: real decisions are far smaller, and a
huge file is almost always a scan or an archive uploaded by mistake."""

NOTHING_FOUND = "Asiakirjasta ei tunnistettu rahoitustietoja."
_FUNDING_WORDS = gated(
    r"rahoitu|tuki|tuen|tukea|avustu|hanke|hank|ESR|EAKR|haku|budjet|finansier|stöd|bidrag|projekt",
    re.I,
)


def read_document(data: bytes, filename: str) -> ReadResult:
    """Read one document. Never raises: every problem becomes a message in ``errors``."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        return ReadResult(
            filename=str(filename), sha256="", errors=["Syöte ei ole tiedoston sisältöä (tavuja)."]
        )
    data = bytes(data)
    result = ReadResult(filename=filename, sha256=hashlib.sha256(data).hexdigest())
    if not data.strip():
        result.errors.append(f"Tiedosto {filename} on tyhjä.")
        return result
    if len(data) > MAX_BYTES:
        result.errors.append(
            f"Tiedosto {filename} on liian suuri ({len(data) / 1024 / 1024:.1f} Mt); "
            f"suurin luettava koko on {MAX_BYTES // 1024 // 1024} Mt."
        )
        return result
    try:
        extracted = extract(data, filename)
        result.text = extracted.text
        result.errors.extend(extracted.errors)
        if result.text.strip():
            _analyse(result, extracted.hints)
    except Exception as exc:  # noqa: BLE001 - the batch must go on whatever one file does
        result.errors.append(
            f"Tiedoston {filename} lukeminen epäonnistui odottamattomasti ({type(exc).__name__})."
        )
    return result


def _field(view: TextView, found) -> Field | None:
    if not found:
        return None
    start, end, value = found
    return Field(value=value, evidence=view.evidence(start, end))


def _analyse(result: ReadResult, hints: dict) -> None:
    view = TextView(result.text)
    flat = view.flat
    segments = Segments(flat)
    fields: dict[str, Field] = {}

    def put(name: str, found) -> None:
        made = _field(view, found)
        if made is not None and made.value:
            fields[name] = made

    diary = patterns.find_diary(flat)
    put("diary_number", diary)
    put("classification_code", patterns.find_classification(flat, diary[2] if diary else None))
    put("project_code", patterns.find_project_code(flat))
    section = patterns.find_section(flat)
    put("section", section)
    put("decision_date", F.decision_date(flat))
    put("decision_maker", F.decision_maker(flat))
    put("title", F.title(flat, section[1] if section else None, diary[0] if diary else None))
    name = F.project_name(flat)
    put("project_name", name)
    put("project_acronym", F.project_acronym(flat, name))
    funding_text = bool(_FUNDING_WORDS.search(flat))
    if funding_text:
        put("programme", F.programme(flat))
    put("priority", F.first_match(F._PRIORITY, flat))
    put("specific_objective", F.first_match(F._OBJECTIVE, flat))
    authority = F.funding_authority(flat) if funding_text else None
    put("funding_authority", authority)
    put("cost_model", F.cost_model(flat))
    put("appeal", F.appeal(flat))

    figures = find_figures(flat)
    labelled = form_figures(flat, figures)
    scores = kind_scores(flat)
    kind_guess = pick(scores, has_facts=bool(figures))
    callish = kind_guess in ("call_notice", "call_results", "presentation")
    assign_roles(flat, figures, segments, callish, kind_guess)
    for fig, label in labelled:
        role = role_of(label, "") or "other"
        fig.role = {
            "total": "project_total",
            "support": "project_support",
            "call": "call_budget",
            "pool": "call_budget",
            "appropriation": "own_financing",
        }.get(role, role)
    figures = sorted(figures + [f for f, _ in labelled], key=lambda f: f.start)
    form = read_form(flat)
    if form:
        figures = _apply_form(view, form, fields, figures)
    calls = find_calls(view, segments, figures)
    result.calls = [c for c, _ in calls]
    period = F.period(flat, [span for _, span in calls]) if funding_text else None
    if period:
        fields["period_start"] = Field(period.first, view.evidence(period.start, period.end))
        fields["period_end"] = Field(period.last, view.evidence(period.start, period.end))
    # a document with no word of funding (fees, street names) has no funding amounts
    figures = drop_unit_prices(flat, figures) if funding_text else []
    attach_budget_items(flat, figures, segments)
    home = _home_organisation(flat, fields)
    _attach_parties(flat, figures, segments, home)
    result.amounts = _unique_amounts(view, figures)
    result.districts = find_districts(view)
    result.organisations = find_roles(view, authority, _form_organisations(form))
    for name_, (value, start, end) in hints.items():
        fields[name_] = Field(value=value, evidence=view.evidence(*_flat_span(view, start, end)))
    result.fields = {k: fields[k] for k in F_ORDER if k in fields}
    result.kind = pick(scores, has_facts=bool(result.amounts or result.calls))
    if result.kind == "unknown" and not (result.amounts or result.calls or result.organisations):
        result.errors.append(NOTHING_FOUND)


_FORM_FIELDS = {"name": "project_name", "acronym": "project_acronym", "priority": "priority",
                "objective": "specific_objective", "date": "decision_date"}  # fmt: skip
_FORM_ROLES = {"support": "project_support", "total": "project_total", "own": "own_financing"}


def _apply_form(view: TextView, form: dict, fields: dict, figures: list[Found]) -> list[Found]:
    """A printed form's values fill what the running text did not state."""
    for kind, name in _FORM_FIELDS.items():
        if kind in form and name not in fields:
            start, end, value = form[kind][0]
            if kind == "date":
                value = dates.find_dates(value)[0][2]
            fields[name] = Field(value=value, evidence=view.evidence(start, end))
    if "period" in form and "period_start" not in fields:
        start, _end, value = form["period"][0]
        span = dates.find_date_ranges(value)[0]
        evidence = view.evidence(start + span.start, start + span.end)
        fields["period_start"] = Field(span.first, evidence)
        fields["period_end"] = Field(span.last, evidence)
    for kind, role in _FORM_ROLES.items():
        for start, end, value in form.get(kind, []):
            fig = next((f for f in figures if start <= f.start < end), None)
            if fig is None:
                eur = amount_of(value)
                if eur is None:
                    continue
                fig = Found(start, end, eur, "exact")
                figures.append(fig)
            fig.role = role
    return sorted(figures, key=lambda f: f.start)


def _form_organisations(form: dict) -> list[tuple[int, int, str, str]]:
    found = []
    for kind, role in (("applicant", "applicant"), ("partner", "partner")):
        for start, end, value in form.get(kind, []):
            name = nominative(value)
            if name:
                found.append((start, end, name, role))
    return found


def _flat_span(view: TextView, start: int, end: int) -> tuple[int, int]:
    """Hints point into the original text; find the matching flat span."""
    quote = re.sub(r"\s+", " ", view.original[start:end]).strip()
    found = view.flat.find(quote)
    return (found, found + len(quote)) if found >= 0 else (0, 0)


def _home_organisation(flat: str, fields: dict[str, Field]) -> str | None:
    """The organisation whose decision this is, for its own money."""
    diary = fields.get("diary_number")
    if diary and diary.value and diary.value.startswith("HEL"):
        return "Helsingin kaupunki"
    m = re.search(r"\b([A-ZÅÄÖ][a-zåäö]+(?:n|en)) kaupun(?:ki|gin)\b", flat[:1500])
    return f"{m.group(1)} kaupunki" if m else None


_CITY_BEFORE = re.compile(r"([A-ZÅÄÖ](?<!\w.)[a-zåäö]+n)\s+(?:osuu|osahank|hankkee|kaupungin)")


def _attach_parties(flat: str, figures: list[Found], segments, home: str | None) -> None:
    mentions_in: dict[tuple[int, int], list] = {}  # figures often share a sentence
    for fig in figures:
        if fig.role not in (
            "own_financing",
            "municipal_financing",
            "part_total",
            "part_support",
            "granted",
        ):
            continue
        s_start, s_end = segments.sentence(fig.start)
        before = flat[s_start : fig.start]
        mentions = mentions_in.get((s_start, s_end))
        if mentions is None:
            mentions = [m for m in known_mentions(flat[s_start:s_end], flat) if m[2] != home]
            mentions_in[(s_start, s_end)] = mentions
        city = _CITY_BEFORE.findall(before)
        if fig.role == "municipal_financing" and mentions:
            fig.party = mentions[0][2]
        elif fig.role == "granted" and mentions:
            fig.party = min(mentions, key=lambda m: abs(s_start + m[0] - fig.start))[2]
        elif city and city_organisation(city[-1]):
            fig.party = city_organisation(city[-1])
        elif fig.role in ("own_financing", "part_total", "part_support"):
            fig.party = home


def _unique_amounts(view: TextView, figures: list[Found]) -> list[Amount]:
    seen = set()
    amounts = []
    for fig in figures:
        key = (fig.eur, fig.role, fig.qualifier, fig.party)
        if key in seen:
            continue
        seen.add(key)
        amounts.append(
            Amount(
                eur=fig.eur,
                role=fig.role,
                qualifier=fig.qualifier,
                evidence=view.evidence(fig.start, fig.end),
                party=fig.party,
                budget_item=fig.budget_item,
            )
        )
    return amounts


F_ORDER = (
    "diary_number", "classification_code", "project_code", "section", "decision_date", "decision_maker",
    "title", "project_name", "project_acronym", "programme", "priority", "specific_objective",
    "funding_authority", "cost_model", "period_start", "period_end", "appeal",
)  # fmt: skip
