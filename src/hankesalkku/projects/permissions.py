"""Who may see a project entity.

Everything public money pays for is public, except drafts: a project in status `planned` is
still being prepared, and only staff or the people of an implementing organisation see it.
The rule itself is `ProjectEntity.objects.visible_to(user)`; this function gives the reason.
"""

from django.utils.translation import gettext as _

from .models import ProjectEntity


def can_view_project_entity(user, entity: ProjectEntity) -> tuple[bool, str]:
    if ProjectEntity.objects.visible_to(user).filter(pk=entity.pk).exists():
        return True, ""
    return False, _("Hanke on valmistelussa; sen näkevät vain toteuttajaorganisaatio ja ylläpito.")
