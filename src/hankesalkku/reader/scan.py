"""Fast search for patterns that can only match where a literal word occurs.

Python's ``re`` has no fast skip for most of the reader's patterns: ones that start with
``\\b``, ``(?:^|\\n)``, an alternation or ``re.IGNORECASE`` are tried at every character of
the document, and the reader runs about a hundred of them over every document. Most of them
cannot match without one of a few words ("päätti", "hakuaika", "ely"), and ``str.find`` skips
to those words far faster than the regex engine. :class:`Gated` works out those words from the
parsed pattern once, at import, and then tries the pattern only where a match could start. The
result is exactly what ``pattern.search`` / ``pattern.finditer`` would return; only the time
differs.

Case-insensitive patterns look for their words in :func:`folded`, a
lower-cased copy of the text with the same length, made once per text; other
modules use the same copy to run lower-case patterns without ``re.IGNORECASE``.
Patterns whose words can sit anywhere in a match ("[\\w-]*lautakunta … päätti")
are only skipped when none of their words is in the text at all.
"""

from __future__ import annotations

import logging
import os
import re

from .rewrites import alternatives, by_first_letter, literal_first, literal_run, word_first

logger = logging.getLogger(__name__)

try:  # CPython's regex internals; without them every pattern runs plain, with the same results
    import _sre
    from re import _constants as C  # noqa: N812
    from re import _parser
except ImportError:  # pragma: no cover - only on a Python that moved them
    logger.warning("re internals not found: every pattern runs without its word gate (slower)")
    _sre = C = _parser = None

_UNBOUNDED = 1 << 16
_NARROW = 24
"""Widest range of start positions tried one by one with ``match``."""
_SMALL_TEXT = 400
"""Below this many characters the plain pattern is as fast as any skipping."""
_MAX_NEEDLES = 16
"""With more words than this, looking for each of them costs more than the regex."""
_MAX_GATES = 6
"""Words checked before a pattern whose words can be anywhere in a match (gate only)."""
_RARE_CHARS = frozenset("§/€%@&+|<>[]{}=#~^$£\\")
"""Single characters rare enough to look for; any letter is too common."""

_lowered_cache: dict[int, tuple[str, str, str]] = {}
# re.IGNORECASE also equates these with "i", "s" and "μ"; str.lower() does not.
_FOLD_FIX = str.maketrans("ıſµ", "isμ")


def _views(text: str) -> tuple[str, str, str]:
    cached = _lowered_cache.get(id(text))
    if cached is not None and cached[0] is text:
        return cached
    low, folded = _lower_and_fold(text)
    if len(_lowered_cache) > 8:
        _lowered_cache.clear()
    _lowered_cache[id(text)] = cached = (text, low, folded)
    return cached


def _lower_one(char: str) -> str:
    if _sre is not None:
        return chr(_sre.unicode_tolower(ord(char)))
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def _lower_and_fold(text: str) -> tuple[str, str]:
    low = text.lower()
    if len(low) != len(text):  # "İ" lower-cases to two characters; keep offsets aligned
        low = "".join(_lower_one(c) for c in text)
    folded = low.translate(_FOLD_FIX) if ("ı" in low or "ſ" in low or "µ" in low) else low
    return low, folded


def fold_case(text: str) -> str:
    """:func:`folded` for a short string that is not worth caching."""
    return _lower_and_fold(text)[1]


def lowered(text: str) -> str:
    """``text`` lower-cased with one character per character, cached per text object."""
    return _views(text)[1]


def folded(text: str) -> str:
    """:func:`lowered`, also with the few letters re.IGNORECASE equates beyond lower case
    ("ı" = "i", "ſ" = "s"): a literal lower-case pattern on it matches as ``re.I`` would."""
    return _views(text)[2]


def any_word(words) -> re.Pattern:
    """A pattern of plain ``words`` to search in :func:`folded` text: it finds them where
    ``re.IGNORECASE`` would in the text, but starts with their first letters, which the
    engine skips to (a case-insensitive alternation is tried at every character)."""
    return re.compile(by_first_letter([re.escape(fold_case(word)) for word in words]))


# A requirement is a tuple of (literal, min offset, max offset) from the start of
# the match: every match contains at least one of the literals at such an offset.
Requirement = tuple[tuple[str, int, int], ...]


def _width(state, node) -> tuple[int, int]:
    low, high = _parser.SubPattern(state, [node]).getwidth()
    return low, min(high, _UNBOUNDED)


def _better(a: Requirement | None, b: Requirement | None) -> Requirement | None:
    def key(req: Requirement):
        shortest = min(len(lit) for lit, _, _ in req)
        narrow = max(hi - lo for _, lo, hi in req) <= _NARROW
        return (min(shortest, 4), narrow, -len(req), shortest)

    a = a if a is not None and all(map(_useful, a)) else None
    b = b if b is not None and all(map(_useful, b)) else None
    if a is None or b is None:
        return a or b
    return a if key(a) >= key(b) else b


def _useful(item: tuple[str, int, int]) -> bool:
    """A word worth looking for: two or more letters, or one rare sign such as "§"."""
    return len(item[0]) >= 2 or item[0] in _RARE_CHARS


