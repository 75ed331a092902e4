"""REST endpoints for the rest of assessment's actions: assessors, conflict declarations, the
reasoned selection and change requests with the authority's answer. Same services as the pages."""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from hankesalkku.accounts import roles
from hankesalkku.accounts.models import Role, RoleAssignment
from hankesalkku.organisations.models import Organisation
from hankesalkku.programmes.models import Call
from hankesalkku.projects.models import Application, ProjectEntity

from . import services
from .models import AmendmentRequest, ConflictDeclaration, Selection
from .permissions import call_ids_overseen_by


class AssessorSerializer(serializers.ModelSerializer):
    call = serializers.SlugRelatedField(slug_field="slug", queryset=Call.objects.all())
    user = serializers.PrimaryKeyRelatedField(queryset=get_user_model().objects.all())

    class Meta:
        model = RoleAssignment
        fields = ["id", "call", "user", "granted_at"]
        read_only_fields = ["granted_at"]
        validators = []


class AssessorViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The assessors of the calls the user oversees; POST names one (the call's officer)."""

    serializer_class = AssessorSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return RoleAssignment.objects.active().filter(
            role=Role.ASSESSOR, call_id__in=call_ids_overseen_by(self.request.user)
        )

    def create(self, request):
        data = AssessorSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        assignment = services.assessor_assign(actor=request.user, **data.validated_data)
        return Response(AssessorSerializer(assignment).data, status=status.HTTP_201_CREATED)


class ConflictSerializer(serializers.ModelSerializer):
    call = serializers.SlugRelatedField(slug_field="slug", queryset=Call.objects.all())

    class Meta:
        model = ConflictDeclaration
        fields = ["id", "call", "application", "has_conflict", "note", "declared_at"]
        read_only_fields = ["declared_at"]
        extra_kwargs = {"application": {"queryset": Application.objects.all()}}
        validators = []


class ConflictViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The assessor's own declarations; the call's officers see those of their calls."""

    serializer_class = ConflictSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        user = self.request.user
        from django.db.models import Q

        return ConflictDeclaration.objects.filter(
            Q(assessor=user) | Q(call_id__in=roles.call_ids_run_by(user))
        )

    def create(self, request):
        data = ConflictSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        declaration = services.conflict_declaration_create(
            actor=request.user, **data.validated_data
        )
        return Response(ConflictSerializer(declaration).data, status=status.HTTP_201_CREATED)


class SelectionSerializer(serializers.ModelSerializer):
    entity = serializers.SlugRelatedField(slug_field="slug", queryset=ProjectEntity.objects.all())

    class Meta:
        model = Selection
        fields = ["id", "entity", "selected", "proposed", "score", "reasoning", "chosen_at"]
        read_only_fields = ["proposed", "score", "chosen_at"]
        validators = []


class SelectionViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The reasoned choices of the calls the user oversees."""

    serializer_class = SelectionSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return Selection.objects.filter(entity__call_id__in=call_ids_overseen_by(self.request.user))

    def create(self, request):
        data = SelectionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        chosen = services.selection_choose(actor=request.user, **data.validated_data)
        return Response(SelectionSerializer(chosen).data, status=status.HTTP_201_CREATED)


class AmendmentRequestSerializer(serializers.ModelSerializer):
    partner = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organisation.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = AmendmentRequest
        fields = [
            "id",
            "application",
            "kind",
            "description",
            "lines",
            "new_ends",
            "partner",
            "status",
            "answer",
            "requested_at",
            "version",
        ]
        read_only_fields = ["status", "answer", "requested_at", "version"]
        extra_kwargs = {"application": {"queryset": Application.objects.all()}}
        validators = []


class AmendmentDecisionSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    answer = serializers.CharField()
    decision_maker = serializers.CharField(required=False, allow_blank=True, default="")
    date = serializers.DateField(required=False, allow_null=True, default=None)
    version = serializers.IntegerField(required=False, allow_null=True, default=None)


class AmendmentRequestViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Change requests the user may read: the implementer's and the call's people."""

    serializer_class = AmendmentRequestSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        from django.db.models import Q

        user = self.request.user
        return AmendmentRequest.objects.filter(
            Q(application__organisation_id__in=roles.organisation_ids_for(user))
            | Q(application__entity__call_id__in=call_ids_overseen_by(user))
        )

    def create(self, request):
        data = AmendmentRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        application = get_object_or_404(
            Application.objects.visible_to(request.user), pk=values.pop("application").pk
        )
        made = services.amendment_request_create(
            actor=request.user, application=application, **values
        )
        return Response(AmendmentRequestSerializer(made).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"], serializer_class=AmendmentDecisionSerializer)
    def decide(self, request, pk=None):
        change = self.get_object()
        data = AmendmentDecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        decided = services.amendment_request_decide(
            actor=request.user, request=change, expected_version=values.pop("version"), **values
        )
        return Response(AmendmentRequestSerializer(decided).data)


ROUTES = [
    ("assessment/assessors", AssessorViewSet, "assessment-assessor"),
    ("assessment/conflict-declarations", ConflictViewSet, "assessment-conflict-declaration"),
    ("assessment/selections", SelectionViewSet, "assessment-selection"),
    ("assessment/amendment-requests", AmendmentRequestViewSet, "assessment-amendment-request"),
]
