"""Roles and invitations in the back office: read freely, change through the services.

Revoking keeps the row (with who, when and why), so the admin offers no delete; roles are
granted with the same service as on the members page, which checks the actor's right.
"""

from django.contrib import admin

from hankesalkku.core.admin import ServiceAdmin

from .models import Invitation, RoleAssignment
from .services import role_assignment_grant


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(ServiceAdmin):
    create_service = role_assignment_grant  # no update or delete: a role is revoked, with why
    list_display = ["user", "role", "organisation", "call", "theme", "granted_at", "revoked_at"]
    list_filter = ["role", ("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__username", "user__email", "organisation__name"]
    autocomplete_fields = ["user"]
    raw_id_fields = ["organisation", "call", "theme"]
    readonly_fields = ["granted_by", "granted_at", "revoked_at", "revoked_by", "revoke_reason"]


@admin.register(Invitation)
class InvitationAdmin(ServiceAdmin):
    """Read only: invitations carry a secret link, so the members page sends them."""

    list_display = ["email", "organisation", "role", "invited_by", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "organisation__name"]
    readonly_fields = [f.name for f in Invitation._meta.fields]
