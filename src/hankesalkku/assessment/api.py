"""REST endpoints of assessment: screening, scores and funding decisions, through the services.

Each endpoint lists what the user may read and creates by calling the same service as the
pages; a refusal is the permission function's reason, a bad value a 400 naming the field.
"""

from django.shortcuts import get_object_or_404
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.response import Response

from hankesalkku.projects.models import Application

from . import services
from .api_more import ROUTES as MORE_ROUTES
from .models import Criterion, FundingDecision, Score, Screening, ScreeningOutcome
from .permissions import call_ids_overseen_by


def _application(user, pk):
    return get_object_or_404(Application.objects.visible_to(user), pk=pk)


class ScreeningSerializer(serializers.ModelSerializer):
    answers = serializers.DictField(child=serializers.BooleanField(), write_only=True)

    class Meta:
        model = Screening
        fields = ["id", "application", "outcome", "reason", "supplement_deadline", "answers"]
        extra_kwargs = {"application": {"queryset": Application.objects.all()}}


class ScreeningViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = ScreeningSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        overseen = call_ids_overseen_by(self.request.user)
        return Screening.objects.filter(application__entity__call_id__in=overseen)

    def create(self, request):
        data = ScreeningSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        screening = services.screening_record(
            actor=request.user,
            application=_application(request.user, values["application"].pk),
            outcome=values.get("outcome", ScreeningOutcome.ELIGIBLE),
            answers={int(k): (v, "") for k, v in values["answers"].items()},
            reason=values.get("reason", ""),
            supplement_deadline=values.get("supplement_deadline"),
        )
        return Response(ScreeningSerializer(screening).data, status=status.HTTP_201_CREATED)


class ScoreSerializer(serializers.ModelSerializer):
    submit = serializers.BooleanField(write_only=True, default=False)

    class Meta:
        model = Score
        fields = [
            "id",
            "application",
            "criterion",
            "value",
            "justification",
            "submitted_at",
            "submit",
        ]
        read_only_fields = ["submitted_at"]
        extra_kwargs = {
            "application": {"queryset": Application.objects.all()},
            "criterion": {"queryset": Criterion.objects.all()},
        }
        validators = []  # one score per assessor is the service's and the database's rule


class ScoreViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Own scores and, for the call's officers and ministries, the submitted ones."""

    serializer_class = ScoreSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return Score.objects.visible_to(self.request.user)

    def create(self, request):
        data = ScoreSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        application = _application(request.user, values["application"].pk)
        score = services.score_save(
            actor=request.user,
            application=application,
            criterion=values["criterion"],
            value=values["value"],
            justification=values["justification"],
        )
        if values.get("submit"):
            services.scores_submit(actor=request.user, application=application)
            score.refresh_from_db()
        return Response(ScoreSerializer(score).data, status=status.HTTP_201_CREATED)


class FundingDecisionSerializer(serializers.ModelSerializer):
    decision_maker = serializers.CharField(write_only=True)
    date = serializers.DateField(write_only=True)
    lines = serializers.ListField(
        child=serializers.ListField(min_length=3, max_length=3), write_only=True, required=False
    )
    support = serializers.DecimalField(14, 2, write_only=True, required=False)
    support_rate = serializers.DecimalField(5, 4, write_only=True, required=False)

    class Meta:
        model = FundingDecision
        fields = [
            "id",
            "application",
            "outcome",
            "reasoning",
            "language",
            "signed_at",
            "decision_maker",
            "date",
            "lines",
            "support",
            "support_rate",
        ]
        read_only_fields = ["signed_at"]
        extra_kwargs = {"application": {"queryset": Application.objects.all()}}
        validators = []


class FundingDecisionViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = FundingDecisionSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return FundingDecision.objects.filter(
            application__in=Application.objects.visible_to(self.request.user)
        )

    def create(self, request):
        from decimal import Decimal

        data = FundingDecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        application = _application(request.user, values.pop("application").pk)
        lines = [(c, y, Decimal(str(a))) for c, y, a in values.pop("lines", [])]
        funding = services.funding_decision_make(
            actor=request.user, application=application, lines=lines, **values
        )
        return Response(FundingDecisionSerializer(funding).data, status=status.HTTP_201_CREATED)


ROUTES = [
    *MORE_ROUTES,
    ("assessment/screenings", ScreeningViewSet, "assessment-screening"),
    ("assessment/scores", ScoreViewSet, "assessment-score"),
    ("assessment/funding-decisions", FundingDecisionViewSet, "assessment-funding-decision"),
]
