"""The reader as a declared pipeline: its stages, in order, each with what it reads and gives.

:func:`hankesalkku.reader.read_document` runs :data:`STAGES` in order. A stage is a
function; the names of its parameters are the values it reads (a parameter with a
default is optional: the default stands in when that value is missing), and ``gives``
names the values it returns, as a dict (``"messages"`` may be added: problems to tell
the user). Every value is given by exactly one stage, except that ``calls`` refines
``figures``. ``data`` and ``filename`` are the input.

A stage runs when every value it needs is there. An unexpected exception in a stage is
logged with its traceback and told as ``stage_failed``; that stage's values are missing,
so only the values that depend on them are lost, not the document. A stage may also
give nothing on purpose (an empty text gives no ``view``, so nothing after it runs).

====================  =======================================  ==================================
stage                 reads                                    gives
====================  =======================================  ==================================
extract               data, filename                           extracted
text view             extracted                                view, funding_text
segments              view                                     segments
fields                view, funding_text                       fields, authority
form                  view                                     form
kind signals          view                                     scores
figures               view, segments, scores, [form, fields]   figures, form_fields
calls                 view, segments, figures                  calls, figures
period                view, funding_text, [calls]              period_fields
amounts               view, segments, figures, funding_text,   amounts
                      [fields]
districts             view                                     districts
roles                 view, [authority, form]                  organisations
structured fields     view, extracted                          hint_fields
kind                  scores, [amounts, calls, organisations]  kind
====================  =======================================  ==================================

(``[…]``: optional.) The result's fields are ``fields``, then ``form_fields`` (only names
the text did not state), ``period_fields`` and ``hint_fields`` (each overriding the ones
before), in the order of ``FIELD_NAMES``.
"""

from __future__ import annotations

import inspect
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from . import fields as F
from . import limits, patterns, periods, programmes
from . import messages as M
from .amount_roles import UNDECIDED, assign_roles, role_of
from .calls import find_calls
from .districts import find_districts
from .extract import Extracted, extract
from .forms import apply_form, form_figures, form_organisations, read_form
from .kinds import kind_scores, pick
from .messages import Message
from .money import Found, attach_budget_items, drop_unit_prices, find_figures
from .parties import attach_parties, home_organisation, unique_amounts
from .projectnames import named_project
from .result import FIELD_NAMES, Field, ReadResult
from .roles import find_roles
from .runon import read_run_on
from .scan import any_word, folded
from .segments import Segments
from .textview import TextView
from .wordlists import lines

logger = logging.getLogger(__name__)

MISSING = type("Missing", (), {"__repr__": lambda self: "MISSING"})()
"""A value no stage gave (or a stage gave on purpose to stop the stages after it)."""

_FUNDING_WORDS = any_word(lines("funding_words.txt"))  # (searched in the folded text)
# a run-on print's kinds of value -> the form's (its authority is the one the print names)
_RUN_ON_KINDS = {"authority": "authority_named"}
# a form's label role -> the amount role of its figure
_LABEL_ROLES = {"total": "project_total", "support": "project_support", "call": "call_budget",
                "pool": "call_budget", "appropriation": "own_financing",
                "distributed": "granted"}  # fmt: skip


@dataclass(frozen=True)
class Stage:
    """One step of the reader: ``run(**values it reads) -> {name: value for name in gives}``."""

    name: str
    run: Callable[..., dict]
    gives: tuple[str, ...]
    needs: tuple[str, ...] = field(init=False)
    """Parameters without a default: the stage is skipped when one is missing."""
    optional: dict[str, object] = field(init=False)
    """Parameters with a default, which stands in for a missing value."""
    failure: str = M.STAGE_FAILED
    """The message when the stage raises (a failed extraction has read nothing at all)."""
    given: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self):
        parameters = inspect.signature(self.run).parameters.values()
        needs = tuple(p.name for p in parameters if p.default is inspect.Parameter.empty)
        optional = {
            p.name: p.default for p in parameters if p.default is not inspect.Parameter.empty
        }
        object.__setattr__(self, "needs", needs)
        object.__setattr__(self, "optional", optional)
        object.__setattr__(self, "given", frozenset(self.gives))

    @property
    def reads(self) -> tuple[str, ...]:
        return self.needs + tuple(self.optional)


