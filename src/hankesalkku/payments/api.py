"""REST endpoints of payments: claims (list, detail, create, submit, check, pay) and the city's
co-financing payments, each through the same services and permission functions as the pages."""

from decimal import Decimal

from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from hankesalkku.core.rest import require
from hankesalkku.decisions.models import Commitment
from hankesalkku.projects.models import Application

from . import services
from .models import ClaimLine, CommitmentPayment, PaymentClaim
from .permissions import can_record_commitment_payment, can_view_claim


class ClaimLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClaimLine
        fields = ["category", "claimed", "accepted", "reduction_reason"]


class PaymentClaimSerializer(serializers.ModelSerializer):
    lines = ClaimLineSerializer(many=True, read_only=True)

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
            "is_illustrative",
        ]
        read_only_fields = fields


class LineInput(serializers.Serializer):
    category = serializers.CharField()
    amount = serializers.DecimalField(max_digits=14, decimal_places=2)
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class ClaimInput(serializers.Serializer):
    application = serializers.PrimaryKeyRelatedField(queryset=Application.objects.all())
    period_starts = serializers.DateField()
    period_ends = serializers.DateField()
    lines = LineInput(many=True)


class CheckInput(serializers.Serializer):
    version = serializers.IntegerField()
    lines = LineInput(many=True, required=False, default=list)
    reject_reason = serializers.CharField(required=False, allow_blank=True, default="")


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
            lines=[(line["category"], line["amount"]) for line in data["lines"]],
        )
        return self._answer(claim, status.HTTP_201_CREATED)

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
        commitments = [
            c.pk
            for c in Commitment.objects.visible_to(self.request.user).select_related("payer")
            if can_record_commitment_payment(self.request.user, c)[0]
        ]
        return CommitmentPayment.objects.filter(commitment_id__in=commitments)

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


ROUTES = [
    ("payment-claims", PaymentClaimViewSet, "payment-claim"),
    ("commitment-payments", CommitmentPaymentViewSet, "commitment-payment"),
]