def _requirement(state, nodes, fold: bool) -> Requirement | None:
    """The best requirement of a sequence of parsed nodes."""
    best: Requirement | None = None
    offset_lo = offset_hi = 0
    run: list[str] = []
    run_lo = run_hi = 0

    def close_run():
        nonlocal best
        if run:
            best = _better(best, (("".join(run), run_lo, run_hi),))

    for node in nodes:
        op, av = node
        if op is C.LITERAL:
            if not run:
                run_lo, run_hi = offset_lo, offset_hi
            char = chr(av)
            run.append(char.lower().translate(_FOLD_FIX) if fold else char)
            if fold and len(run[-1]) != 1:
                return None
        else:
            close_run()
            run = []
            inner = _node_requirement(state, node, fold)
            if inner is not None:
                shifted = tuple(
                    (lit, lo + offset_lo, min(hi + offset_hi, _UNBOUNDED)) for lit, lo, hi in inner
                )
                best = _better(best, shifted)
        low, high = _width(state, node)
        offset_lo += low
        offset_hi = min(offset_hi + high, _UNBOUNDED)
    close_run()
    return best


def _node_requirement(state, node, fold: bool) -> Requirement | None:
    op, av = node
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if (add_flags | del_flags) & re.IGNORECASE:
            return None
        return _requirement(state, sub, fold)
    if op is C.BRANCH:
        found: list[tuple[str, int, int]] = []
        for branch in av[1]:
            req = _requirement(state, branch, fold)
            if req is None:
                return None
            found.extend(req)
        return tuple(found)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _requirement(state, sub, fold) if low >= 1 else None
    if op is C.IN and 0 < len(av) <= 3 and all(item_op is C.LITERAL for item_op, _ in av):
        chars = [chr(code).lower().translate(_FOLD_FIX) if fold else chr(code) for _, code in av]
        return tuple((char, 0, 0) for char in chars) if all(len(c) == 1 for c in chars) else None
    if op is C.ATOMIC_GROUP:
        return _requirement(state, av, fold)
    return None


def _merge_prefixes(req: Requirement) -> Requirement:
    """Fewer words to look for: words sharing four or more first letters become that prefix.

    Any match holding the longer word also holds its prefix at the same place, so
    the requirement stays true, only a little less selective.
    """
    merged: dict[str, tuple[int, int]] = {}
    for lit, lo, hi in sorted(req):
        for known in list(merged):
            common = len(os.path.commonprefix((known, lit)))
            if common >= 4:
                klo, khi = merged.pop(known)
                lit, lo, hi = lit[:common], min(lo, klo), max(hi, khi)
                break
        if lit in merged:
            klo, khi = merged[lit]
            lo, hi = min(lo, klo), max(hi, khi)
        merged[lit] = (lo, hi)
    return tuple((lit, lo, hi) for lit, (lo, hi) in merged.items())


