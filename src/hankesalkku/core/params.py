"""The one rule for a bad value in a list's or the overview's URL: a note, and the value ignored.

An old bookmark, a typo or a record renamed since should neither fail the page (a 400 or a 500
tells the reader nothing) nor silently return nothing: the page says which parameter it did not
understand and shows what it would show without it. Every list and the overview call these.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

MAX_SHOWN = 60


def ignored_note(label, value) -> str:
    """The visible warning for one ignored parameter."""
    return _("Kentän ”%(field)s” arvoa ”%(value)s” ei tunneta; suodatin ohitettiin.") % {
        "field": label,
        "value": str(value)[:MAX_SHOWN],
    }


def known_value(params, name: str, known, label, notes: list[str]) -> str:
    """`params[name]` when it is one of `known`, else "" (with a note when it was given)."""
    value = (params.get(name) or "").strip()
    if not value:
        return ""
    if value in known:
        return value
    notes.append(ignored_note(label, value))
    return ""


@dataclass
class Filter:
    """One select of a list's filter form: its options and what the URL chose."""

    name: str
    label: str
    options: list[tuple[str, str]]
    selected: str = ""


@dataclass
class FilterResult:
    filters: list[Filter]
    condition: Q = field(default_factory=Q)
    notes: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return any(f.selected for f in self.filters)


@dataclass(frozen=True)
class FilterSpec:
    """A list's filter: `options()` gives (value, label) pairs, `condition(value)` a Q."""

    name: str
    label: object
    options: Callable[[], list]
    condition: Callable[[str], Q]


def parse_filters(params, specs: list[FilterSpec]) -> FilterResult:
    """Every filter of a list read from `params` by the one rule above."""
    result = FilterResult(filters=[])
    for spec in specs:
        choices = [(str(k), str(v)) for k, v in spec.options()]
        known = {k for k, _label in choices}
        selected = known_value(params, spec.name, known, spec.label, result.notes)
        if selected:
            result.condition &= spec.condition(selected)
        result.filters.append(Filter(spec.name, str(spec.label), choices, selected))
    return result
