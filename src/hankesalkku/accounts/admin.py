"""Roles and invitations in the back office: read freely, change through the services.

Revoking keeps the row (with who, when and why), so the admin offers no delete; roles are
granted with the same service as on the members page, which checks the actor's right.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied

from .models import Invitation, RoleAssignment
from .services import role_assignment_grant


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "organisation", "call", "theme", "granted_at", "revoked_at"]
    list_filter = ["role", ("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__username", "user__email", "organisation__name"]
    autocomplete_fields = ["user"]
    raw_id_fields = ["organisation", "call", "theme"]
    readonly_fields = ["granted_by", "granted_at", "revoked_at", "revoked_by", "revoke_reason"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            raise PermissionDenied
        saved = role_assignment_grant(
            actor=request.user,
            user=obj.user,
            role=obj.role,
            organisation=obj.organisation,
            call=obj.call,
            theme=obj.theme,
        )
        obj.pk = saved.pk


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "invited_by", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "organisation__name"]
    readonly_fields = [f.name for f in Invitation._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False  # invitations carry a secret link: the members page sends them
