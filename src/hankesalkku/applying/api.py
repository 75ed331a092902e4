"""The applications in the REST API: the user's visible parts, and submit through the service.

Signed-in users only; reads are `Application.objects.visible_to`, the submit action calls
`application_submit` (which checks the signatory again) — the same rules as the pages.
"""

from django.core.exceptions import PermissionDenied
from rest_framework import permissions as drf_permissions
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from hankesalkku.core.rest import require
from hankesalkku.projects.models import Application

from . import permissions
from .models import BudgetLine
from .services import application_submit


class BudgetLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = BudgetLine
        fields = ["category", "year", "amount", "annual_pay", "hours", "working"]


class ApplicationPartSerializer(serializers.ModelSerializer):
    entity = serializers.CharField(source="entity.name", read_only=True)
    entity_status = serializers.CharField(source="entity.status", read_only=True)
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    budget_lines = BudgetLineSerializer(many=True, read_only=True)

    class Meta:
        model = Application
        fields = [
            "id",
            "version",
            "entity",
            "entity_status",
            "organisation",
            "role",
            "status",
            "starts",
            "ends",
            "total_cost",
            "support",
            "own_financing",
            "municipal_financing",
            "other_public_financing",
            "private_financing",
            "budget_lines",
        ]
        read_only_fields = fields


class SubmitSerializer(serializers.Serializer):
    version = serializers.IntegerField(required=False)


class ApplicationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ApplicationPartSerializer
    permission_classes = [drf_permissions.IsAuthenticated]

    def get_queryset(self):
        return (
            Application.objects.visible_to(self.request.user)
            .select_related("entity", "organisation")
            .prefetch_related("budget_lines")
            .order_by("pk")
        )

    @action(detail=True, methods=["post"], serializer_class=SubmitSerializer)
    def submit(self, request, pk=None):
        application = self.get_object()
        require(permissions.can_submit_application(request.user, application))
        try:
            application = application_submit(
                actor=request.user,
                application=application,
                expected_version=request.data.get("version"),
            )
        except PermissionDenied as refusal:
            require((False, str(refusal)))
        return Response(ApplicationPartSerializer(application).data)


ROUTES = [("hakemukset", ApplicationViewSet, "application")]
