"""Who may screen, assess, see scores and decide in a call — the only place these rules live.

Each function returns (allowed, reason). The call's funding authority's officers run the call;
assessors are assigned per call and must declare no conflict of interest before they see an
application; a ministry viewer follows the calls of its own granting authority; an applicant
sees its own decisions but never anybody's scores.
"""

from django.utils.translation import gettext as _

from hankesalkku.accounts import roles
from hankesalkku.core.actors import is_system_actor


def _admin(user) -> bool:
    """Administrators, and the demo's and commands' system account (as in accounts)."""
    return bool(
        getattr(user, "is_staff", False) or roles.is_administrator(user) or is_system_actor(user)
    )


def call_ids_overseen_by(user) -> set[int]:
    """Calls whose assessments the user may read in full: run by them or their ministry."""
    from hankesalkku.programmes.models import Call

    if not getattr(user, "is_authenticated", False):
        return set()
    if _admin(user):
        return set(Call.objects.values_list("pk", flat=True))
    ids = roles.call_ids_run_by(user)
    ministries = roles.ministry_ids_for(user)
    if ministries:
        ids |= set(Call.objects.filter(ministries__in=ministries).values_list("pk", flat=True))
    return ids


def can_run_call(user, call) -> tuple[bool, str]:
    """Screen, decide and amend: the call's funding authority's officers (and administrators)."""
    if _admin(user) or (
        call.funding_authority_id is not None
        and call.funding_authority_id in roles.authority_organisation_ids(user)
    ):
        return True, ""
    return False, _("Vain haun rahoittavan viranomaisen käsittelijä voi tehdä tämän.")


def can_view_call_assessment(user, call) -> tuple[bool, str]:
    """The ranking and summaries: the call's officers, its ministries' viewers, its assessors."""
    if call.pk in call_ids_overseen_by(user) or call.pk in roles.call_ids_assessed_by(user):
        return True, ""
    return False, _("Haun arviointi näkyy vain haun käsittelijöille, arvioijille ja ministeriölle.")


def conflict_declared(user, application) -> tuple[bool, str]:
    from .models import ConflictDeclaration

    call_id = application.entity.call_id
    declarations = ConflictDeclaration.objects.filter(assessor=user, call_id=call_id)
    if declarations.filter(application=application, has_conflict=True).exists():
        return False, _("Olet ilmoittanut olevasi esteellinen arvioimaan tämän hakemuksen.")
    if declarations.filter(application__isnull=True, has_conflict=True).exists():
        return False, _("Olet ilmoittanut olevasi esteellinen arvioimaan tämän haun hakemuksia.")
    if not declarations.filter(has_conflict=False).exists():
        return False, _("Ilmoita ensin esteellisyydestäsi: vasta sen jälkeen näet hakemuksen.")
    return True, ""


def can_assess(user, application) -> tuple[bool, str]:
    """Score an application: an assessor of its call who has declared no conflict of interest."""
    if application.entity.call_id not in roles.call_ids_assessed_by(user):
        return False, _("Et ole tämän haun arvioija.")
    return conflict_declared(user, application)


def can_view_decision_document(user, application) -> tuple[bool, str]:
    """The decision PDF: the applicant's people, the call's officers and ministries."""
    if application.organisation_id in roles.organisation_ids_for(user):
        return True, ""
    if application.entity.call_id in call_ids_overseen_by(user):
        return True, ""
    return False, _("Päätösasiakirja näkyy hakijalle ja haun käsittelijöille.")


def assessor_candidates(call):
    """People who may assess a call: those of its funding authority and of its ministries
    (joint assessment, seed 003: "Hämeen ELYn ja STM:n yhteistyönä")."""
    from django.contrib.auth import get_user_model

    from hankesalkku.accounts.models import RoleAssignment

    organisations = [call.funding_authority_id, *call.ministries.values_list("pk", flat=True)]
    users = RoleAssignment.objects.active().filter(organisation_id__in=organisations)
    return get_user_model().objects.filter(pk__in=users.values("user_id")).order_by("username")


def can_see_summary(user, application) -> tuple[bool, str]:
    """Every assessor's scores side by side: the call's officers and ministries; an assessor
    only after submitting their own, so that nobody scores by looking at the others."""
    from .models import Score

    if application.entity.call_id in call_ids_overseen_by(user):
        return True, ""
    if (
        application.entity.call_id in roles.call_ids_assessed_by(user)
        and Score.objects.filter(
            assessor=user, application=application, submitted_at__isnull=False
        ).exists()
    ):
        return True, ""
    return False, _("Yhteenveto näkyy arvioijalle vasta, kun hän on lähettänyt oman arvionsa.")


def can_request_amendment(user, application) -> tuple[bool, str]:
    """A change request: the implementer's preparer or signatory, for a funded part."""
    from hankesalkku.accounts.models import Role
    from hankesalkku.projects.models import ApplicationStatus

    people = roles.organisation_ids_for(user, [Role.PREPARER, Role.SIGNATORY])
    if application.organisation_id not in people and not _admin(user):
        return False, _("Muutosta hakee toteuttajan valmistelija tai allekirjoittaja.")
    if application.status != ApplicationStatus.FUNDED:
        return False, _("Muutosta voi hakea vain hankkeelle, jolla on myönteinen päätös.")
    return True, ""


def can_view_amendments(user, application) -> tuple[bool, str]:
    """Change requests and the budget history: the implementer's people and the call's."""
    return can_view_decision_document(user, application)


def can_open_application(user, application) -> tuple[bool, str]:
    """The assessment page of one application: the call's people and the applicant's; what each
    section shows is decided by the functions above."""
    call_id = application.entity.call_id
    if call_id in call_ids_overseen_by(user) or call_id in roles.call_ids_assessed_by(user):
        return True, ""
    if application.organisation_id in roles.organisation_ids_for(user):
        return True, ""
    return False, _(
        "Hakemuksen käsittely näkyy vain haun käsittelijöille, arvioijille ja hakijalle."
    )
