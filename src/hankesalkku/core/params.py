"""The one rule for a bad value in a list's or the overview's URL: a note, and the value ignored.

An old bookmark, a typo or a record renamed since should neither fail the page (a 400 or a 500
tells the reader nothing) nor silently return nothing: the page says which parameter it did not
understand and shows what it would show without it. Every list and the overview call these.
"""

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
