"""What an aggregation page or export is about: one call, theme or programme, a district and
a level, read from the query string. The entities are picked by the same rule as the
overview's (`ProjectEntity.objects.in_selection`), so the impact figures of a theme and the
overview of that theme count the same projects."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from hankesalkku.organisations.models import District
from hankesalkku.programmes.models import Call, ImpactLevel, Programme, Theme
from hankesalkku.projects.models import ProjectEntity, ProjectStatus


@dataclass
class ImpactSelection:
    call: Call | None = None
    theme: Theme | None = None
    programme: Programme | None = None
    district: District | None = None
    level: ImpactLevel | None = None
    viewer: object = None
    # the attributes in_selection reads and the impact pages do not narrow
    ministry = None
    sector = None
    organisation_type = None
    region = None
    statuses = tuple(s for s in ProjectStatus.values if s != ProjectStatus.PLANNED)

    def entities(self):
        return ProjectEntity.objects.in_selection(self)

    @property
    def title(self) -> str:
        parts = [str(x) for x in (self.call, self.theme, self.programme) if x is not None]
        if self.district is not None:
            parts.append(str(self.district))
        if self.level is not None:
            parts.append(_("taso %(level)s") % {"level": self.level})
        return ", ".join(parts) or _("kaikki rahoitetut hankkeet")

    def query(self) -> dict:
        found = {}
        for key, obj in (
            ("haku", self.call),
            ("teema", self.theme),
            ("ohjelma", self.programme),
            ("kaupunginosa", self.district),
        ):
            if obj is not None:
                found[key] = obj.slug
        if self.level is not None:
            found["taso"] = self.level.pk
        return found


def from_query(params, viewer) -> tuple[ImpactSelection, list[str]]:
    """The selection and a message per parameter that names nothing (the rest still applies)."""
    selection, errors = ImpactSelection(viewer=viewer), []
    for key, model, attr, label in (
        ("haku", Call, "call", _("haku")),
        ("teema", Theme, "theme", _("teema")),
        ("ohjelma", Programme, "programme", _("ohjelma")),
        ("kaupunginosa", District, "district", _("kaupunginosa")),
    ):
        value = (params.get(key) or "").strip()
        if not value:
            continue
        found = model.objects.filter(slug=value).first()
        if found is None:
            errors.append(_("Tuntematon %(what)s ”%(value)s”.") % {"what": label, "value": value})
        setattr(selection, attr, found)
    level = (params.get("taso") or "").strip()
    if level:
        selection.level = ImpactLevel.objects.filter(pk=level).first() if level.isdigit() else None
        if selection.level is None:
            errors.append(_("Tuntematon taso ”%(value)s”.") % {"value": level})
    return selection, errors