# -- the stages -----------------------------------------------------------------------------


def extract_stage(data: bytes, filename: str) -> dict:
    """Bytes to text by the format that claims them (``extract.registry``), with the
    problems found and the structured values (``hints``) of sources such as Ahjo JSON."""
    extracted = extract(data, filename)
    return {"extracted": extracted, "messages": list(extracted.messages)}


def text_view_stage(extracted: Extracted) -> dict:
    """The cleaned text that maps back to the original (``TextView``), over at most
    ``limits.MAX_ANALYSED_CHARS`` characters, and whether any word of funding occurs.
    No text gives no view, and no stage after this one runs."""
    text = extracted.text
    if not text.strip():
        return {"view": MISSING, "funding_text": MISSING}
    told: list[Message] = []
    limit = limits.MAX_ANALYSED_CHARS
    if len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > limit // 2 else limit  # at a line break, unless none is near
        told.append(M.make(M.TEXT_TRUNCATED, total=_count(len(text)), read=_count(cut)))
        logger.info("only the first %d of %d characters are analysed", cut, len(text))
        text = text[:cut]
    view = TextView(text)
    funding_text = bool(_FUNDING_WORDS.search(folded(view.flat)))  # stops at the first word
    return {"view": view, "funding_text": funding_text, "messages": told}


def segments_stage(view: TextView) -> dict:
    """Sentences and paragraphs of the cleaned text."""
    return {"segments": Segments(view.flat)}


def fields_stage(view: TextView, funding_text: bool) -> dict:
    """The named fields stated in the running text, and the funding authority's span
    (start, end, name) for the roles. Programme, funder and period need a word of funding."""
    flat = view.flat
    fields: dict[str, Field] = {}

    def put(name: str, found) -> None:
        if found:
            start, end, value = found
            if value:
                fields[name] = Field(value=value, evidence=view.evidence(start, end))

    diary = patterns.find_diary(flat)
    put("diary_number", diary)
    put("classification_code", patterns.find_classification(flat, diary[2] if diary else None))
    put("project_code", patterns.find_project_code(flat))
    section = patterns.find_section(flat)
    put("section", section)
    put("decision_date", F.decision_date(flat))
    put("decision_maker", F.decision_maker(flat))
    put("title", F.title(flat, section[1] if section else None, diary[0] if diary else None))
    name = F.project_name(flat) or named_project(flat)
    put("project_name", name)
    put("project_acronym", F.project_acronym(flat, name))
    if funding_text:
        put("programme", programmes.programme(flat))
    put("priority", programmes.priority(flat))
    put("specific_objective", programmes.specific_objective(flat))
    authority = F.funding_authority(flat) if funding_text else None
    put("funding_authority", authority)
    put("cost_model", programmes.cost_model(flat))
    put("appeal", F.appeal(flat))
    return {"fields": fields, "authority": authority}


def form_stage(view: TextView) -> dict:
    """A printed form's values by kind, where labels and values came apart in the text."""
    form = read_form(view.flat)
    for kind, values in read_run_on(view.flat).items():
        form.setdefault(_RUN_ON_KINDS.get(kind, kind), values)
    return {"form": form}


def kind_signals_stage(view: TextView) -> dict:
    """The weight of each document kind's signals (``data/kinds.toml``)."""
    return {"scores": kind_scores(view.flat)}


