"""REST endpoints of payments: claims (list, detail, create, submit, check, pay) and the city's
co-financing payments, each through the same services and permission functions as the pages."""

from decimal import Decimal

from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from hankesalkku.core.rest import require
from hankesalkku.decisions.models import Commitment
from hankesalkku.decisions.permissions import commitment_spending_filter
from hankesalkku.projects.models import Application

from . import services
from .models import (
    Advance,
    ClaimAttachment,
    ClaimLine,
    ClaimMilestone,
    CommitmentPayment,
    CommitmentYearPlan,
    LumpSumMilestone,
    PaymentClaim,
)
from .permissions import can_pay_claim, can_view_claim


class ClaimLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClaimLine
        fields = [
            "category",
            "claimed",
            "hours",
            "unit_rate",
            "working",
            "accepted",
            "accepted_hours",
            "reduction_reason",
        ]


class ClaimMilestoneSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="milestone.name", read_only=True)
    amount = serializers.DecimalField(
        source="milestone.amount", max_digits=14, decimal_places=2, read_only=True
    )

    class Meta:
        model = ClaimMilestone
        fields = ["milestone", "name", "amount", "reached_on", "accepted", "reason"]


class ClaimAttachmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClaimAttachment
        fields = ["id", "name", "description", "kind", "size", "sha256", "uploaded_at"]


class PaymentClaimSerializer(serializers.ModelSerializer):
    lines = ClaimLineSerializer(many=True, read_only=True)
    milestones = ClaimMilestoneSerializer(many=True, read_only=True)
    attachments = ClaimAttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = PaymentClaim
        fields = [
            "id",
            "application",
            "period_starts",
            "period_ends",
            "status",
            "support_rate",
            "claimed_total",
            "accepted_total",
            "accepted_support",
            "advance_offset",
            "paid_amount",
            "paid_on",
            "decision_note",
            "version",
            "lines",
            "milestones",
            "attachments",
            "is_illustrative",
        ]
        read_only_fields = fields


class LineInput(serializers.Serializer):
    category = serializers.CharField()
    amount = serializers.DecimalField(max_digits=14, decimal_places=2)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class MilestoneInput(serializers.Serializer):
    milestone = serializers.PrimaryKeyRelatedField(queryset=LumpSumMilestone.objects.all())
    reached_on = serializers.DateField()


class ClaimInput(serializers.Serializer):
    application = serializers.PrimaryKeyRelatedField(queryset=Application.objects.all())
    period_starts = serializers.DateField()
    period_ends = serializers.DateField()
    lines = LineInput(many=True, required=False, default=list)
    staff_hours = serializers.DecimalField(
        max_digits=9, decimal_places=2, required=False, allow_null=True
    )
    milestones = MilestoneInput(many=True, required=False, default=list)


class UpdateInput(serializers.Serializer):
    version = serializers.IntegerField()
    period_starts = serializers.DateField(required=False)
    period_ends = serializers.DateField(required=False)
    lines = LineInput(many=True, required=False, default=list)
    staff_hours = serializers.DecimalField(
        max_digits=9, decimal_places=2, required=False, allow_null=True
    )
    milestones = MilestoneInput(many=True, required=False, default=list)


class HoursInput(serializers.Serializer):
    hours = serializers.DecimalField(max_digits=9, decimal_places=2)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class MilestoneCheckInput(serializers.Serializer):
    milestone = serializers.IntegerField()
    accepted = serializers.BooleanField()
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class CheckInput(serializers.Serializer):
    version = serializers.IntegerField()
    lines = LineInput(many=True, required=False, default=list)
    hours = HoursInput(required=False, allow_null=True, default=None)
    milestones = MilestoneCheckInput(many=True, required=False, default=list)
    reject_reason = serializers.CharField(required=False, allow_blank=True, default="")


class AttachmentInput(serializers.Serializer):
    file = serializers.FileField()
    description = serializers.CharField(required=False, allow_blank=True, default="")


def _claim_input(data) -> dict:
    return {
        "lines": [(line["category"], line["amount"]) for line in data["lines"]],
        "staff_hours": data.get("staff_hours"),
        "milestones": [(m["milestone"], m["reached_on"]) for m in data["milestones"]],
    }


class PayInput(serializers.Serializer):
    version = serializers.IntegerField()
    paid_on = serializers.DateField()


class VersionInput(serializers.Serializer):
    version = serializers.IntegerField()


