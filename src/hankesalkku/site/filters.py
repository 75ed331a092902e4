"""The project list's filters: GET parameters checked against known values.

An unknown value (an old bookmark, a typo) is ignored and named in a visible note rather than
failing the page or silently returning nothing.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hankesalkku.organisations.models import Organisation, OrganisationType, Region
from hankesalkku.programmes.models import Call, Sector, Theme
from hankesalkku.projects.models import ProjectKind, ProjectStatus


@dataclass
class Filter:
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


LABELS = {
    "call": gettext_lazy("Haku"),
    "theme": gettext_lazy("Teema"),
    "ministry": gettext_lazy("Myöntövaltuus"),
    "kind": gettext_lazy("Hanketyyppi"),
    "sector": gettext_lazy("Toimiala"),
    "region": gettext_lazy("Alue"),
    "org_type": gettext_lazy("Toteuttajan organisaatiotyyppi"),
    "status": gettext_lazy("Tila"),
}


def _options() -> dict[str, list[tuple[str, str]]]:
    """Choices read from the database: one query per list, however many projects there are."""
    return {
        "call": [(c.slug, c.display_name) for c in Call.objects.order_by("opens", "name")],
        "theme": [(t.slug, t.display_name) for t in Theme.objects.all()],
        "ministry": [
            (m.abbreviation, f"{m.abbreviation} – {m.display_name}")
            for m in Organisation.objects.ministries().order_by("abbreviation")
        ],
        "kind": list(ProjectKind.choices),
        "sector": [
            (s.slug, f"{s.branch.display_name}: {s.display_name}")
            for s in Sector.objects.select_related("branch")
        ],
        "region": [(r.slug, r.display_name) for r in Region.objects.all()],
        "org_type": list(OrganisationType.choices),
        "status": list(ProjectStatus.choices),
    }


_CONDITIONS = {
    "call": lambda v: Q(call__slug=v),
    "theme": lambda v: Q(theme__slug=v),
    "ministry": lambda v: Q(funding_ministries__abbreviation=v),
    "kind": lambda v: Q(kind=v),
    "sector": lambda v: Q(sectors__slug=v),
    "region": lambda v: Q(regions__slug=v) | Q(applications__organisation__region__slug=v),
    "org_type": lambda v: Q(applications__organisation__organisation_type=v),
    "status": lambda v: Q(status=v),
}


def parse_filters(params) -> FilterResult:
    options = _options()
    result = FilterResult(filters=[])
    for name, label in LABELS.items():
        value = (params.get(name) or "").strip()
        choices = [(str(k), str(v)) for k, v in options[name]]
        known = {k for k, _label in choices}
        selected = ""
        if value and value in known:
            selected = value
            result.condition &= _CONDITIONS[name](value)
        elif value:
            result.notes.append(
                _("Kentän ”%(field)s” arvoa ”%(value)s” ei tunneta; suodatin ohitettiin.")
                % {"field": label, "value": value[:60]}
            )
        result.filters.append(Filter(name, str(label), choices, selected))
    return result
