"""REST endpoints of reporting: indicators and impact frameworks (read), reports (list, detail,
create, values, submit, accept, return) through the same services and permission functions as
the pages, and a call's aggregated results."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.response import Response

from hankesalkku.core.rest import require
from hankesalkku.programmes.models import Call, ImpactFramework
from hankesalkku.projects.models import Application

from . import permissions, services
from .aggregation import aggregate
from .models import Indicator, Report, ReportBreakdownValue, ReportPeriod, ReportValue


class IndicatorSerializer(serializers.ModelSerializer):
    scope = serializers.ChoiceField(
        choices=["reference", "programme", "call", "application"],
        read_only=True,
        help_text="Whose indicator: reference data (ESF+), a programme's, a call's or a part's.",
    )

    class Meta:
        model = Indicator
        fields = [
            "id",
            "code",
            "name",
            "definition",
            "category",
            "kind",
            "unit",
            "direction",
            "baseline",
            "target",
            "breakdowns",
            "scale_min",
            "scale_max",
            "scope",
            "programme",
            "call",
            "application",
            "level",
            "outcome",
        ]
        read_only_fields = fields


class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = IndicatorSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]

    def get_queryset(self):
        found = Indicator.objects.visible_to(self.request.user).filter(application__isnull=True)
        call = self.request.query_params.get("call")
        if call:
            found = found.for_call(Call.objects.filter(slug=call).first())
        programme = self.request.query_params.get("programme")
        if programme:  # a programme's own indicators, which each of its calls follows
            found = found.filter(programme__slug=programme)
        return found.order_by("code", "name", "pk")


class OutcomeRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class FrameworkLevelSerializer(serializers.Serializer):
    """A level of the framework with its outcomes and the ids of its indicators."""

    id = serializers.IntegerField()
    order = serializers.IntegerField()
    name = serializers.CharField()
    outcomes = OutcomeRefSerializer(many=True)
    indicators = serializers.ListField(child=serializers.IntegerField())


class FrameworkSerializer(serializers.ModelSerializer):
    levels = serializers.SerializerMethodField()

    class Meta:
        model = ImpactFramework
        fields = ["id", "name", "description", "levels"]

    @extend_schema_field(FrameworkLevelSerializer(many=True))
    def get_levels(self, framework) -> list:
        return [
            {
                "id": level.pk,
                "order": level.order,
                "name": level.name,
                "outcomes": [{"id": o.pk, "name": o.name} for o in level.outcomes.all()],
                "indicators": [i.pk for i in level.indicators.all()],
            }
            for level in framework.levels.all()
        ]


class FrameworkViewSet(viewsets.ReadOnlyModelViewSet):
    """Frameworks are public, like the calls that follow them."""

    serializer_class = FrameworkSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]
    queryset = ImpactFramework.objects.prefetch_related(
        "levels__outcomes", "levels__indicators"
    ).order_by("pk")


class BreakdownFigureSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportBreakdownValue
        fields = ["category", "number"]


class ValueSerializer(serializers.ModelSerializer):
    breakdowns = BreakdownFigureSerializer(many=True, read_only=True, source="breakdown_values")

    class Meta:
        model = ReportValue
        fields = ["indicator", "number", "text", "breakdowns"]


class ReportSerializer(serializers.ModelSerializer):
    values = ValueSerializer(many=True, read_only=True)

    class Meta:
        model = Report
        fields = [
            "id",
            "application",
            "period",
            "kind",
            "status",
            "narrative",
            "officer_note",
            "version",
            "values",
        ]
        read_only_fields = fields


class ReportInput(serializers.Serializer):
    application = serializers.PrimaryKeyRelatedField(queryset=Application.objects.all())
    period = serializers.PrimaryKeyRelatedField(queryset=ReportPeriod.objects.all())
    kind = serializers.ChoiceField(choices=["progress", "final"], default="progress")


class ValuesInput(serializers.Serializer):
    version = serializers.IntegerField()
    values = serializers.DictField(child=serializers.CharField(allow_blank=True))
    breakdowns = serializers.DictField(
        child=serializers.DictField(child=serializers.CharField(allow_blank=True)),
        required=False,
        help_text="{indicator id: {breakdown category id: whole number}}",
    )
    answers = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        help_text="A final report's answers: {question id: text}",
    )
    narrative = serializers.CharField(required=False, allow_blank=True)


class VersionInput(serializers.Serializer):
    version = serializers.IntegerField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


def _valid(serializer_class, request):
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ReportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ReportSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return (
            Report.objects.visible_to(self.request.user)
            .prefetch_related("values__breakdown_values")
            .order_by("pk")
        )

    def _answer(self, report, code=status.HTTP_200_OK):
        report.refresh_from_db()
        return Response(ReportSerializer(report).data, status=code)

    def create(self, request):
        data = _valid(ReportInput, request)
        require(permissions.can_report_for(request.user, data["application"]))
        report = services.report_create(
            actor=request.user,
            application=data["application"],
            period=data["period"],
            kind=data["kind"],
        )
        return self._answer(report, status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def values(self, request, pk=None):
        report = self.get_object()
        require(permissions.can_report_for(request.user, report.application))
        data = _valid(ValuesInput, request)
        services.report_update(
            actor=request.user,
            report=report,
            values=data["values"],
            breakdowns=data.get("breakdowns"),
            answers=data.get("answers"),
            narrative=data.get("narrative"),
            expected_version=data["version"],
        )
        return self._answer(report)

    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        report = self.get_object()
        require(permissions.can_submit_report(request.user, report))
        data = _valid(VersionInput, request)
        services.report_submit(actor=request.user, report=report, expected_version=data["version"])
        return self._answer(report)

    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        report = self.get_object()
        require(permissions.can_review_report(request.user, report))
        data = _valid(VersionInput, request)
        services.report_accept(actor=request.user, report=report, expected_version=data["version"])
        return self._answer(report)

    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_(self, request, pk=None):
        report = self.get_object()
        require(permissions.can_review_report(request.user, report))
        data = _valid(VersionInput, request)
        services.report_return(
            actor=request.user, report=report, note=data["note"], expected_version=data["version"]
        )
        return self._answer(report)


def _figure(value):
    return None if value is None else str(value)


class NarrativeSerializer(serializers.Serializer):
    organisation = serializers.CharField()
    period = serializers.CharField()
    text = serializers.CharField()


class IndicatorResultSerializer(serializers.Serializer):
    """One indicator's figures; numbers as decimal strings (null where nothing is reported)."""

    indicator = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.CharField()
    unit = serializers.CharField()
    target = serializers.CharField(allow_null=True)
    total = serializers.CharField(allow_null=True)
    progress = serializers.CharField(allow_null=True)
    distribution = serializers.DictField(child=serializers.IntegerField())
    mean = serializers.CharField(allow_null=True)
    narratives = NarrativeSerializer(many=True)
    by_district = serializers.DictField(child=serializers.CharField())
    breakdowns = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField()),
        help_text="{breakdown: {category: sum}} of participant indicators",
    )


