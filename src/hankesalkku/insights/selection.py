"""Which project entities an overview counts, read from a URL or from command-line options.

A selector takes an id, a slug, or a unique case-insensitive part of a name, so that both a
shared link (`?theme=lasten-nuorten-ja-perheiden-palvelut`) and a person typing "Lasten, nuorten"
get the same answer. An ambiguous or unknown value is an error that names the field and the
candidates: counting the wrong projects silently would be worse than refusing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from django.db.models import Q
from django.utils.translation import gettext as _

from hankesalkku.core.i18n import localized
from hankesalkku.organisations.models import Organisation, OrganisationType, Region
from hankesalkku.programmes.models import Call, Programme, Sector, Theme
from hankesalkku.projects.models import ProjectEntity, ProjectStatus

FILTER_KEYS = (
    "programme",
    "theme",
    "call",
    "ministry",
    "region",
    "organisation_type",
    "sector",
    "status",
)
ALL_STATUSES = ("all", "kaikki")
FUNDED_STATUSES = ("funded", "rahoitetut")
MAX_CANDIDATES_SHOWN = 5


class SelectionError(ValueError):
    """Every field that could not be read, with a Finnish message naming the field."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(errors.values()))


def _field_labels() -> dict[str, str]:
    return {
        "programme": _("Ohjelma"),
        "theme": _("Teema"),
        "call": _("Haku"),
        "ministry": _("Ministeriö"),
        "region": _("Alue"),
        "organisation_type": _("Organisaatiotyyppi"),
        "sector": _("Toimiala"),
        "status": _("Tila"),
        "organisation": _("Organisaatio"),
    }


def _matches(obj, text_fields: tuple[str, ...], needle: str, exact: bool) -> bool:
    for name in text_fields:
        value = (getattr(obj, name, "") or "").casefold()
        if (value == needle) if exact else (needle in value):
            return True
    return False


def resolve(queryset, value: str, *, key: str, text_fields: tuple[str, ...] = ("name",)):
    """One object by id, slug, exact name or unique part of a name; SelectionError otherwise."""
    label = _field_labels()[key]
    value = (value or "").strip()
    if value.isdigit():
        found = queryset.filter(pk=int(value)).first()
        if found is None:
            raise SelectionError(
                {
                    key: _("%(field)s: tunnusta %(value)s ei löydy.")
                    % {"field": label, "value": value}
                }
            )
        return found
    by_slug = queryset.filter(slug__iexact=value).first()
    if by_slug is not None:
        return by_slug
    # SQLite folds only ASCII case in LIKE, so ask for a few spellings and check in Python.
    condition = Q()
    for name in text_fields:
        for variant in {value, value.lower(), value.capitalize(), value.upper()}:
            condition |= Q(**{f"{name}__icontains": variant})
    needle = value.casefold()
    candidates = [o for o in queryset.filter(condition) if _matches(o, text_fields, needle, False)]
    exact = [o for o in candidates if _matches(o, text_fields, needle, True)]
    if len(exact) == 1:
        return exact[0]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise SelectionError(
            {key: _("%(field)s: ”%(value)s” ei vastaa mitään.") % {"field": label, "value": value}}
        )
    shown = ", ".join(
        f"{localized(o, 'name')} ({o.slug})" for o in candidates[:MAX_CANDIDATES_SHOWN]
    )
    more = len(candidates) - MAX_CANDIDATES_SHOWN
    if more > 0:
        shown += " " + _("ja %(n)s muuta") % {"n": more}
    raise SelectionError(
        {
            key: _(
                "%(field)s: ”%(value)s” on moniselitteinen (%(candidates)s). Tarkenna nimeä tai käytä "
                "tunnistetta."
            )
            % {"field": label, "value": value, "candidates": shown}
        }
    )


def resolve_choice(choices, value: str, *, key: str) -> str:
    """A TextChoices value by its code or a unique part of its Finnish label."""
    label = _field_labels()[key]
    needle = (value or "").strip().casefold()
    for code, text in choices.choices:
        if needle in (code.casefold(), str(text).casefold()):
            return code
    found = [code for code, text in choices.choices if needle in str(text).casefold()]
    if len(found) == 1:
        return found[0]
    options = ", ".join(f"{code} ({text})" for code, text in choices.choices)
    if found:
        message = _("%(field)s: ”%(value)s” on moniselitteinen. Vaihtoehdot: %(options)s.")
    else:
        message = _("%(field)s: ”%(value)s” ei vastaa mitään. Vaihtoehdot: %(options)s.")
    raise SelectionError({key: message % {"field": label, "value": value, "options": options}})


