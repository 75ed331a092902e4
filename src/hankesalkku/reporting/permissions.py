"""Who may fill, submit and review reports, set targets and manage reporting data.

Each function returns (allowed, reason) with the reason in Finnish, so a page, the API and a
service say the same thing when they refuse.
"""

from django.utils.translation import gettext as _

from hankesalkku.accounts import roles
from hankesalkku.accounts.models import Role

IMPLEMENTER_ROLES = (Role.PREPARER, Role.SIGNATORY)


def _is_admin(user) -> bool:
    return bool(getattr(user, "is_staff", False)) or roles.is_administrator(user)


def runs_call(user, call) -> bool:
    """The call's funding authority's officer, or the grant officer of the city owning it."""
    if call is None:
        return False
    return call.pk in roles.call_ids_run_by(user) or (
        call.programme_id in roles.grant_programme_ids_for(user)
    )


def can_report_for(user, application) -> tuple[bool, str]:
    """The implementer's preparer or signatory fills and submits the part's reports and targets."""
    if _is_admin(user) or application.organisation_id in roles.organisation_ids_for(
        user, IMPLEMENTER_ROLES
    ):
        return True, ""
    return False, _(
        "Raportin täyttävät ja lähettävät toteuttajan valmistelija tai allekirjoittaja."
    )


def can_review_report(user, report) -> tuple[bool, str]:
    if _is_admin(user) or runs_call(user, report.application.entity.call):
        return True, ""
    return False, _("Raportin hyväksyy tai palauttaa haun rahoittajan käsittelijä.")


def can_manage_call_reporting(user, call) -> tuple[bool, str]:
    """Indicators, outcomes and the schedule of a call are set by whoever runs the call."""
    if _is_admin(user) or runs_call(user, call):
        return True, ""
    return False, _("Haun indikaattorit ja raportointiaikataulun asettaa haun rahoittaja.")


def can_import_district_values(user) -> tuple[bool, str]:
    if _is_admin(user) or roles.organisation_ids_for(
        user, [Role.GRANT_OFFICER, Role.AUTHORITY_OFFICER]
    ):
        return True, ""
    return False, _("Kaupunginosien tietoja tuovat avustusvastaavat, käsittelijät ja ylläpito.")


def can_view_impact(user, call) -> tuple[bool, str]:
    """Accepted results of publicly funded projects are public, like the projects themselves."""
    return True, ""


def can_submit_report(user, report) -> tuple[bool, str]:
    """Sending a report is the implementer's word on its results: the signatory's, as with the
    application itself; a preparer fills the form and asks the signatory to send it."""
    if _is_admin(user) or report.application.organisation_id in roles.organisation_ids_for(
        user, [Role.SIGNATORY]
    ):
        return True, ""
    return False, _("Raportin lähettää toteuttajan allekirjoittaja.")


def can_set_targets(user, application) -> tuple[bool, str]:
    """The applicant states its targets while preparing the application."""
    return can_report_for(user, application)


def can_view_part_reporting(user, application) -> tuple[bool, str]:
    """A part's reports and targets: its implementer's people and whoever runs the call."""
    if _is_admin(user) or runs_call(user, application.entity.call):
        return True, ""
    if application.organisation_id in roles.organisation_ids_for(user):
        return True, ""
    return False, _("Osahankkeen raportit näkevät toteuttaja ja haun rahoittaja.")


def runs_programme(user, programme) -> bool:
    """A programme's coordination: the grant officer of the city owning a municipal grant
    scheme, the coordinator of one of the programme's themes, or an officer of the programme's
    owner. An officer running a single call is not one: a programme's indicator binds every
    call of the programme, not only the officer's own."""
    if programme is None:
        return False
    if programme.pk in roles.grant_programme_ids_for(user):
        return True
    theme_ids = roles.theme_ids_coordinated_by(user)
    if theme_ids and programme.themes.filter(pk__in=theme_ids).exists():
        return True
    return programme.owner_id is not None and programme.owner_id in roles.organisation_ids_for(
        user, [Role.AUTHORITY_OFFICER, Role.GRANT_OFFICER]
    )


def can_manage_programme_reporting(user, programme) -> tuple[bool, str]:
    """A programme's own indicators, which each of its calls follows, are set by the
    programme's coordination."""
    if _is_admin(user) or runs_programme(user, programme):
        return True, ""
    return False, _("Ohjelman omat indikaattorit asettaa ohjelman koordinaatio.")
