"""The applicant's start page panels: my organisations' parts and the supplements asked for.

`panels(user)` is the contract of `core.start`; each panel is a partial the start page loads
with htmx. Only people of an implementing organisation get them (the preparing roles and the
members who read the organisation's drafts).
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hankesalkku.accounts import roles
from hankesalkku.core.start import StartPanel
from hankesalkku.projects.models import Application, ApplicationStatus

from . import permissions


def own_parts(user):
    """The parts of the organisations the user is a member of, as the user may see them."""
    ids = permissions.preparing_organisation_ids(user) | set(roles.organisation_ids_for(user))
    return (
        Application.objects.visible_to(user)
        .filter(organisation_id__in=ids)
        .select_related("entity", "entity__call", "organisation")
    )


def supplement_deadline(application):
    """The date the funding authority asked the supplement by, where its screening says one.

    The screening is the funding authority's record (a layer above, reached by the relation it
    declares, not imported); without it the request has no known deadline.
    """
    screenings = getattr(application, "screenings", None)
    if screenings is None:
        return None
    latest = screenings.filter(supplement_deadline__isnull=False).order_by("-pk").first()
    return latest.supplement_deadline if latest else None


def panels(user) -> list[StartPanel]:
    if not getattr(user, "is_authenticated", False) or not roles.organisation_ids_for(user):
        return []
    found = [StartPanel(_("Organisaationi hakemukset"), reverse("applying:mine"), order=20)]
    if own_parts(user).filter(status=ApplicationStatus.SUPPLEMENT_REQUESTED).exists():
        found.insert(
            0, StartPanel(_("Täydennyspyynnöt"), reverse("applying:supplements"), order=10)
        )
    return found


@require_GET
@login_required
def supplements(request):
    """The partial: each part the funding authority returned, with its deadline and next step."""
    parts = own_parts(request.user).filter(status=ApplicationStatus.SUPPLEMENT_REQUESTED)
    rows = [(part, supplement_deadline(part)) for part in parts.order_by("pk")[:30]]
    rows.sort(key=lambda row: (row[1] is None, row[1] or 0))
    return render(request, "applying/partials/supplements.html", {"rows": rows})
