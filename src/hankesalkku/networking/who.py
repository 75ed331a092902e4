"""Who works on what where: the implementing organisations of the projects a viewer may see,
by sector, with each one's region, projects and those projects' partners."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from hankesalkku.organisations.models import Organisation, Region
from hankesalkku.programmes.models import Sector
from hankesalkku.projects.models import Application, Partner, ProjectEntity

MAX_ORGANISATIONS_PER_SECTOR = 200


@dataclass
class Actor:
    organisation: Organisation
    projects: list = field(default_factory=list)
    partners: dict = field(default_factory=dict)

    @property
    def region(self):
        return self.organisation.region or (
            self.organisation.parent.region if self.organisation.parent_id else None
        )


def _choice(model, value):
    if not value:
        return None
    return model.objects.filter(slug=str(value)[:120]).first()


def who_works_on_what(user, sector_slug: str = "", region_slug: str = ""):
    """Sectors with their organisations; filters by slug, an unknown slug ignored."""
    sector = _choice(Sector, sector_slug)
    region = _choice(Region, region_slug)
    entities = ProjectEntity.objects.visible_to(user)
    if sector:
        entities = entities.filter(sectors=sector)
    entities = entities.prefetch_related(
        "sectors",
        Prefetch(
            "applications",
            Application.objects.select_related(
                "organisation", "organisation__region", "organisation__parent__region"
            ),
        ),
        Prefetch("partners", Partner.objects.select_related("organisation")),
    ).order_by("name")
    by_sector: dict = defaultdict(dict)
    for entity in entities.distinct():
        partners = [p.organisation for p in entity.partners.all()]
        sectors = [s for s in entity.sectors.all() if sector is None or s == sector] or [None]
        for application in entity.applications.all():
            organisation = application.organisation
            for item in sectors:
                actors = by_sector[item]
                actor = actors.get(organisation.pk) or Actor(organisation)
                if region is not None and actor.region != region:
                    continue
                actors[organisation.pk] = actor
                if entity not in actor.projects:
                    actor.projects.append(entity)
                actor.partners.update({p.pk: p for p in partners})
    rows = []
    for item in sorted(by_sector, key=lambda s: (s is None, s.name if s else "")):
        actors = sorted(by_sector[item].values(), key=lambda a: a.organisation.name)
        rows.append((item, actors[:MAX_ORGANISATIONS_PER_SECTOR]))
    return {
        "rows": rows,
        "sector": sector,
        "region": region,
        "sectors": Sector.objects.order_by("name"),
        "regions": Region.objects.order_by("name"),
    }
