"""What sort of document this is, from weighted signals.

Each kind has its own telltale words (``data/kinds.toml``); the kind with the most
weight wins and too little weight means "unknown" rather than a guess.
"""

from __future__ import annotations

import logging
import re

from .scan import Gated, alternatives, gated, literal_run, lowered, word_first
from .wordlists import table

logger = logging.getLogger(__name__)

# kind -> (pattern, weight) of its signals, kinds in the order they win a tie
_SIGNALS: dict[str, list[tuple[str, int]]] = {
    kind: [(signal["pattern"], signal["weight"]) for signal in signals]
    for kind, signals in table("kinds.toml").items()
}
_LINE_START = "(?:^|\\n)"


def _checks(pattern: str) -> tuple:
    """Searches of which any one matching means that ``pattern`` matches somewhere.

    Only whether a signal occurs counts, so a pattern can be split into its
    alternatives, and a line-start alternative into "at the start" and "after a
    newline". Each piece comes with the words one of which every match holds, so
    that one pass over the text (a WordSet) rules most pieces out.
    """
    checks = []
    for alt in alternatives(pattern):
        line_start = alt.startswith(_LINE_START)
        alt = word_first(alt[len(_LINE_START) :] if line_start else alt)
        run = literal_run(alt)
        # every match holds the word it starts with (or one of the words the gate finds in
        # it): a str.find rules most pieces out before the pattern runs
        word, words = (alt[:run], ()) if run >= 3 else ("", _required_words(alt))
        if line_start:
            checks += [(word, words, re.compile(alt).match),
                       (word, words, re.compile("\\n" + alt).search)]  # fmt: skip
        else:
            checks.append((word, words, re.compile(alt).search if word else gated(alt).search))
    return tuple(checks)


def _required_words(pattern: str) -> tuple[str, ...]:
    """Words one of which every match of ``pattern`` holds, or () when none are known."""
    try:
        return Gated(pattern).needles
    except Exception:  # noqa: BLE001 - a construct the analysis does not know: no words
        logger.debug("no words known for %r", pattern[:60], exc_info=True)
        return ()


# Matched against the lower-cased text (much faster than re.IGNORECASE); "decision" needs its capitals.
_COMPILED = {kind: [(_checks(p if kind == "decision" else p.lower()), w) for p, w in signals]
             for kind, signals in _SIGNALS.items()}  # fmt: skip
_MINIMUM = 4
_CALLS_OWN_WORDS = (
    5  # a call notice's weight from its own words ("hakuilmoitus", "haku on avoinna")
)
_GRANTING_VERB_ONLY = 2  # the weight of a funding decision's weakest signal (its verb alone)


def classify(flat: str, has_facts: bool) -> str:
    return pick(kind_scores(flat), has_facts)


def kind_scores(flat: str) -> dict[str, int]:
    low = lowered(flat)
    seen: dict[tuple[bool, str], bool] = {}  # (whether in the text as written, word) -> there
    scores = {
        kind: sum(
            w
            for checks, w in signals
            if _any_match(checks, flat if kind == "decision" else low, kind == "decision", seen)
        )
        for kind, signals in _COMPILED.items()
    }
    if scores["presentation"]:
        # slides are mostly short lines
        lines = [line for line in flat.split("\n") if line.strip()]
        short = sum(1 for line in lines if len(line) < 60)
        if lines and short / len(lines) > 0.6:
            scores["presentation"] += 3
    return scores


def _any_match(checks: tuple, text: str, as_written: bool, seen: dict) -> bool:
    """Whether any check matches; ``seen`` keeps whether each word is in the text, as several
    signals share words ("hakemus", "rahoit")."""
    for word, words, check in checks:
        if word:
            there = seen.get((as_written, word))
            if there is None:
                there = seen[as_written, word] = word in text
        else:
            there = not words or any(w in text for w in words)
        if there and check(text):
            return True
    return False


def pick(scores: dict[str, int], has_facts: bool) -> str:
    scores = dict(scores)

    if scores["agenda_item"] >= 6:
        scores["agenda_item"] += 2
    if scores["call_notice"] >= _CALLS_OWN_WORDS:
        # a call notice describes the grants it offers in a decision's words ("tuen saaja",
        # "myönnetään", "tukikelpoinen"): beside a call's own words they count half
        scores["funding_decision"] //= 2
    if scores["funding_decision"] <= _GRANTING_VERB_ONLY:
        # no more weight than one weak signal ("myönnetään", which news and call pages also
        # say, or "EURA" alone) makes no funding decision
        scores["funding_decision"] = 0
    kind, best = max(scores.items(), key=lambda item: item[1])
    if best < _MINIMUM and not has_facts:
        return "unknown"
    return kind if best >= 2 else "unknown"
