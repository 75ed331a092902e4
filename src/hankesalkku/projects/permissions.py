"""Who may see a project entity.

Everything public money pays for is public, except drafts: a project in status `planned` is
still being prepared, and only staff or the people of an implementing organisation see it.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from hankesalkku.organisations.models import Organisation

from .models import ProjectEntity, ProjectStatus


def _member_organisation_ids(user) -> set[int]:
    """The user's organisations with all their units, so a city's people see its units' drafts."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_hankesalkku_org_ids", None)
    if cached is not None:
        return cached
    ids = set(user.organisation_memberships.values_list("organisation_id", flat=True))
    frontier = set(ids)
    while frontier:
        frontier = (
            set(Organisation.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            - ids
        )
        ids |= frontier
    user._hankesalkku_org_ids = ids
    return ids


def visible_project_entities(user, queryset=None):
    """The entities a user may see; list pages filter with this so drafts never leak."""
    queryset = ProjectEntity.objects.all() if queryset is None else queryset
    if getattr(user, "is_staff", False):
        return queryset
    public = ~Q(status=ProjectStatus.PLANNED)
    org_ids = _member_organisation_ids(user)
    if not org_ids:
        return queryset.filter(public)
    own = ProjectEntity.objects.filter(
        Q(applications__organisation_id__in=org_ids) | Q(applications__unit_id__in=org_ids)
    ).values("pk")
    return queryset.filter(public | Q(pk__in=own))


def can_view_project_entity(user, entity: ProjectEntity) -> tuple[bool, str]:
    if entity.status != ProjectStatus.PLANNED:
        return True, ""
    if getattr(user, "is_staff", False):
        return True, ""
    org_ids = _member_organisation_ids(user)
    if (
        org_ids
        and entity.applications.filter(
            Q(organisation_id__in=org_ids) | Q(unit_id__in=org_ids)
        ).exists()
    ):
        return True, ""
    return False, _("Hanke on valmistelussa; sen näkevät vain toteuttajaorganisaatio ja ylläpito.")