class Gated:
    """A compiled pattern searched only where its required words occur."""

    def __init__(self, pattern: re.Pattern | str, flags: int = 0):
        self.regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
        self.fold = bool(self.regex.flags & re.IGNORECASE)
        parsed = _parser.parse(self.regex.pattern, self.regex.flags)
        req = _requirement(parsed.state, parsed.data, self.fold)
        req = _merge_prefixes(req) if req else req
        self.requirement = req
        self.needles = tuple(sorted({lit for lit, _, _ in req})) if req else ()
        self.narrow = bool(req) and all(hi - lo <= _NARROW for _, lo, hi in req)
        # each word at one offset from the start of a match: one place to try per occurrence
        self.exact = bool(req) and all(lo == hi for _, lo, hi in req)

    def __getattr__(self, name: str):
        # match, fullmatch, sub, split, pattern, flags: exactly the compiled pattern's
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"Gated({self.regex.pattern[:40]!r}, needles={self.needles[:6]})"

    def could_match(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """False only when no match is possible: none of the required words is there."""
        if self.requirement is None:
            return True
        hay = folded(text) if self.fold else text
        end = len(text) if endpos is None else endpos
        return any(hay.find(lit, pos, end) >= 0 for lit in self.needles)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        end = len(text) if endpos is None else min(endpos, len(text))
        if not self.narrow or end - pos < _SMALL_TEXT:
            if end - pos >= _SMALL_TEXT and not self.could_match(text, pos, end):
                return None
            return self.regex.search(text, pos, end)
        return self._search(text, folded(text) if self.fold else text, max(pos, 0), end)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else min(endpos, len(text))
        if not self.narrow or end - pos < _SMALL_TEXT:
            if end - pos < _SMALL_TEXT or self.could_match(text, pos, end):
                yield from self.regex.finditer(text, pos, end)
            return
        hay = folded(text) if self.fold else text
        if self.exact:
            yield from self._finditer_exact(text, hay, pos, end)
            return
        nxt: list[int] = []  # kept from match to match: each word is looked for once per place
        while pos <= end:
            m = self._search(text, hay, pos, end, nxt)
            if m is None:
                return
            yield m
            if m.end() == m.start():
                yield from self._after_empty(text, m, end)
                return
            pos = m.end()

    def _after_empty(self, text: str, m: re.Match, end: int):
        """What `re.finditer` gives after an empty match: never the same empty match twice."""
        tail = self.regex.finditer(text, m.end(), end)
        next(tail, None)
        yield from tail

    def _search(
        self, text: str, hay: str, start: int, end: int, nxt: list[int] | None = None
    ) -> re.Match | None:
        """The leftmost match starting at ``start`` or later: ``pattern.search(text, start, end)``.

        ``nxt`` carries the occurrences of the words from one call to the next (``finditer``
        with the same ``end`` and a ``start`` that only grows): each entry is the first
        occurrence at or after a place no later than ``start + lo``, or -1 for none, so only
        the entries now behind ``start`` are looked for again. Without it the search for a
        word that is not there would run to the end of the text after every match.
        """
        match = self.regex.match
        req = self.requirement
        # next occurrence of each literal that could still belong to a match at >= start
        if nxt is None:
            nxt = [hay.find(lit, start + lo, end) for lit, lo, _ in req]
        elif not nxt:
            nxt += [hay.find(lit, start + lo, end) for lit, lo, _ in req]
        else:
            for i, (lit, lo, _) in enumerate(req):
                if 0 <= nxt[i] < start + lo:
                    nxt[i] = hay.find(lit, start + lo, end)
        if self.exact:
            return self._search_exact(text, hay, end, nxt)
        while True:
            best = -1
            first = None
            for i, occ in enumerate(nxt):
                if occ < 0:
                    continue
                lit, lo, hi = req[i]
                candidate = max(start, occ - hi)
                if first is None or candidate < first:
                    first, best = candidate, i
            if first is None:
                return None
            lit, lo, hi = req[best]
            last = nxt[best] - lo
            if hi - lo > _NARROW:
                return self.regex.search(text, first, end)
            for s in range(first, last + 1):
                m = match(text, s, end)
                if m is not None:
                    return m
            start = last + 1
            for i, occ in enumerate(nxt):
                lit_i, lo_i, _ = req[i]
                if 0 <= occ < start + lo_i:
                    nxt[i] = hay.find(lit_i, start + lo_i, end)

    def _finditer_exact(self, text: str, hay: str, pos: int, end: int):
        """:meth:`finditer` when every word stands at one offset from a match's start: the
        places of the words' occurrences in order, each word looked for again only once
        passed (after a failed place, or a match that ends beyond it)."""
        match, req = self.regex.match, self.requirement
        unused = end + 1  # (no place: the word does not occur again)
        places = []
        for lit, lo, _ in req:
            occ = hay.find(lit, pos + lo, end)
            places.append(occ - lo if occ >= 0 else unused)
        while True:
            place = min(places)
            if place == unused:
                return
            m = match(text, place, end)
            if m is not None:
                yield m
                if m.end() == m.start():
                    yield from self._after_empty(text, m, end)
                    return
            passed = place + 1 if m is None else m.end()
            for i, at in enumerate(places):
                if at < passed:
                    lit, lo, _ = req[i]
                    occ = hay.find(lit, passed + lo, end)
                    places[i] = occ - lo if occ >= 0 else unused

    def _search_exact(self, text: str, hay: str, end: int, nxt: list[int]) -> re.Match | None:
        """:meth:`_search` when every word stands at one offset ``lo`` from a match's start:
        each occurrence is one place (``occurrence - lo``), tried in order. ``nxt`` is as
        there, already brought up to ``start``: every place is at or after it."""
        match = self.regex.match
        req = self.requirement
        unused = end + 1  # (no place: the word does not occur again)
        places = [
            occ - lo if occ >= 0 else unused for occ, (_, lo, _) in zip(nxt, req, strict=True)
        ]
        while True:
            place = min(places)
            if place == unused:
                return None
            m = match(text, place, end)
            if m is not None:
                return m
            for i, at in enumerate(places):  # the words that gave this place: their next ones
                if at == place:
                    lit, lo, _ = req[i]
                    occ = nxt[i] = hay.find(lit, place + 1 + lo, end)
                    places[i] = occ - lo if occ >= 0 else unused


def gated(pattern: re.Pattern | str, flags: int = 0) -> Gated | re.Pattern:
    """``pattern`` wrapped in :class:`Gated` where that pays: a few words at a known place."""
    compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
    if _parser is None:
        return compiled
    try:
        wrapped = Gated(compiled)
    except Exception:  # noqa: BLE001 - a construct the analysis does not know
        logger.debug("pattern %r runs plain", compiled.pattern[:60], exc_info=True)
        return compiled  # the plain pattern is exact, only slower
    req = wrapped.requirement
    if req is None or len(wrapped.needles) > (_MAX_NEEDLES if wrapped.narrow else _MAX_GATES):
        return compiled
    return wrapped


__all__ = [
    "Gated", "alternatives", "any_word", "by_first_letter", "fold_case", "folded", "gated", "literal_first",
    "literal_run", "lowered", "word_first",
]  # fmt: skip
