"""The speed rewrites of patterns, walks and remembered answers answer as the plain forms.

As in test_fast_paths.py: each test keeps the plain form (the pattern as first written, or
the code it replaced) and compares it with the fast form on the evaluation documents, on
pieces of them cut at awkward places, and on made-up strings aimed at the edges.
"""

from __future__ import annotations

import random
import re
import sys
from collections import deque

import pytest

from hankesalkku.reader import fields, forms, limits, money, parties, patterns, programmes, roles
from hankesalkku.reader.scan import folded
from hankesalkku.reader.textview import _ODD_SPACE


@pytest.fixture(scope="module")
def texts(flats) -> list[str]:
    """The documents, cuts of them starting and ending anywhere, and glued pairs."""
    rng = random.Random(7)
    out = list(flats)
    for flat in flats:
        for _ in range(40):
            start = rng.randrange(len(flat) + 1)
            out.append(flat[start : start + rng.choice((3, 15, 60, 250))])
    out += [a + "\n" + b for a, b in zip(flats, flats[1:], strict=False)]
    return out


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def test_flat_rate_as_the_one_pattern_of_both_orders(texts):
    plain = re.compile(programmes.FLAT_RATE_PLAIN)
    made_up = ["15 %:n flat rate", "flat rate 7 %", "flat rate -malli 40 % ja 15 % flat rate",
               "1 %flatrate", "x 20 % flat  rate", "flat rate 1000 %", "12 15 % flat rate",
               "5%  %flat rate", "123 % flat rate", "1 2 % flat rate", "  % flat rate",
               "7\n\t %:n\nflat rate", "% flat rate 3 %flat rate", "x1%n flat rate"]  # fmt: skip
    rng = random.Random(5)
    pieces = ["1", "23", "4", " ", "\n", "%", ":", "n", ":n", "flat", " rate", "flat rate", "x"]
    made_up += ["".join(rng.choices(pieces, k=rng.randint(1, 12))) for _ in range(3000)]
    for text in [*texts, *made_up]:
        low = folded(text)
        slow = plain.search(low)
        fast = programmes.flat_rate(low)
        assert (fast and fast.span()) == (slow and slow.span())
        if slow:
            assert fast.group("pct") == (slow.group("pct") or slow.group("pct2"))


def test_decision_maker_subject_as_the_search_with_a_line_start(texts):
    made_up = [
        "Kaupunginhallitus päätti",
        "x\nLautakunta päätti",
        "x. Johtaja päätti",
        "a:Jaosto päätti",
    ]
    for text in [*texts, *made_up]:
        slow = fields._MAKER_SUBJECT.search(text)
        fast = fields._MAKER_SUBJECT.match(text) or fields._MAKER_SUBJECT_AFTER.search(text, 1)
        assert (fast and (fast.span(), fast.groups())) == (slow and (slow.span(), slow.groups()))


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (patterns.CLASSIFICATION_T, r"(?<![\w])T\s(?P<code>\d{2}(?:\s\d{2}){1,4})(?!\d)"),
        (parties._HOME_CITY, r"\b([A-ZÅÄÖ][a-zåäö]+(?:n|en)) kaupun(?:ki|gin)\b"),
        (roles._BUSINESS_ID, r"\d{7}-\d"),
    ],
)
def test_patterns_starting_with_a_plain_character_as_the_look_behind_forms(texts, fast, plain):
    made_up = "T 02 05 01, xT 12 34, T 1 2, Oulun kaupunki, xOulun kaupungin, 1234567-8 12345678-9"
    slow = re.compile(plain)
    for text in [*texts, made_up, "T 01 02"]:
        if fast is roles._BUSINESS_ID:  # (only whether one occurs counts)
            assert bool(fast.search(text)) == bool(slow.search(text))
        else:
            assert _spans(fast.finditer(text)) == _spans(slow.finditer(text))


def test_form_words_and_label_lines_as_the_plain_alternations(texts):
    words = re.compile("|".join(forms._DATA["money_label_words"]))
    labels = sorted([*forms._LABELS, *forms._PARTNER_LABELS], key=len, reverse=True)
    label_line = re.compile(
        r"\n(?:\d{1,2}\.?\s+)?(?:" + "|".join(map(re.escape, labels)) + r"):?[ ]*(?=[\t\n])"
    )
    for text in texts:
        low = folded(text)
        assert _spans(forms._MONEY_WORD.finditer(low)) == _spans(words.finditer(low))
        assert _spans(forms._LABEL_LINE.finditer(low)) == _spans(label_line.finditer(low))


def _form_figures_line_by_line(flat, known):
    """forms.form_figures as first written: every line walked."""
    taken = {f.start for f in known}
    words = [m.start() for m in forms._MONEY_WORD.finditer(folded(flat))]
    result, pending_labels = [], deque()
    position, k = 0, 0
    for raw in flat.split("\n"):
        start, position = position, position + len(raw) + 1
        while k < len(words) and words[k] < start:
            k += 1
        worded = k < len(words) and words[k] < start + len(raw)
        if not worded and not pending_labels:
            continue
        line = raw.strip()
        label = forms._MONEY_LABEL.match(line) if worded else None
        if label:
            rest = label.group("rest").strip()
            number = forms._ONLY_NUMBER.match(rest.rstrip(" €").rstrip())
            if number:
                forms._add_bare(result, taken, start + line.index(rest), number, label["label"])
                continue
            if not rest:
                pending_labels.append(label.group("label"))
                continue
        number = (
            forms._ONLY_NUMBER.match(line.rstrip(" €").rstrip()) if line[:1].isdecimal() else None
        )
        if number and pending_labels:
            forms._add_bare(result, taken, start, number, pending_labels.popleft())
            continue
        if line and not number:
            pending_labels = deque() if not label else pending_labels
    return forms._reorder_by_sum(result)


def test_form_figures_jumping_to_money_words_as_walking_every_line(texts):
    made_up = ["Tuki\nKokonaiskustannukset\n\n150 000\n200 000\n", "Tuki: 5 000\nx", "\nTuki\n"]
    for text in [*texts, *made_up]:
        known = money.find_figures(text)
        fast = [(f.start, f.end, f.eur, label) for f, label in forms.form_figures(text, known)]
        slow = [(f.start, f.end, f.eur, lab) for f, lab in _form_figures_line_by_line(text, known)]
        assert fast == slow


def test_every_odd_space_is_unprintable():
    """A printable line is not searched for odd spaces (textview)."""
    odd = [chr(c) for c in range(sys.maxunicode + 1) if _ODD_SPACE.fullmatch(chr(c))]
    assert odd and not any(char.isprintable() for char in odd)


def test_remembered_euros_follow_a_lowered_limit(monkeypatch):
    assert money.to_decimal("2 000", None, None) == 2000
    monkeypatch.setattr(limits, "MAX_EUR", 1000)
    assert money.to_decimal("2 000", None, None) is None