def figures_stage(
    view: TextView, segments: Segments, scores: dict, form: dict | None = None,
    fields: dict | None = None,
) -> dict:  # fmt: skip
    """Every euro figure with its qualifier and role (from the nearest role word; a call's
    conditions are not a project's figures), form figures without a currency, and the
    fields a printed form states that the running text did not (``form_fields``)."""
    flat = view.flat
    figures = find_figures(flat)
    labelled = form_figures(flat, figures)
    kind_guess = pick(scores, has_facts=bool(figures))
    callish = kind_guess in ("call_notice", "call_results", "presentation")
    assign_roles(flat, figures, segments, callish, kind_guess)
    for fig, label in labelled:
        role = role_of(label, "") or "other"
        fig.role = _LABEL_ROLES.get(role, role)
    figures = sorted(figures + [f for f, _ in labelled], key=lambda f: f.start)
    form_fields: dict[str, Field] = {}
    if form:
        figures, form_fields = apply_form(view, form, fields or {}, figures)
    return {"figures": figures, "form_fields": form_fields}


def calls_stage(view: TextView, segments: Segments, figures: list[Found]) -> dict:
    """Call windows with their budgets and ministries; a call's budget figure is marked
    as ``call_budget``."""
    return {"calls": find_calls(view, segments, figures), "figures": figures}


def period_stage(view: TextView, funding_text: bool, calls: list | None = None) -> dict:
    """The project period: a date or year range stated as the time of implementation
    (not a call window, not the programme's period)."""
    period = periods.period(view.flat, [span for _, span in calls or ()]) if funding_text else None
    if not period:
        return {"period_fields": {}}
    evidence = view.evidence(period.start, period.end)
    return {"period_fields": {"period_start": Field(period.first, evidence),
                              "period_end": Field(period.last, evidence)}}  # fmt: skip


def amounts_stage(
    view: TextView, segments: Segments, figures: list[Found], funding_text: bool,
    fields: dict | None = None,
) -> dict:  # fmt: skip
    """The amounts: without prices per unit (and none at all without a word of funding),
    with their budget items and parties, the same figure, role, qualifier and party once."""
    flat = view.flat
    # a document with no word of funding (fees, street names) has no funding amounts
    figures = drop_unit_prices(flat, figures) if funding_text else []
    figures = [fig for fig in figures if fig.role != UNDECIDED]
    attach_budget_items(flat, figures, segments)
    attach_parties(flat, figures, segments, home_organisation(flat, fields or {}))
    return {"amounts": unique_amounts(view, figures)}


def districts_stage(view: TextView) -> dict:
    """Helsinki districts named in the text (``data/helsinki_districts.txt``)."""
    return {"districts": find_districts(view)}


def roles_stage(view: TextView, authority: tuple | None = None, form: dict | None = None) -> dict:
    """Organisations in the nominative and the role each plays; the funding authority
    of the fields and the applicant and partners of a form among them."""
    named = form_organisations(form or {})
    if authority:  # the running text's funder stands; a print's is for when the text names none
        named = [org for org in named if org[3] != "funding_authority"]
    return {"organisations": find_roles(view, authority, named)}


def structured_fields_stage(view: TextView, extracted: Extracted) -> dict:
    """Structured values of the source (Ahjo JSON, Ahjo HTML classes), which win over the
    running text, with evidence in the cleaned text."""
    hint_fields = {}
    for name, (value, start, end) in extracted.hints.items():
        hint_fields[name] = Field(
            value=value, evidence=view.evidence(*_flat_span(view, start, end))
        )
    return {"hint_fields": hint_fields}


def kind_stage(
    scores: dict, amounts: list | None = None, calls: list | None = None,
    organisations: list | None = None,
) -> dict:  # fmt: skip
    """The document kind from the signals; nothing recognisable is told as nothing found."""
    kind = pick(scores, has_facts=bool(amounts or calls))
    told = []
    if kind == "unknown" and not (amounts or calls or organisations):
        told.append(M.make(M.NOTHING_FOUND))
    return {"kind": kind, "messages": told}


