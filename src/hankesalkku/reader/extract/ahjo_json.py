"""The JSON of Helsinki's decision API (Ahjo ``decisions`` objects).

The structured fields (case id, section, date, organisation, classification)
are trusted over the prose. They are written as a short labelled header at the
top of the extracted text so that each value still has a quotable source.
"""

from __future__ import annotations

import json
import logging
import re

from .. import messages as M
from ..wordlists import table
from .base import Extracted
from .html import MarkupRefused, add_ahjo_hints, html_to_text

logger = logging.getLogger(__name__)
_LABELS = table("ahjo_json.toml")["header"]  # field -> label of its header line

_AHJO_KEYS = {"CaseIDLabel", "CaseID", "Content", "Section", "DateDecision", "NativeId"}


def looks_like_json(text: str) -> bool:
    head = text.lstrip()[:1]
    return head in ("{", "[")


def _decision_object(data):
    if isinstance(data, dict) and "decisions" in data and isinstance(data["decisions"], list):
        data = data["decisions"]
    if isinstance(data, list):
        data = next((d for d in data if isinstance(d, dict)), None)
    if isinstance(data, dict) and _AHJO_KEYS & set(data):
        return data
    return None


def extract_ahjo_json(text: str) -> Extracted | None:
    """The decision in an Ahjo API answer, the strings of other JSON, or None for no JSON."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        logger.debug("not JSON (%s); read as another format", exc)
        return None
    except RecursionError:
        logger.info("JSON nested too deep to read")
        return Extracted(messages=[M.make(M.JSON_TOO_DEEP)], format="json")
    decision = _decision_object(data)
    if decision is None:
        strings = []
        _collect_strings(data, strings)
        return Extracted(text="\n".join(strings), format="json")
    return _from_decision(decision)


def _collect_strings(data, out: list[str]) -> None:
    """Every string in ``data``, depth first in order (without recursion: JSON may nest deep)."""
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            pending.extend(reversed(item.values()))
        elif isinstance(item, list):
            pending.extend(reversed(item))


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _from_decision(decision: dict) -> Extracted:
    header: list[tuple[str, str, str | None]] = []  # (label, printed value, field)
    hints: dict[str, str] = {}
    title = _text(decision.get("Title"))
    if title:
        header.append((_LABELS["title"], title, "title"))
        hints["title"] = title
    case = _text(decision.get("CaseIDLabel")) or _text(decision.get("CaseID")).replace("-", " ", 1)
    if case:
        header.append((_LABELS["diary_number"], case, "diary_number"))
        hints["diary_number"] = case
    code = _text(decision.get("ClassificationCode"))
    if code:
        printed = code if code.startswith("T ") else f"T {code}"
        header.append((_LABELS["classification_code"], printed, "classification_code"))
        hints["classification_code"] = printed
    section = _text(str(decision.get("Section") or ""))
    if section:
        printed = section if "§" in section else f"{section} §"
        header.append((_LABELS["section"], printed, "section"))
        hints["section"] = printed
    date = re.match(r"(\d{4})-(\d{2})-(\d{2})", _text(decision.get("DateDecision")))
    if date:
        y, m, d = date.groups()
        header.append((_LABELS["decision_date"], f"{int(d)}.{int(m)}.{y}", "decision_date"))
        hints["decision_date"] = f"{y}-{m}-{d}"
    organisation = decision.get("Organization") or {}
    maker = _text(organisation.get("Name")) if isinstance(organisation, dict) else ""
    if maker:
        header.append((_LABELS["decision_maker"], maker, "decision_maker"))
        hints["decision_maker"] = maker
    lines, spans = [], {}
    position = 0
    for label, printed, name in header:
        line = f"{label}: {printed}"
        start = position + len(label) + 2
        if name:
            spans[name] = (hints[name], start, start + len(printed))
        lines.append(line)
        position += len(line) + 1
    head_text = "\n".join(lines) + "\n\n"
    body_text, root, refused = "", None, None
    content = decision.get("Content") or decision.get("Motion") or ""
    if isinstance(content, str) and content.strip():
        try:
            body_text, root = html_to_text(content)
        except MarkupRefused as refusal:
            logger.info("Ahjo JSON content refused: %s", refusal.message.code)
            refused = refusal.message
    extracted = Extracted(text=head_text + body_text, format="json")
    if root is not None:
        add_ahjo_hints(extracted, root)
    extracted.hints.update(spans)
    if refused is not None:
        extracted.messages.append(refused)
    elif not body_text:
        extracted.messages.append(M.make(M.AHJO_JSON_NO_CONTENT))
    return extracted
