"""Who may see a project entity.

Everything public money pays for is public, except drafts: a project in status `planned` is
still being prepared, and only staff or the people of an implementing organisation see it.
The rule itself is `ProjectEntity.objects.visible_to(user)`; this function gives the reason.
"""

from django.utils.translation import gettext as _

from hankesalkku.accounts import roles

from .models import ProjectEntity


def can_view_project_entity(user, entity: ProjectEntity) -> tuple[bool, str]:
    if ProjectEntity.objects.visible_to(user).filter(pk=entity.pk).exists():
        return True, ""
    return False, _("Hanke on valmistelussa; sen näkevät vain toteuttajaorganisaatio ja ylläpito.")


def can_view_project_history(user, entity: ProjectEntity) -> tuple[bool, str]:
    """Who changed what in a project: its implementers' people, the funding authority's officers
    and administrators. The trail names officials, so it is not public."""
    if getattr(user, "is_staff", False) or roles.is_administrator(user):
        return True, ""
    org_ids = roles.organisation_ids_for(user)
    implementers = {
        pk
        for pair in entity.applications.values_list("organisation_id", "unit_id")
        for pk in pair
        if pk
    }
    if org_ids & implementers:
        return True, ""
    authorities = roles.authority_organisation_ids(user)
    call_authority = entity.call.funding_authority_id if entity.call_id else None
    if authorities & {entity.funding_authority_id, call_authority} - {None}:
        return True, ""
    return False, _(
        "Muutoshistorian näkevät hankkeen toteuttajaorganisaatiot, rahoittava viranomainen ja "
        "ylläpito."
    )
