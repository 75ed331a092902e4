"""Who may start, edit, invite to, submit and read applications: (allowed, reason) each.

The implementer's own people prepare its part; only its signatory submits it, since submitting
binds the organisation. The lead's people invite co-implementers. Reading follows the project
entity's rule (drafts only to their organisations), so the funding authority sees a part once
it is submitted.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from hankesalkku.accounts import roles
from hankesalkku.accounts.models import Role
from hankesalkku.projects.models import Application, ApplicationRole, ApplicationStatus

PREPARING_ROLES = (Role.PREPARER, Role.SIGNATORY)


def call_is_open(call, today=None) -> bool:
    today = today or timezone.localdate()
    return bool(
        call.opens and call.opens <= today and (call.closes is None or today <= call.closes)
    )


def _admin(user) -> bool:
    return getattr(user, "is_staff", False) or roles.is_administrator(user)


def preparing_organisation_ids(user) -> set[int]:
    return roles.organisation_ids_for(user, PREPARING_ROLES)


def can_start_application(user, call, organisation=None) -> tuple[bool, str]:
    """A preparer (or signatory) of the organisation, while the call is open."""
    if not getattr(user, "is_authenticated", False):
        return False, _("Kirjaudu sisään aloittaaksesi hakemuksen.")
    own = preparing_organisation_ids(user)
    if not own or (organisation is not None and organisation.pk not in own):
        return False, _("Hakemuksen voi aloittaa organisaation hakemuksen valmistelija.")
    if not call_is_open(call):
        return False, _("Haku ei ole auki: hakemusta ei voi aloittaa.")
    return True, ""


def can_view_application(user, application) -> tuple[bool, str]:
    if Application.objects.visible_to(user).filter(pk=application.pk).exists():
        return True, ""
    return False, _("Hakemusta ei löydy.")


def can_edit_application(user, application) -> tuple[bool, str]:
    """The implementer's preparers and signatories, while the part is a draft or asked for more."""
    ids = preparing_organisation_ids(user)
    if application.organisation_id not in ids and application.unit_id not in ids:
        return False, _("Osaa muokkaavat vain toteuttajan hakemuksen valmistelijat.")
    if application.status not in ApplicationStatus.editable():
        return False, _("Lähetettyä hakemusta ei voi muokata.")
    return True, ""


def lead_application(entity):
    return entity.applications.filter(
        role__in=[ApplicationRole.MAIN_IMPLEMENTER, ApplicationRole.IMPLEMENTER]
    ).first()


def can_add_part(user, entity) -> tuple[bool, str]:
    """The lead implementer's preparers and signatories invite co-implementers."""
    lead = lead_application(entity)
    if lead is None or lead.organisation_id not in preparing_organisation_ids(user):
        return False, _("Osatoteuttajia kutsuu päätoteuttajan valmistelija tai allekirjoittaja.")
    return True, ""


def can_submit_application(user, application) -> tuple[bool, str]:
    """Only the implementer's signatory submits: it binds the organisation."""
    signatories = roles.organisation_ids_for(user, [Role.SIGNATORY])
    if application.organisation_id not in signatories:
        return False, _("Hakemuksen lähettää toteuttajan allekirjoitusoikeuden haltija.")
    return True, ""


def can_view_receipt(user, application) -> tuple[bool, str]:
    """The implementer's people, the funding authority's officers and administrators."""
    if _admin(user) or application.organisation_id in roles.organisation_ids_for(user):
        return True, ""
    authority = application.entity.funding_authority_id
    if authority and authority in roles.authority_organisation_ids(user):
        return True, ""
    return False, _("Kuittia eivät näe muut kuin hakija ja rahoittava viranomainen.")


def can_view_attachments(user, application) -> tuple[bool, str]:
    """Attachments may hold personal data (CVs): the same readers as the receipt."""
    allowed, _reason = can_view_receipt(user, application)
    if allowed:
        return True, ""
    return False, _("Liitteitä eivät näe muut kuin hakija ja rahoittava viranomainen.")
