"""Who may see and do what with payment claims and co-financing payments.

The implementer's people prepare a claim, only its signatory submits it (the signature is the
organisation's word that the costs are real); the funding authority's officers check and pay
it. Co-financing payments are the paying city's finance officers' work, and the ledger shows
spent and open amounts exactly where decisions.permissions allows them.
"""

from django.utils.translation import gettext as _

from hankesalkku.accounts import roles
from hankesalkku.accounts.models import MEMBER_ROLES, Role
from hankesalkku.core.actors import is_system_actor
from hankesalkku.decisions.permissions import (
    authority_commitments_filter,
    can_view_commitment_spending,
)

from .models import ClaimStatus

PREPARERS = (Role.PREPARER, Role.SIGNATORY, Role.FINANCE_OFFICER)


def _admin(user) -> bool:
    return getattr(user, "is_staff", False) or roles.is_administrator(user)


def _system(user) -> bool:
    """The demo and management commands act as a system account, not as a person."""
    return is_system_actor(user)


def funding_authority_id(application):
    """The project's funding authority, else its call's, else whoever made the funding decision
    whose budget is in force (a project recorded without its authority still has one)."""
    entity = application.entity
    if entity.funding_authority_id:
        return entity.funding_authority_id
    if entity.call_id and entity.call.funding_authority_id:
        return entity.call.funding_authority_id
    from hankesalkku.decisions.models import ApprovedBudget

    budget = ApprovedBudget.objects.in_force().filter(application=application)
    return budget.values_list("decision__organisation_id", flat=True).first()


def _is_authority(user, application) -> bool:
    authority = funding_authority_id(application)
    return authority is not None and authority in roles.authority_organisation_ids(user)


def can_view_claim(user, claim) -> tuple[bool, str]:
    if _admin(user) or _is_authority(user, claim.application):
        return True, ""
    if claim.application.organisation_id in roles.organisation_ids_for(user, MEMBER_ROLES):
        return True, ""
    return False, _("Maksatushakemuksen näkevät toteuttajan käyttäjät ja rahoittava viranomainen.")


def can_prepare_claim(user, application) -> tuple[bool, str]:
    if (
        _admin(user)
        or _system(user)
        or application.organisation_id in roles.organisation_ids_for(user, PREPARERS)
    ):
        return True, ""
    return False, _("Maksatushakemusta valmistelevat toteuttajan valmistelijat ja talousvastaavat.")


def can_submit_claim(user, claim) -> tuple[bool, str]:
    if claim.status != ClaimStatus.DRAFT:
        return False, _("Vain luonnoksen voi jättää.")
    if _system(user):
        return True, ""
    if claim.application.organisation_id in roles.organisation_ids_for(user, [Role.SIGNATORY]):
        return True, ""
    return False, _("Maksatushakemuksen jättää toteuttajan allekirjoitusoikeudellinen henkilö.")


def can_check_claim(user, claim) -> tuple[bool, str]:
    if _system(user) or _is_authority(user, claim.application):
        return True, ""
    return False, _("Maksatushakemuksen tarkastaa rahoittavan viranomaisen käsittelijä.")


def can_pay_claim(user, application) -> tuple[bool, str]:
    """Paying the support (and advances) is the funding authority's act."""
    if _system(user) or _is_authority(user, application):
        return True, ""
    return False, _("Tuen maksaa rahoittavan viranomaisen käsittelijä.")


def can_record_commitment_payment(user, commitment) -> tuple[bool, str]:
    if _admin(user) or _system(user):
        return True, ""
    if commitment.payer_id in roles.organisation_ids_for(user, [Role.FINANCE_OFFICER]):
        return True, ""
    return False, _("Kuntarahoituksen maksun kirjaa maksavan organisaation talousvastaava.")


def can_view_ledger(user, organisation) -> tuple[bool, str]:
    """The ledger is the finance office's page: it is all about spent and open amounts. A
    funding authority's officer sees it too, narrowed to the commitments that co-finance the
    projects it funds, where the organisation has any."""
    allowed, reason = can_view_commitment_spending(user, organisation)
    if allowed:
        return allowed, reason
    from django.db.models import Q

    from hankesalkku.decisions.models import Commitment

    paid_by = Q(payer=organisation) | Q(payer__parent=organisation)
    if roles.authority_organisation_ids(user) and (
        Commitment.objects.filter(paid_by).filter(authority_commitments_filter(user)).exists()
    ):
        return True, ""
    return False, reason


def can_view_commitment(user, commitment) -> tuple[bool, str]:
    """A commitment's page: its payer's finance office, administrators, and the officers of
    the funding authority whose call's project it co-finances."""
    return can_view_commitment_spending(user, commitment.payer, commitment=commitment)


def can_view_claim_list(user) -> tuple[bool, str]:
    if getattr(user, "is_authenticated", False):
        return True, ""
    return False, _("Kirjaudu sisään nähdäksesi maksatushakemukset.")


def can_view_programme_money(user) -> tuple[bool, str]:
    """Claimed and paid support per call: those who run, steer or coordinate the calls."""
    if _admin(user) or programme_money_call_ids(user):
        return True, ""
    return False, _(
        "Ohjelman maksatustilanteen näkevät rahoittava viranomainen, ministeriö, teeman "
        "koordinaattori ja ylläpitäjät."
    )


def programme_money_call_ids(user) -> set[int] | None:
    """The calls whose money the user follows; None for every call (administrators)."""
    from django.db.models import Q

    from hankesalkku.programmes.models import Call

    if _admin(user):
        return None
    if not getattr(user, "is_authenticated", False):
        return set()
    authorities = roles.authority_organisation_ids(user)
    ministries = roles.ministry_ids_for(user)
    themes = roles.theme_ids_coordinated_by(user)
    if not (authorities or ministries or themes):
        return set()
    condition = (
        Q(funding_authority_id__in=authorities)
        | Q(ministries__in=ministries)
        | Q(theme_id__in=themes)
    )
    return set(Call.objects.filter(condition).values_list("pk", flat=True))
