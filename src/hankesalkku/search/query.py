"""A search: the user's words analysed, matched in the engine, filtered by what they may see,
counted by kind and year for the facets, and the page's hits highlighted.

Any input is a valid query: words are taken from the first characters only, punctuation is
dropped, and a query with no words is an empty result with a reason, never an error.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .engines import find
from .lemmas import WORD, query_groups, word_terms
from .models import EntryKind, SearchEntry
from .visibility import viewer_terms

PAGE_SIZE = 20
MAX_PAGE = 50
SNIPPET = 220
SCANNED = 20_000
"""Characters of a long document searched for the snippet's first match."""


@dataclass
class Hit:
    entry: SearchEntry
    title: str
    snippet: str

    @property
    def kind_label(self) -> str:
        return EntryKind(self.entry.kind).label


@dataclass
class Results:
    query: str
    kind: str = ""
    year: int | None = None
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    kinds: list[tuple[str, str, int]] = field(default_factory=list)
    years: list[tuple[int, int]] = field(default_factory=list)
    page: int = 1
    empty_reason: str = ""
    estimated: bool = False
    """The total and the facets are estimates ("noin"): the query matched more than the
    engine ranks (engines.RANKED)."""

    @property
    def has_next(self) -> bool:
        return self.page * PAGE_SIZE < self.total and self.page < MAX_PAGE

    def as_json(self) -> dict:
        return {
            "query": self.query,
            "total": self.total,
            "estimated": self.estimated,
            "kinds": {kind: count for kind, _label, count in self.kinds},
            "years": {str(year): count for year, count in self.years},
            "hits": [
                {
                    "kind": h.entry.kind,
                    "id": h.entry.object_id,
                    "title": h.entry.title,
                    "url": h.entry.url,
                    "year": h.entry.year,
                }
                for h in self.hits
            ],
        }


def _mark(text: str, terms: frozenset[str]) -> str:
    """The text escaped, every word whose terms meet the query's in <mark>."""
    out, last = [], 0
    for match in WORD.finditer(text):
        if word_terms(match.group()) & terms:
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def _snippet(body: str, terms: frozenset[str]) -> str:
    """A window of the body around its first matching word."""
    start = 0
    body = body[:SCANNED]
    for match in WORD.finditer(body):
        if word_terms(match.group()) & terms:
            start = max(0, match.start() - SNIPPET // 3)
            break
    window = re.sub(r"\s+", " ", body[start : start + SNIPPET]).strip()
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET < len(body) else ""
    return mark_safe(prefix + _mark(window, terms) + suffix)


def _int(value, default=None, lowest=1, highest=None):
    try:
        number = int(str(value)[:6])
    except (TypeError, ValueError):
        return default
    if number < lowest or (highest is not None and number > highest):
        return default
    return number


def search(user, query: str, *, kind: str = "", year=None, page=1) -> Results:
    query = (query or "").strip()
    kind = kind if kind in EntryKind.values else ""
    results = Results(query=query[:200], kind=kind, year=_int(year, None, 1900, 2200))
    results.page = _int(page, 1, 1, MAX_PAGE)
    groups = query_groups(query)
    if not groups:
        results.empty_reason = "no-words" if query else "empty"
        return results
    offset = (results.page - 1) * PAGE_SIZE
    found = find(
        groups,
        viewer_terms(user),
        kind=kind,
        year=results.year,
        offset=offset,
        limit=PAGE_SIZE,
    )
    by_kind: dict[str, int] = {}
    by_year: dict[int, int] = {}
    for entry_kind, entry_year, n in found.counts:
        by_kind[entry_kind] = by_kind.get(entry_kind, 0) + n
        if entry_year is not None and (not kind or entry_kind == kind):
            by_year[entry_year] = by_year.get(entry_year, 0) + n
    results.kinds = [(k, label, by_kind[k]) for k, label in EntryKind.choices if k in by_kind]
    results.years = sorted(by_year.items(), reverse=True)
    results.total = found.total
    results.estimated = found.estimated
    # Only the page's entries are read, and only they are highlighted.
    entries = SearchEntry.objects.in_bulk(found.ids)
    terms = frozenset().union(*groups)
    results.hits = [
        Hit(entry=e, title=_mark(e.title, terms), snippet=_snippet(e.body, terms))
        for e in (entries[pk] for pk in found.ids if pk in entries)
    ]
    return results