class LevelResultSerializer(serializers.Serializer):
    name = serializers.CharField()
    indicators = IndicatorResultSerializer(many=True)


class AggregateSerializer(serializers.Serializer):
    """The answer's shape, for the schema: the figures are computed, never stored."""

    call = serializers.CharField()
    levels = LevelResultSerializer(many=True)


class AggregateViewSet(viewsets.GenericViewSet):
    """A call's accepted results per level and indicator: the impact page's figures."""

    serializer_class = AggregateSerializer
    permission_classes = [IsAuthenticatedOrReadOnly]
    queryset = Call.objects.all()
    lookup_field = "slug"

    def retrieve(self, request, slug=None):
        call = self.get_object()
        require(permissions.can_view_impact(request.user, call))
        return Response(
            {
                "call": call.slug,
                "levels": [
                    {
                        "name": level.name,
                        "indicators": [
                            {
                                "indicator": r.indicator.pk,
                                "name": r.indicator.name,
                                "kind": r.indicator.kind,
                                "unit": r.indicator.unit,
                                "target": _figure(r.target),
                                "total": _figure(r.total),
                                "progress": _figure(r.progress),
                                "distribution": {str(k): v for k, v in r.distribution.items()},
                                "mean": _figure(r.mean),
                                "narratives": [
                                    {"organisation": who, "period": period, "text": text}
                                    for who, period, text in r.narratives
                                ],
                                "by_district": {k: str(v) for k, v in r.by_district.items()},
                                "breakdowns": {
                                    name: dict(categories) for name, categories in r.breakdowns
                                },
                            }
                            for r in level.indicators
                        ],
                    }
                    for level in aggregate(call)
                ],
            }
        )


ROUTES = [
    ("indicators", IndicatorViewSet, "indicator"),
    ("impact-frameworks", FrameworkViewSet, "impact-framework"),
    ("reports", ReportViewSet, "report"),
    ("impact-aggregates", AggregateViewSet, "impact-aggregate"),
]
