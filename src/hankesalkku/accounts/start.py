"""Each role's start page: what this person can do next, as links to the pages for it.

Pages of the layers above are named by URL, never imported, so the accounts layer stays below
them. A role held in several places gives one step per place.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Role


@dataclass(frozen=True)
class Step:
    label: str
    url: str


def _org_steps(a) -> list[Step]:
    org = a.organisation
    name = org.display_name
    page = reverse("organisations:detail", args=[org.slug])
    if a.role == Role.PREPARER:
        return [Step(_("Organisaation %(org)s hankkeet ja luonnokset") % {"org": name}, page)]
    if a.role == Role.SIGNATORY:
        return [
            Step(_("Organisaation %(org)s hankkeet") % {"org": name}, page),
            Step(
                _("Hallitse organisaation %(org)s käyttäjiä") % {"org": name},
                reverse("accounts:members", args=[org.slug]),
            ),
        ]
    if a.role == Role.FINANCE_OFFICER:
        return [
            Step(
                _("Organisaation %(org)s rahoitussitoumukset: päätetty, käytetty, avoinna")
                % {"org": name},
                reverse("insights:organisation", args=[org.slug]),
            )
        ]
    if a.role == Role.VIEWER:
        return [Step(_("Organisaation %(org)s hankkeet") % {"org": name}, page)]
    if a.role == Role.AUTHORITY_OFFICER:
        return [
            Step(_("Lue päätöksiä ja hakemuksia järjestelmään"), reverse("documents:upload")),
            Step(
                _("Viranomaisen %(org)s rahoittamat hankkeet") % {"org": name},
                reverse("insights:overview"),
            ),
        ]
    if a.role == Role.MINISTRY_VIEWER:
        query = urlencode({"ministry": org.abbreviation or org.slug})
        return [
            Step(
                _("Ministeriön %(org)s hankkeet yleiskuvassa") % {"org": name},
                f"{reverse('insights:overview')}?{query}",
            )
        ]
    if a.role == Role.GRANT_OFFICER:
        return [Step(_("Kaupungin %(org)s avustushaut") % {"org": name}, reverse("site:home"))]
    return []


def next_steps(user, assignments) -> list[Step]:
    steps: list[Step] = []
    for a in assignments:
        if a.organisation_id:
            steps.extend(_org_steps(a))
        elif a.role == Role.ASSESSOR and a.call_id:
            steps.append(
                Step(
                    _("Arvioitava haku: %(call)s") % {"call": a.call.display_name},
                    reverse("programmes:call_detail", args=[a.call.slug]),
                )
            )
        elif a.role == Role.COORDINATOR and a.theme_id:
            query = urlencode({"theme": a.theme.slug})
            steps.append(
                Step(
                    _("Teeman %(theme)s yleiskuva") % {"theme": a.theme.display_name},
                    f"{reverse('insights:overview')}?{query}",
                )
            )
        elif a.role == Role.ADMINISTRATOR:
            steps.append(Step(_("Ylläpito: kaikki tietueet"), reverse("admin:index")))
    if getattr(user, "is_staff", False) and not any(s.url == reverse("admin:index") for s in steps):
        steps.append(Step(_("Ylläpito: kaikki tietueet"), reverse("admin:index")))
    if not steps:
        steps.append(Step(_("Selaa ohjelmia, hakuja ja hankkeita"), reverse("site:home")))
    return steps
