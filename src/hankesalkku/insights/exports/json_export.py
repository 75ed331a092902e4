"""The overview as JSON for anyone who wants the figures themselves (open data).

Euros are written as JSON numbers: every amount has at most 14 digits and two decimals, which a
double represents so that its shortest printed form is the exact decimal (123750.5 stays
123750.5), so no cent is lost; the support rate is a fraction (0.75 = 75 %).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def as_document(data) -> dict:
    document = dict(data.overview)
    document["funnel"] = data.funnel
    document["reported"] = data.reported
    document["results"] = data.results or []
    return _plain(document)


def render_json(data) -> bytes:
    return json.dumps(as_document(data), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
