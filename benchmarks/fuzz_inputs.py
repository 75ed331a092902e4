"""Inputs for `fuzz_reader.py`: one per index, made from the index and the seed alone.

Why mutations of real material rather than random bytes: random bytes are refused at the first
check (not UTF-8, not a zip), while a decision with one byte changed, a digit run grown to 40
digits or a DOCX with a damaged member reaches the deep code where the old crashes were (a
40-digit number in a sentence, a zip that inflates to a gigabyte).
"""

from __future__ import annotations

import base64
import io
import json
import random
import zipfile
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "evaluation" / "reader" / "docs"

# Target name (a function of tests/robustness/properties.py) and its share of the inputs.
# The reader costs some 5-10 ms an input and a parser well under one: the reader gets one
# input in 25 and still about half of the time (a million inputs then take some 15 CPU minutes).
WEIGHTS = {
    "reader": 1,
    "amount": 5,
    "day": 4,
    "cursor": 4,
    "sort": 3,
    "filters": 3,
    "upload": 4,
    "budget_form": 1,
}
TARGETS = tuple(WEIGHTS)

FIELD_VALUES = [
    "123 750,00 €", "495000", "1 500 000 euroa", "0,5", "-1", "1e9999", "NaN", "Infinity",
    "sNaN", "12,345", "1.2.3", "1" * 40, "9" * 400, "14.12.2023", "2023-12-14", "31.2.2024",
    "0.0.0000", "2024-13-01", "١٢.١٢.٢٠٢٣", "", " ", "\x00", "'", "%27", "<script>", "group",
    "single", "-support", "--", "uusimaa", "\u202f", "€", "enintään 73 250 €",
]  # fmt: skip
ALPHABET = "0123456789 ,.-€eE+\u00a0\u202fabcäöÅ'\"<>&%;\n\x00"
TEMPLATES = [
    "Helsingin osuus on yhteensä {n} euroa, josta tuki {n} €.",
    "Hankkeen tuki {n} € ajalle {d}–{d}.",
    "<p><b>Kokonaisbudjetti</b> {n} euroa</p>",
    "Talousarviokohta 1 50 04, enintään {n} euroa, HEL 2023-014238, 54 §, {d}",
]


@cache
def documents() -> list[tuple[bytes, str]]:
    found = [
        (path.read_bytes(), path.name)
        for path in sorted(DOCS.iterdir())
        if not path.name.endswith(".expected.json") and path.is_file()
    ]
    return found or [(b"Tuki 100 000 euroa.", "x.txt")]


@cache
def zips() -> list[bytes]:
    """Small office files (DOCX, ODT) to damage."""
    made = []
    for members in (
        {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"},
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"},
    ):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in members.items():
                archive.writestr(name, text)
        made.append(out.getvalue())
    made.extend(data for data, name in documents() if name.endswith(".docx"))
    return made


def mutate(rng: random.Random, data: bytes, rounds: int | None = None) -> bytes:
    """A few byte-level changes: flips, inserts, deletions, repeats, long digit runs, cuts."""
    buffer = bytearray(data)
    for _ in range(rounds if rounds is not None else rng.randint(1, 6)):
        where = rng.randrange(len(buffer) + 1)
        choice = rng.randrange(8)
        if choice == 0 and buffer:
            buffer[min(where, len(buffer) - 1)] = rng.randrange(256)
        elif choice == 1:
            buffer[where:where] = rng.choice(ALPHABET).encode()
        elif choice == 2:
            del buffer[where : where + rng.randint(1, 64)]
        elif choice == 3:
            piece = bytes(buffer[where : where + rng.randint(1, 32)])
            buffer[where:where] = piece * rng.randint(2, 200)
        elif choice == 4:
            buffer[where:where] = b"1" * rng.randint(15, 60) + rng.choice([b" \xe2\x82\xac", b""])
        elif choice == 5:
            buffer[where:where] = rng.choice([b"<div>", b"<b><i>", b"[", b"{"]) * rng.randint(
                10, 600
            )
        elif choice == 6:
            del buffer[where:]
        else:
            buffer[where:where] = rng.choice(FIELD_VALUES).encode()
    return bytes(buffer)


def text_value(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(FIELD_VALUES)
    if kind == 1:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
    if kind == 2:
        number = "".join(rng.choice("0123456789 ") for _ in range(rng.randint(1, 50)))
        return number + rng.choice(["", ",00", " €", ".5", "e5"])
    return mutate(rng, rng.choice(FIELD_VALUES).encode() or b"0", 2).decode("utf-8", "replace")


def reader_input(rng: random.Random) -> tuple[bytes, str]:
    kind = rng.randrange(5)
    if kind == 0:
        template = rng.choice(TEMPLATES)
        text = template.format(n=text_value(rng), d=rng.choice(FIELD_VALUES))
        return text.encode(), "tuki" + rng.choice([".txt", ".html"])
    if kind == 1:
        return mutate(rng, rng.choice(zips())), rng.choice(["a.docx", "a.odt", "a.txt"])
    data, name = rng.choice(documents())
    if len(data) > 1500 and not name.endswith((".docx", ".pdf")):
        start = rng.randrange(len(data) - 1000)
        data = data[start : start + rng.randint(100, 1200)]  # a passage keeps the run fast
    return mutate(rng, data), name if rng.random() < 0.8 else "x" + rng.choice([".txt", ".bin"])


def cursor_input(rng: random.Random) -> tuple[str, int]:
    kind = rng.randrange(4)
    length = rng.randint(1, 3)
    if kind == 0:
        return text_value(rng), length
    values = [rng.choice([None, 1, "a", 2.5, [1], {"a": 1}, "x" * 50]) for _ in range(length)]
    raw = json.dumps(values).encode()
    if kind == 2:
        raw = b"[" * rng.randint(100, 3000) + b"]" * rng.randint(0, 3)
    elif kind == 3:
        raw = mutate(rng, raw, 2)
    return base64.urlsafe_b64encode(raw).decode().rstrip("="), length


def form_input(rng: random.Random) -> dict[str, str]:
    fields = ["version", "starts", "ends", "support", "municipal_financing", "category"]
    fields += ["year", "amount", "annual_pay", "hours", "use_flat_rate"]
    return {name: text_value(rng) for name in fields if rng.random() < 0.8}


def make_input(index: int, seed: int, only: tuple[str, ...] = TARGETS) -> tuple[str, tuple]:
    rng = random.Random(seed * 1_000_003 + index)
    target = rng.choices(only, weights=[WEIGHTS[t] for t in only])[0]
    if target == "reader":
        return target, reader_input(rng)
    if target == "cursor":
        return target, cursor_input(rng)
    if target == "filters":
        return target, ({name: text_value(rng) for name in ("kind", "region", "other")},)
    if target == "upload":
        if rng.random() < 0.5:
            content = mutate(rng, rng.choice(zips()))
        else:
            content = mutate(rng, rng.choice(documents())[0][:3000])
        return target, (text_value(rng)[:30], content)
    if target == "budget_form":
        return target, (form_input(rng),)
    return target, (text_value(rng),)
