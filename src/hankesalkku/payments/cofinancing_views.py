"""A commitment's page for the paying city's finance office: what was decided, paid and is still
open, the yearly plan beside the actual payments, and the forms to record a payment or change
the plan. It shows spending, so it is the finance office's (like the ledger)."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hankesalkku.accounts.decorators import require_recent_authentication
from hankesalkku.decisions.models import Commitment

from . import permissions, services
from .claim_views import error_messages
from .forms import CommitmentPaymentForm, YearPlanForm
from .models import ClaimStatus, CommitmentYearPlan, PaymentClaim

ZERO = Decimal("0.00")


def _commitment(request, pk) -> Commitment:
    commitment = get_object_or_404(
        Commitment.objects.visible_to(request.user).with_related(), pk=pk
    )
    allowed, reason = permissions.can_view_commitment(request.user, commitment)
    if not allowed:
        raise PermissionDenied(reason)
    return commitment


def _claims(commitment):
    """The claims a municipal share may be paid on: the project's checked claims."""
    return PaymentClaim.objects.filter(
        application__entity=commitment.entity,
        status__in=(ClaimStatus.ACCEPTED, ClaimStatus.PARTLY_ACCEPTED, ClaimStatus.PAID),
    ).select_related("application__organisation")


def _years(commitment) -> list[dict]:
    planned = {plan.year: plan for plan in commitment.year_plans.all()}
    paid: dict[int, Decimal] = {}
    for payment in commitment.payments.all():
        paid[payment.year] = paid.get(payment.year, ZERO) + payment.amount
    years = set(planned) | set(paid)
    if commitment.starts_year and commitment.ends_year:
        years |= set(range(commitment.starts_year, commitment.ends_year + 1))
    return [
        {
            "year": year,
            "plan": planned.get(year),
            "planned": planned[year].amount if year in planned else ZERO,
            "paid": paid.get(year, ZERO),
        }
        for year in sorted(years)
    ]


def _context(request, commitment, **forms) -> dict:
    can_record = permissions.can_record_commitment_payment(request.user, commitment)[0]
    context = {
        "commitment": commitment,
        "payments": commitment.payments.select_related("claim"),
        "years": _years(commitment),
        "can_record": can_record,
        "errors": forms.pop("errors", []),
    }
    if can_record:
        forms.setdefault("payment_form", CommitmentPaymentForm(claims=_claims(commitment)))
        forms.setdefault("plan_form", YearPlanForm())
    context.update(forms)
    return context


def _recording(request, pk) -> Commitment:
    """A commitment whose payments or plan the user records: seeing it is not enough."""
    commitment = _commitment(request, pk)
    allowed, reason = permissions.can_record_commitment_payment(request.user, commitment)
    if not allowed:
        raise PermissionDenied(reason)
    return commitment


@login_required
@require_GET
def commitment_detail(request, pk):
    commitment = _commitment(request, pk)
    return render(request, "payments/commitment.html", _context(request, commitment))


def _again(request, commitment, **forms):
    commitment.refresh_from_db()
    return render(
        request, "payments/commitment.html", _context(request, commitment, **forms), status=400
    )


@login_required
@require_recent_authentication
@require_POST
def commitment_payment(request, pk):
    commitment = _recording(request, pk)
    form = CommitmentPaymentForm(request.POST, claims=_claims(commitment))
    if not form.is_valid():
        return _again(request, commitment, payment_form=form)
    try:
        services.commitment_payment_record(
            actor=request.user, commitment=commitment, **form.cleaned_data
        )
    except PermissionDenied as refusal:
        raise refusal
    except ValidationError as error:
        return _again(request, commitment, payment_form=form, errors=error_messages(error))
    messages.success(request, _("Kuntarahoituksen maksu kirjattu."))
    return redirect("payments:commitment", commitment.pk)


@login_required
@require_POST
def commitment_plan(request, pk):
    commitment = _recording(request, pk)
    form = YearPlanForm(request.POST)
    if not form.is_valid():
        return _again(request, commitment, plan_form=form)
    data = form.cleaned_data
    existing = CommitmentYearPlan.objects.filter(commitment=commitment, year=data["year"]).first()
    if existing is not None and data.get("version") is None:
        data["version"] = existing.version  # a new row typed for a year already planned
    try:
        services.commitment_plan_set(
            actor=request.user,
            commitment=commitment,
            year=data["year"],
            amount=data["amount"],
            expected_version=data.get("version"),
        )
    except PermissionDenied as refusal:
        raise refusal
    except ValidationError as error:
        return _again(request, commitment, plan_form=form, errors=error_messages(error))
    messages.success(request, _("Vuosisuunnitelma tallennettu."))
    return redirect("payments:commitment", commitment.pk)
