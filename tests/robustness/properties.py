"""What every parser of outside input promises, whatever the input: one check per parser.

Why one module: the property-based tests (`test_parsers_on_any_input.py`, a bounded budget in
`make test`) and the long fuzz run (`benchmarks/fuzz_reader.py`, a million inputs) must hold
the parsers to the same promises, so both call these functions. Each takes one input, runs the
parser and raises AssertionError (or the parser's own unexpected exception) when a promise is
broken; a refusal the parser is allowed to make (a ValidationError, None, a note) passes.

The promises: the reader never raises and never loses a document to a crash of its own (no
`unexpected_failure` or `stage_failed` message); an amount is a non-negative Decimal with two
decimals or nothing; a date is a date or nothing; a list's cursor, sort and filter values are
read or ignored with a note, never a crash; an upload is accepted as one of the allowed kinds
or refused with a message; a budget form is valid or invalid, never an exception.
"""

from __future__ import annotations

import base64
import json
from datetime import date
from decimal import Decimal

CRASH_CODES = {"unexpected_failure", "stage_failed"}
READER_EXTENSIONS = (".txt", ".html", ".docx", ".pdf", ".json", ".htm", "")


def reader(data: bytes, filename: str) -> None:
    from hankesalkku.reader import read_document
    from hankesalkku.reader.limits import MAX_EUR
    from hankesalkku.reader.result import ReadResult

    result = read_document(data, filename)
    assert isinstance(result, ReadResult)
    crashed = CRASH_CODES & set(result.error_codes)
    assert not crashed, f"the reader crashed: {result.errors}"
    out = result.to_json_dict(messages=True)
    json.dumps(out)  # what the CLI prints and the web stores
    for amount in result.amounts:
        assert isinstance(amount.eur, Decimal) and 0 <= amount.eur <= MAX_EUR, amount


def amount(text: str) -> None:
    from hankesalkku.documents.matching import parse_amount

    value = parse_amount(text)
    assert value is None or (
        isinstance(value, Decimal)
        and value.is_finite()
        and value >= 0
        and value.as_tuple().exponent == -2
    ), repr(value)


def day(text: str) -> None:
    from hankesalkku.documents.matching import parse_date

    value = parse_date(text)
    assert value is None or isinstance(value, date), repr(value)


def as_cursor(raw: bytes) -> str:
    """Bytes written the way a list's cursor is (URL-safe base64 without padding)."""
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def cursor(text: str, length: int) -> None:
    from hankesalkku.core.pagination import decode_cursor

    values = decode_cursor(text, length)
    assert values is None or (isinstance(values, list) and len(values) == length), values


def sort(text: str) -> None:
    from hankesalkku.core.pagination import Column, Sorting

    sorting = Sorting(
        [Column("name", "Nimi", ("name",)), Column("support", "Tuki", ("s",))], "name"
    )
    notes: list[str] = []
    column, descending = sorting.parse(text, notes)
    assert column.key in ("name", "support") and isinstance(descending, bool)
    assert len(notes) <= 1 and all(len(note) < 300 for note in notes)


def filters(params: dict[str, str]) -> None:
    from django.db.models import Q

    from hankesalkku.core.params import FilterSpec, parse_filters

    specs = [
        FilterSpec("kind", "Hanketyyppi", lambda: [("single", "Yksi"), ("group", "Ryhmä")], Q),
        FilterSpec("region", "Alue", lambda: [("uusimaa", "Uusimaa")], lambda v: Q(region=v)),
    ]
    result = parse_filters(params, specs)
    for found in result.filters:
        assert found.selected in ("", *(value for value, _label in found.options))
    given = sum(1 for name in ("kind", "region") if (params.get(name) or "").strip())
    assert len(result.notes) <= given


def upload(name: str, content: bytes) -> None:
    from django.core.exceptions import ValidationError

    from hankesalkku.core.uploads import DOCUMENT_KINDS, upload_check

    try:
        checked = upload_check(name=name, content=content, max_bytes=1024 * 1024)
    except ValidationError as refusal:
        assert refusal.messages and all(name in m or not name for m in refusal.messages[:1])
        return
    assert checked.kind in DOCUMENT_KINDS and checked.content == content


def budget_form(data: dict[str, str]) -> None:
    from hankesalkku.applying.forms import BudgetForm, LineForm

    for form in (BudgetForm(data=data), LineForm(data=data)):
        if form.is_valid():
            for value in form.cleaned_data.values():
                if isinstance(value, Decimal):
                    assert value.is_finite() and value >= 0, value
        else:
            assert form.errors
