"""Assessors per call: the funding authority's officer names them from the authority and the
call's ministries (joint assessment). The role itself is accounts' record, granted through its
service so that who may grant it is decided in one place (`accounts.permissions`)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hankesalkku.accounts.models import Role, RoleAssignment
from hankesalkku.accounts.services import role_assignment_grant, role_assignment_revoke
from hankesalkku.core.services import service

from ..permissions import assessor_candidates, can_run_call
from .screening import refuse_unless


@service
def assessor_assign(*, actor, call, user) -> RoleAssignment:
    """Make `user` an assessor of `call`; refused for anyone outside its authority and ministries."""
    refuse_unless(can_run_call(actor, call))
    if not assessor_candidates(call).filter(pk=user.pk).exists():
        raise ValidationError(
            {"user": _("Arvioija: valitse haun rahoittavan viranomaisen tai ministeriön henkilö.")}
        )
    if RoleAssignment.objects.active().filter(user=user, role=Role.ASSESSOR, call=call).exists():
        raise ValidationError({"user": _("Arvioija: %s on jo haun arvioija.") % user})
    return role_assignment_grant(actor=actor, user=user, role=Role.ASSESSOR, call=call)


@service
def assessor_unassign(*, actor, assignment: RoleAssignment, reason: str) -> RoleAssignment:
    """Take an assessor off the call; their submitted scores stay as they were."""
    refuse_unless(can_run_call(actor, assignment.call))
    return role_assignment_revoke(actor=actor, assignment=assignment, reason=reason)
