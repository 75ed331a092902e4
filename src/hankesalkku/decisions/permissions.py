"""Who may see what of decisions and commitments.

Decisions are public documents; the commitments in them are public too, but how much of a
commitment has been spent, and so how much is still open, is the finance office's working
information: it is shown to the organisation's finance officers and to administrators, and, for
the commitments that co-finance a project it funds, to the funding authority's
officers (they check that the municipal share promised in the application is being paid).
"""

from django.utils.translation import gettext as _

from hankesalkku.accounts import roles
from hankesalkku.accounts.models import Role


def can_view_decision(user, decision) -> tuple[bool, str]:
    return True, ""


def can_view_commitment_spending(user, organisation=None, *, commitment=None) -> tuple[bool, str]:
    """Spent and open amounts of an organisation's commitments (with its units').

    Without an organisation: whether the user sees spending anywhere (the overview's columns).
    With a commitment: also the officers of the funding authority of the project it
    co-finances.
    """
    if getattr(user, "is_staff", False) or roles.is_administrator(user):
        return True, ""
    finance = roles.organisation_ids_for(user, [Role.FINANCE_OFFICER])
    if finance and (organisation is None or organisation.pk in finance):
        return True, ""
    if commitment is not None and commitment_authority_ids(commitment) & (
        roles.authority_organisation_ids(user)
    ):
        return True, ""
    return False, _(
        "Käytetyt ja avoimet summat näkyvät vain organisaation talousvastaaville ja "
        "ylläpitäjille; päätetyt summat ovat julkisia."
    )


def commitment_authority_ids(commitment) -> set[int]:
    """The funding authorities of the project a commitment co-finances: the project's own,
    and its call's."""
    entity = commitment.entity if commitment.entity_id else None
    if entity is None:
        return set()
    found = {entity.funding_authority_id}
    if entity.call_id:
        found.add(entity.call.funding_authority_id)
    return found - {None}


def authority_commitments_filter(user):
    """The commitments whose spending `user` sees as a funding authority's officer (a Q)."""
    from django.db.models import Q

    ids = roles.authority_organisation_ids(user)
    return Q(entity__funding_authority_id__in=ids) | Q(entity__call__funding_authority_id__in=ids)


def commitment_spending_filter(user):
    """`can_view_commitment_spending` as a filter over commitments (a Q), for the lists that
    show spending: one query instead of one check per commitment. The two are kept equal by
    `tests/decisions/test_spending_rule.py`."""
    from django.db.models import Q

    if getattr(user, "is_staff", False) or roles.is_administrator(user):
        return Q()
    finance = roles.organisation_ids_for(user, [Role.FINANCE_OFFICER])
    return Q(payer_id__in=finance) | authority_commitments_filter(user)


def can_view_decision_history(user, decision) -> tuple[bool, str]:
    """Who changed a decision's record: its organisation's people and administrators."""
    if getattr(user, "is_staff", False) or roles.is_administrator(user):
        return True, ""
    if decision.organisation_id in roles.organisation_ids_for(user):
        return True, ""
    return False, _("Muutoshistorian näkevät päätöksen tehneen organisaation käyttäjät.")


def commitment_history_hidden(user, commitments):
    """For a trail: the spent amount of each commitment whose spending the user may not see."""
    from django.contrib.contenttypes.models import ContentType

    from .models import Commitment

    secret = {
        c.pk
        for c in commitments
        if not can_view_commitment_spending(user, c.payer, commitment=c)[0]
    }
    content_type = ContentType.objects.get_for_model(Commitment)

    def hidden(activity):
        if activity.content_type_id == content_type.pk and activity.object_id in secret:
            return ("spent",)
        return ()

    return hidden