STAGES: tuple[Stage, ...] = (
    Stage("extract", extract_stage, ("extracted",), failure=M.UNEXPECTED_FAILURE),
    Stage("text view", text_view_stage, ("view", "funding_text")),
    Stage("segments", segments_stage, ("segments",)),
    Stage("fields", fields_stage, ("fields", "authority")),
    Stage("form", form_stage, ("form",)),
    Stage("kind signals", kind_signals_stage, ("scores",)),
    Stage("figures", figures_stage, ("figures", "form_fields")),
    Stage("calls", calls_stage, ("calls", "figures")),
    Stage("period", period_stage, ("period_fields",)),
    Stage("amounts", amounts_stage, ("amounts",)),
    Stage("districts", districts_stage, ("districts",)),
    Stage("roles", roles_stage, ("organisations",)),
    Stage("structured fields", structured_fields_stage, ("hint_fields",)),
    Stage("kind", kind_stage, ("kind",)),
)


# -- running them ---------------------------------------------------------------------------


@dataclass
class Reading:
    """The values the stages gave for one document, and the problems they told."""

    values: dict[str, object]
    messages: list[Message] = field(default_factory=list)

    def get(self, name: str, default=None):
        value = self.values.get(name, MISSING)
        return default if value is MISSING else value

    def fill(self, result: ReadResult) -> None:
        """Put what was read into ``result``."""
        extracted = self.get("extracted")
        result.text = extracted.text if extracted is not None else ""
        result.ocr_confidence = extracted.ocr_confidence if extracted is not None else None
        for message in self.messages:
            result.add_message(message)
        fields = {**self.get("fields", {}), **self.get("form_fields", {})}
        fields.update(self.get("period_fields", {}))
        fields.update(self.get("hint_fields", {}))
        result.fields = {name: fields[name] for name in FIELD_NAMES if name in fields}
        result.amounts = self.get("amounts", [])
        result.calls = [call for call, _span in self.get("calls", [])]
        result.districts = self.get("districts", [])
        result.organisations = self.get("organisations", [])
        result.kind = self.get("kind", "unknown")


def clock() -> float:
    """The time the per-document limit is measured in (a test may replace it)."""
    return time.monotonic()


def run(data: bytes, filename: str, stages: tuple[Stage, ...] = STAGES) -> Reading:
    """Run ``stages`` in order over one file, giving up after ``limits.DOCUMENT_SECONDS``."""
    reading = Reading({"data": data, "filename": filename})
    values = reading.values
    started = clock()
    for stage in stages:
        if clock() - started > limits.DOCUMENT_SECONDS:
            reading.messages.append(
                M.make(M.TIME_LIMIT, stage=stage.name, seconds=f"{limits.DOCUMENT_SECONDS:g}")
            )
            break
        arguments = {}
        for name in stage.needs:
            value = values.get(name, MISSING)
            if value is MISSING:
                break
            arguments[name] = value
        else:
            for name, default in stage.optional.items():
                value = values.get(name, MISSING)
                arguments[name] = default if value is MISSING else value
        if len(arguments) < len(stage.needs):  # a value it needs is missing
            continue
        try:
            given = stage.run(**arguments)
        except Exception as exc:  # noqa: BLE001 - one stage's failure loses only its values
            logger.error("reader stage %r failed on %s", stage.name, filename, exc_info=True)
            reading.messages.append(
                M.make(stage.failure, stage=stage.name, error=type(exc).__name__, filename=filename)
            )
            continue
        reading.messages.extend(given.pop("messages", ()))
        if given.keys() != stage.given:
            raise RuntimeError(f"stage {stage.name!r} gave {sorted(given)}, not {stage.gives}")
        values.update(given)
    return reading


def _flat_span(view: TextView, start: int, end: int) -> tuple[int, int]:
    """Hints point into the original text; find the matching flat span."""
    quote = re.sub(r"\s+", " ", view.original[start:end]).strip()
    found = view.flat.find(quote)
    return (found, found + len(quote)) if found >= 0 else (0, 0)


def _count(number: int) -> str:
    return f"{number:,}".replace(",", " ")


__all__ = ["MISSING", "STAGES", "Reading", "Stage", "run"]