def resolve_statuses(value: str) -> tuple[str, ...] | None:
    """Comma-separated statuses; "kaikki" (all) gives None = no status filter."""
    needle = (value or "").strip().casefold()
    if not needle or needle in FUNDED_STATUSES:
        return tuple(ProjectStatus.funded())
    if needle in ALL_STATUSES:
        return None
    return tuple(
        dict.fromkeys(
            resolve_choice(ProjectStatus, part, key="status")
            for part in needle.split(",")
            if part.strip()
        )
    )


@dataclass
class Selection:
    """The filters of one overview; empty fields do not filter. Status None means all statuses."""

    programme: Programme | None = None
    theme: Theme | None = None
    call: Call | None = None
    ministry: Organisation | None = None
    region: Region | None = None
    organisation_type: str | None = None
    sector: Sector | None = None
    statuses: tuple[str, ...] | None = field(default_factory=lambda: tuple(ProjectStatus.funded()))
    # Who is looking: drafts (planned) are counted only where this user may see them. None is
    # the command line, run by someone with the database in hand.
    viewer: object | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_params(cls, params, viewer=None) -> Selection:
        """Read GET parameters or CLI options; raises SelectionError naming every bad field."""
        getters = {
            "programme": lambda v: resolve(
                Programme.objects.all(),
                v,
                key="programme",
                text_fields=("name", "name_sv", "name_en", "short_name"),
            ),
            "theme": lambda v: resolve(
                Theme.objects.all(), v, key="theme", text_fields=("name", "name_sv", "name_en")
            ),
            "call": lambda v: resolve(
                Call.objects.all(), v, key="call", text_fields=("name", "name_sv", "name_en")
            ),
            "ministry": lambda v: resolve(
                Organisation.objects.ministries(),
                v,
                key="ministry",
                text_fields=("abbreviation", "name", "name_sv", "name_en"),
            ),
            "region": lambda v: resolve(
                Region.objects.all(),
                v,
                key="region",
                text_fields=("short_name", "short_name_sv", "name", "name_sv", "aliases"),
            ),
            "organisation_type": lambda v: resolve_choice(
                OrganisationType, v, key="organisation_type"
            ),
            "sector": lambda v: resolve(
                Sector.objects.select_related("branch"),
                v,
                key="sector",
                text_fields=("name", "name_sv", "name_en"),
            ),
        }
        values, errors = {}, {}
        for key, getter in getters.items():
            raw = (params.get(key) or "").strip()
            if not raw:
                continue
            try:
                values[key] = getter(raw)
            except SelectionError as error:
                errors.update(error.errors)
        try:
            values["statuses"] = resolve_statuses(params.get("status") or "")
        except SelectionError as error:
            errors.update(error.errors)
        if errors:
            raise SelectionError(errors)
        return cls(**values, viewer=viewer)

    @classmethod
    def from_params_ignoring_errors(cls, params, viewer=None) -> tuple[Selection, dict[str, str]]:
        """The lists' one rule for bad values on the overview's pages: every field that cannot
        be read is explained and ignored, and the rest of the selection still counts."""
        try:
            return cls.from_params(params, viewer), {}
        except SelectionError as error:
            kept = {k: params.get(k) for k in params if k not in error.errors}
            notes = {k: f"{m} {_('Suodatin ohitettiin.')}" for k, m in error.errors.items()}
            return cls.from_params(kept, viewer), notes

    def entities(self):
        """The selected project entities (`ProjectEntityQuerySet.in_selection`)."""
        return ProjectEntity.objects.in_selection(self)

    def to_params(self) -> dict[str, str]:
        """The selection as URL parameters, slugs rather than ids so a link reads well."""
        params = {}
        for key in ("programme", "theme", "call", "ministry", "region", "sector"):
            obj = getattr(self, key)
            if obj is not None:
                params[key] = obj.slug
        if self.organisation_type:
            params["organisation_type"] = self.organisation_type
        if self.statuses is None:
            params["status"] = "kaikki"
        elif set(self.statuses) != set(ProjectStatus.funded()):
            params["status"] = ",".join(self.statuses)
        return params

    def describe(self, language: str = "fi") -> list[tuple[str, str]]:
        """(field label, value) pairs for the chosen filters, for titles and export headers."""
        labels = _field_labels()
        out = []
        for f in fields(self):
            if f.name == "viewer":
                continue
            value = getattr(self, f.name)
            if f.name == "statuses":
                if value is None:
                    out.append((labels["status"], _("kaikki")))
                elif set(value) != set(ProjectStatus.funded()):
                    out.append(
                        (labels["status"], ", ".join(str(ProjectStatus(v).label) for v in value))
                    )
                continue
            if value is None or value == "":
                continue
            if f.name == "organisation_type":
                text = str(OrganisationType(value).label)
            elif f.name == "ministry":
                text = value.abbreviation or localized(value, "name", language)
            else:
                text = localized(value, "name", language)
            out.append((labels[f.name], text))
        return out

    @property
    def is_funded_default(self) -> bool:
        return self.statuses is not None and set(self.statuses) == set(ProjectStatus.funded())