def _valid(serializer_class, request):
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class PaymentClaimViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = PaymentClaimSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return (
            PaymentClaim.objects.visible_to(self.request.user)
            .with_related()
            .prefetch_related("lines")
        )

    def get_object(self):
        claim = super().get_object()
        require(can_view_claim(self.request.user, claim))
        return claim

    def _answer(self, claim, code=status.HTTP_200_OK):
        return Response(PaymentClaimSerializer(claim).data, status=code)

    def create(self, request):
        data = _valid(ClaimInput, request)
        claim = services.payment_claim_create(
            actor=request.user,
            application=data["application"],
            period_starts=data["period_starts"],
            period_ends=data["period_ends"],
            **_claim_input(data),
        )
        return self._answer(claim, status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def update_draft(self, request, pk=None):
        """A draft's period and all its lines again, as the form sends them."""
        claim = self.get_object()
        data = _valid(UpdateInput, request)
        period = {k: data[k] for k in ("period_starts", "period_ends") if k in data}
        claim = services.payment_claim_update(
            actor=request.user,
            claim=claim,
            expected_version=data["version"],
            **period,
            **_claim_input(data),
        )
        return self._answer(claim)

    @action(detail=True, methods=["post"])
    def attachments(self, request, pk=None):
        """A receipt or supporting document (multipart: `file`, `description`)."""
        claim = self.get_object()
        data = _valid(AttachmentInput, request)
        upload = data["file"]
        services.claim_attachment_add(
            actor=request.user,
            claim=claim,
            name=upload.name,
            content=upload.read(),
            description=data["description"],
        )
        return self._answer(PaymentClaim.objects.get(pk=claim.pk), status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        claim = self.get_object()  # a claim the user may not see is not found, whatever the body
        data = _valid(VersionInput, request)
        claim = services.payment_claim_submit(
            actor=request.user, claim=claim, expected_version=data["version"]
        )
        return self._answer(claim)

    @action(detail=True, methods=["post"])
    def check(self, request, pk=None):
        claim = self.get_object()
        data = _valid(CheckInput, request)
        claim = services.payment_claim_check(
            actor=request.user,
            claim=claim,
            expected_version=data["version"],
            accepted={line["category"]: (line["amount"], line["reason"]) for line in data["lines"]},
            accepted_hours=(data["hours"]["hours"], data["hours"]["reason"])
            if data.get("hours")
            else None,
            milestones={m["milestone"]: (m["accepted"], m["reason"]) for m in data["milestones"]},
            reject_reason=data["reject_reason"],
        )
        return self._answer(claim)

    @action(detail=True, methods=["post"])
    def pay(self, request, pk=None):
        claim = self.get_object()
        data = _valid(PayInput, request)
        claim = services.payment_claim_pay(
            actor=request.user,
            claim=claim,
            expected_version=data["version"],
            paid_on=data["paid_on"],
        )
        return self._answer(claim)


def _spending_seen(user):
    """The commitments whose payments and yearly plans the user reads: spending is shown by
    the one rule of `decisions.permissions`, in one query."""
    return Commitment.objects.visible_to(user).filter(commitment_spending_filter(user))


class CommitmentPaymentSerializer(serializers.ModelSerializer):
    class Meta:
        model = CommitmentPayment
        fields = ["id", "commitment", "paid_on", "year", "amount", "claim", "note"]
        extra_kwargs = {"year": {"required": False}}


class CommitmentPaymentViewSet(
    mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Payments are spending: listed only from commitments whose spending the user may see."""

    serializer_class = CommitmentPaymentSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return CommitmentPayment.objects.filter(commitment__in=_spending_seen(self.request.user))

    def create(self, request):
        serializer = CommitmentPaymentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        payment = services.commitment_payment_record(
            actor=request.user,
            commitment=data["commitment"],
            paid_on=data["paid_on"],
            amount=Decimal(data["amount"]),
            year=data.get("year"),
            claim=data.get("claim"),
            note=data.get("note", ""),
        )
        return Response(CommitmentPaymentSerializer(payment).data, status=status.HTTP_201_CREATED)


class AdvanceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Advance
        fields = ["id", "application", "amount", "paid_on", "offset"]
        read_only_fields = ["offset"]


class AdvanceViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Advances of the parts whose claims the user may see; paid by the funding authority."""

    serializer_class = AdvanceSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        claims = PaymentClaim.objects.visible_to(self.request.user)
        return Advance.objects.filter(application__in=claims.values("application"))

    def create(self, request):
        serializer = AdvanceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        require(can_pay_claim(request.user, data["application"]))
        advance = services.advance_pay(
            actor=request.user,
            application=data["application"],
            amount=data["amount"],
            paid_on=data["paid_on"],
        )
        return Response(AdvanceSerializer(advance).data, status=status.HTTP_201_CREATED)


class YearPlanSerializer(serializers.ModelSerializer):
    version = serializers.IntegerField(required=False)

    class Meta:
        model = CommitmentYearPlan
        fields = ["id", "commitment", "year", "amount", "version"]
        validators = []  # a year already planned is changed, not refused


class CommitmentYearPlanViewSet(
    mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """A commitment's yearly plan: set a year (with the `version` read, when changing one)."""

    serializer_class = YearPlanSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return CommitmentYearPlan.objects.filter(commitment__in=_spending_seen(self.request.user))

    def create(self, request):
        serializer = YearPlanSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        plan = services.commitment_plan_set(
            actor=request.user,
            commitment=data["commitment"],
            year=data["year"],
            amount=data["amount"],
            expected_version=data.get("version"),
        )
        return Response(YearPlanSerializer(plan).data, status=status.HTTP_201_CREATED)


ROUTES = [
    ("payment-claims", PaymentClaimViewSet, "payment-claim"),
    ("commitment-payments", CommitmentPaymentViewSet, "commitment-payment"),
    ("advances", AdvanceViewSet, "advance"),
    ("commitment-year-plans", CommitmentYearPlanViewSet, "commitment-year-plan"),
]
