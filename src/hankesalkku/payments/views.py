"""Pages of payments: the city's ledger and its export, a claim, and two partials that other
pages load with htmx (the start page's claims, the project page's money)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from hankesalkku.accounts import roles
from hankesalkku.accounts.models import MEMBER_ROLES, Role
from hankesalkku.organisations.models import Organisation
from hankesalkku.projects.models import Application, ProjectEntity

from .exports import ledger_xlsx
from .ledger import ledger_for
from .models import ClaimStatus, PaymentClaim
from .money import part_money
from .permissions import can_view_claim, can_view_ledger

FILTERS = ("budget_item", "programme", "entity", "year")


def _ledger(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    allowed, reason = can_view_ledger(request.user, organisation)
    if not allowed:
        raise PermissionDenied(reason)
    filters = {
        name: request.GET[name] for name in FILTERS if request.GET.get(name, "").strip().isdigit()
    }
    return organisation, filters, ledger_for(request.user, organisation, filters=filters)


@require_GET
def ledger(request, slug):
    organisation, filters, data = _ledger(request, slug)
    everything = ledger_for(request.user, organisation).rows
    choices = {
        "budget_items": sorted(
            {r.commitment.budget_item for r in everything if r.commitment.budget_item}, key=str
        ),
        "programmes": sorted({r.programme for r in everything if r.programme}, key=str),
        "entities": sorted({r.commitment.entity for r in everything}, key=str),
        "years": sorted(
            {y.year for r in everything for y in r.years}
            | {
                c
                for r in everything
                for c in (r.commitment.starts_year, r.commitment.ends_year)
                if c
            }
        ),
    }
    template = (
        "payments/partials/ledger_table.html"
        if request.headers.get("HX-Request")
        else "payments/ledger.html"
    )
    return render(
        request,
        template,
        {"organisation": organisation, "ledger": data, "filters": filters, **choices},
    )


@require_GET
def ledger_export(request, slug):
    organisation, _filters, data = _ledger(request, slug)
    response = HttpResponse(
        ledger_xlsx(data, base_url=request.build_absolute_uri("/").rstrip("/")),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="sitoumukset-{organisation.slug}.xlsx"'
    return response


@login_required
@require_GET
def claim_detail(request, pk):
    claim = get_object_or_404(PaymentClaim.objects.visible_to(request.user).with_related(), pk=pk)
    allowed, reason = can_view_claim(request.user, claim)
    if not allowed:
        raise PermissionDenied(reason)
    return render(
        request,
        "payments/claim.html",
        {"claim": claim, "lines": claim.lines.all(), "money": part_money(claim.application)},
    )


@login_required
@require_GET
def my_claims(request):
    """The start page's list: claims waiting for checking for an authority's officers, the
    organisation's own open claims for its people."""
    claims = PaymentClaim.objects.visible_to(request.user).with_related()
    authorities = roles.authority_organisation_ids(request.user)
    waiting = (
        claims.filter(status=ClaimStatus.SUBMITTED).filter(
            application__entity__funding_authority_id__in=authorities
        )
        if authorities
        else claims.none()
    )
    own = claims.filter(
        application__organisation_id__in=roles.organisation_ids_for(request.user, MEMBER_ROLES)
    ).exclude(status=ClaimStatus.PAID)
    finance = roles.organisation_ids_for(request.user, [Role.FINANCE_OFFICER])
    ledgers = Organisation.objects.filter(pk__in=finance, parent__isnull=True)
    return render(
        request,
        "payments/partials/my_claims.html",
        {"waiting": waiting[:20], "own": own[:20], "ledgers": ledgers.distinct()},
    )


@require_GET
def project_money(request, slug):
    entity = get_object_or_404(ProjectEntity.objects.visible_to(request.user), slug=slug)
    parts = (
        Application.objects.visible_to(request.user)
        .filter(entity=entity)
        .select_related("organisation")
    )
    shown = [money for part in parts if (money := part_money(part)) is not None]
    claims_visible = {
        money.application.pk
        for money in shown
        if can_view_claim(request.user, PaymentClaim(application=money.application))[0]
    }
    return render(
        request,
        "payments/partials/project_money.html",
        {"entity": entity, "parts": shown, "claims_visible": claims_visible},
    )
