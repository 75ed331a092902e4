"""The applications in the REST API: every step a preparer and a signatory take in the pages.

Signed-in users only; reads are `Application.objects.visible_to`, writes call the same services
as the pages (start, invite a co-implementer, set the budget, attach, mark ready, submit), which
check the permission functions again; a refused value is a 400 naming its field.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from rest_framework import mixins, serializers, viewsets
from rest_framework import permissions as drf_permissions
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from hankesalkku.core.rest import require
from hankesalkku.organisations.models import BudgetItem, Organisation
from hankesalkku.programmes.models import Call
from hankesalkku.projects.models import Application

from . import permissions
from .attachment_views import CONTENT_TYPES
from .models import Attachment, BudgetLine, SubmittedVersion
from .services import (
    application_budget_set,
    application_mark_ready,
    application_part_add,
    application_start,
    application_submit,
    attachment_add,
)


class BudgetLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = BudgetLine
        fields = ["category", "year", "amount", "annual_pay", "hours", "working"]


class AttachmentSerializer(serializers.ModelSerializer):
    download = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "purpose", "filename", "kind", "size", "sha256", "uploaded_at", "download"]
        read_only_fields = fields

    def get_download(self, attachment) -> str:
        return reverse(
            "api:application-attachment-download", args=[attachment.application_id, attachment.pk]
        )


class SubmittedVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = SubmittedVersion
        fields = ["number", "submitted_at", "figures"]
        read_only_fields = fields


class ApplicationPartSerializer(serializers.ModelSerializer):
    entity = serializers.CharField(source="entity.name", read_only=True)
    entity_slug = serializers.CharField(source="entity.slug", read_only=True)
    entity_status = serializers.CharField(source="entity.status", read_only=True)
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    budget_lines = BudgetLineSerializer(many=True, read_only=True)
    attachments = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = [
            "id",
            "version",
            "entity",
            "entity_slug",
            "entity_status",
            "organisation",
            "role",
            "status",
            "starts",
            "ends",
            "total_cost",
            "total_cost_qualifier",
            "support",
            "support_qualifier",
            "own_financing",
            "own_financing_qualifier",
            "municipal_financing",
            "municipal_financing_qualifier",
            "municipal_financing_payer",
            "municipal_financing_budget_item",
            "other_public_financing",
            "private_financing",
            "budget_lines",
            "attachments",
        ]
        read_only_fields = fields

    def get_attachments(self, application) -> list[dict]:
        return AttachmentSerializer(application.attachments.current(), many=True).data


class StartSerializer(serializers.Serializer):
    call = serializers.SlugRelatedField(slug_field="slug", queryset=Call.objects.all())
    organisation = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all()
    )
    name = serializers.CharField(max_length=400)
    acronym = serializers.CharField(max_length=40, required=False, allow_blank=True)


class PartSerializer(serializers.Serializer):
    organisation = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all()
    )


class LineSerializer(serializers.Serializer):
    category = serializers.CharField()
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, required=False)
    annual_pay = serializers.DecimalField(max_digits=14, decimal_places=2, required=False)
    hours = serializers.DecimalField(max_digits=8, decimal_places=2, required=False)


class BudgetSerializer(serializers.Serializer):
    version = serializers.IntegerField(required=False)
    starts = serializers.DateField()
    ends = serializers.DateField()
    use_flat_rate = serializers.BooleanField(default=False)
    lines = LineSerializer(many=True)
    support = serializers.DecimalField(max_digits=14, decimal_places=2, required=False)
    municipal_financing = serializers.DecimalField(max_digits=14, decimal_places=2, required=False)
    municipal_financing_payer = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all(), required=False, allow_null=True
    )
    municipal_financing_budget_item = serializers.PrimaryKeyRelatedField(
        queryset=BudgetItem.objects.all(), required=False, allow_null=True
    )
    other_public_financing = serializers.DecimalField(
        max_digits=14, decimal_places=2, required=False
    )
    private_financing = serializers.DecimalField(max_digits=14, decimal_places=2, required=False)
    total_cost_qualifier = serializers.CharField(required=False)
    support_qualifier = serializers.CharField(required=False)
    own_financing_qualifier = serializers.CharField(required=False)
    municipal_financing_qualifier = serializers.CharField(required=False)


class SubmitSerializer(serializers.Serializer):
    version = serializers.IntegerField(required=False)


class AttachmentUploadSerializer(serializers.Serializer):
    purpose = serializers.CharField(max_length=200)
    file = serializers.FileField()


class ApplicationViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ApplicationPartSerializer
    permission_classes = [drf_permissions.IsAuthenticated]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        return (
            Application.objects.visible_to(self.request.user)
            .select_related("entity", "organisation")
            .prefetch_related("budget_lines")
            .order_by("pk")
        )

    def get_serializer_class(self):
        return StartSerializer if self.action == "create" else ApplicationPartSerializer

    def _answer(self, application, status=200):
        application = Application.objects.get(pk=application.pk)
        return Response(ApplicationPartSerializer(application).data, status=status)

    def create(self, request, *args, **kwargs):
        """Start an application from an open call: the entity and the organisation's part."""
        data = StartSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        application = application_start(actor=request.user, **data.validated_data)
        return self._answer(application, status=201)

    @action(detail=True, methods=["post"], serializer_class=PartSerializer)
    def parts(self, request, pk=None):
        """The lead invites a co-implementer; the answer is the new part."""
        application = self.get_object()
        require(permissions.can_add_part(request.user, application.entity))
        data = PartSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        part = application_part_add(
            actor=request.user,
            entity=application.entity,
            organisation=data.validated_data["organisation"],
        )
        return self._answer(part, status=201)

    @action(detail=True, methods=["post"], serializer_class=BudgetSerializer)
    def budget(self, request, pk=None):
        """Replace the budget lines and financing; the flat rate and unit costs are computed."""
        application = self.get_object()
        require(permissions.can_edit_application(request.user, application))
        data = BudgetSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values["lines"] = [dict(line) for line in values["lines"]]
        application = application_budget_set(
            actor=request.user,
            application=application,
            expected_version=values.pop("version", None),
            **values,
        )
        return self._answer(application)

    @action(detail=True, methods=["post"], serializer_class=AttachmentUploadSerializer)
    def attachments(self, request, pk=None):
        """Attach a file (multipart: purpose, file); checked by its content and size."""
        application = self.get_object()
        require(permissions.can_edit_application(request.user, application))
        data = AttachmentUploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        attachment = attachment_add(
            actor=request.user,
            application=application,
            purpose=data.validated_data["purpose"],
            filename=upload.name,
            content=upload.read(),
        )
        return Response(AttachmentSerializer(attachment).data, status=201)

    @action(
        detail=True,
        methods=["get"],
        url_path=r"attachments/(?P<attachment_pk>\d+)",
        url_name="attachment-download",
    )
    def attachment_download(self, request, pk=None, attachment_pk=None):
        """The file as uploaded (also those of earlier versions), for those who may see it."""
        application = self.get_object()
        require(permissions.can_view_attachments(request.user, application))
        attachment = get_object_or_404(Attachment, application=application, pk=attachment_pk)
        response = HttpResponse(
            bytes(attachment.content), content_type=CONTENT_TYPES.get(attachment.kind, "")
        )
        response["Content-Disposition"] = f'attachment; filename="liite-{attachment.pk}"'
        return response

    @action(detail=True, methods=["post"], serializer_class=SubmitSerializer, url_path="mark-ready")
    def mark_ready(self, request, pk=None):
        application = self.get_object()
        application = application_mark_ready(
            actor=request.user,
            application=application,
            expected_version=request.data.get("version"),
        )
        return self._answer(application)

    @action(detail=True, methods=["post"], serializer_class=SubmitSerializer)
    def submit(self, request, pk=None):
        application = self.get_object()
        require(permissions.can_submit_application(request.user, application))
        application = application_submit(
            actor=request.user,
            application=application,
            expected_version=request.data.get("version"),
        )
        return self._answer(application)

    @action(detail=True, methods=["get"], serializer_class=SubmittedVersionSerializer)
    def versions(self, request, pk=None):
        """Every submitted version with its frozen figures (the receipt's readers only)."""
        application = self.get_object()
        require(permissions.can_view_receipt(request.user, application))
        versions = application.submitted_versions.all()
        return Response(SubmittedVersionSerializer(versions, many=True).data)


ROUTES = [("hakemukset", ApplicationViewSet, "application")]
