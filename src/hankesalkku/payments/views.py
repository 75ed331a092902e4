"""Pages of payments that read: the city's ledger and its export, and the partials other pages
load with htmx (the start page's panels, the project page's money, the overview's programme
money). The claim's forms are in claim_views, the commitment's in cofinancing_views."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hankesalkku.accounts import roles
from hankesalkku.accounts.models import MEMBER_ROLES, Role
from hankesalkku.organisations.models import Organisation
from hankesalkku.projects.models import Application, ProjectEntity

from .exports import ledger_xlsx
from .ledger import ledger_for
from .models import ClaimStatus, PaymentClaim
from .money import part_money
from .permissions import (
    PREPARERS,
    can_pay_claim,
    can_prepare_claim,
    can_submit_claim,
    can_view_claim,
    can_view_ledger,
    can_view_programme_money,
    programme_money_call_ids,
)
from .programme_money import programme_money

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


def _next_step(user, claim) -> str:
    """What this person does next with their own claim, in a few words."""
    if claim.status == ClaimStatus.DRAFT:
        if can_submit_claim(user, claim)[0]:
            return _("Tarkista ja jätä hakemus")
        return _("Täydennä; allekirjoitusoikeudellinen jättää")
    return {
        ClaimStatus.SUBMITTED: _("Odottaa rahoittavan viranomaisen tarkastusta"),
        ClaimStatus.ACCEPTED: _("Hyväksytty; tuki odottaa maksua"),
        ClaimStatus.PARTLY_ACCEPTED: _("Hyväksytty osittain; katso perustelut"),
        ClaimStatus.REJECTED: _("Hylätty; katso perustelu"),
        ClaimStatus.PAID: _("Maksettu"),
    }[claim.status]


@login_required
@require_GET
def my_claims(request):
    """The implementer's start panel: its claims with the next step of each, the funded parts
    a new claim can be started for, and the finance officer's ledgers."""
    user = request.user
    members = roles.organisation_ids_for(user, MEMBER_ROLES)
    own = (
        PaymentClaim.objects.visible_to(user)
        .with_related()
        .filter(application__organisation_id__in=members)
        .order_by("status", "-period_starts")[:20]
    )
    parts = (
        Application.objects.visible_to(user)
        .filter(
            organisation_id__in=roles.organisation_ids_for(user, PREPARERS),
            approved_budgets__in_force=True,
        )
        .select_related("entity", "organisation")
        .distinct()[:20]
    )
    finance = roles.organisation_ids_for(user, [Role.FINANCE_OFFICER])
    ledgers = Organisation.objects.filter(pk__in=finance, parent__isnull=True)
    return render(
        request,
        "payments/partials/my_claims.html",
        {
            "own": [(claim, _next_step(user, claim)) for claim in own],
            "parts": parts,
            "ledgers": ledgers.distinct(),
        },
    )


@login_required
@require_GET
def waiting_claims(request):
    """The officer's start panel: submitted claims of the authority's projects, oldest first."""
    authorities = roles.authority_organisation_ids(request.user)
    claims = (
        PaymentClaim.objects.visible_to(request.user)
        .with_related()
        .filter(
            status__in=(ClaimStatus.SUBMITTED, ClaimStatus.ACCEPTED, ClaimStatus.PARTLY_ACCEPTED)
        )
    )
    if not (getattr(request.user, "is_staff", False) or roles.is_administrator(request.user)):
        claims = claims.filter(
            Q(application__entity__funding_authority_id__in=authorities)
            | Q(
                application__entity__funding_authority__isnull=True,
                application__entity__call__funding_authority_id__in=authorities,
            )
            | Q(
                application__entity__funding_authority__isnull=True,
                budget__decision__organisation_id__in=authorities,
            )
        )
    claims = list(claims.order_by("submitted_at", "pk")[:40])
    return render(
        request,
        "payments/partials/waiting_claims.html",
        {
            "to_check": [c for c in claims if c.status == ClaimStatus.SUBMITTED],
            "to_pay": [c for c in claims if c.status != ClaimStatus.SUBMITTED],
        },
    )


@require_GET
def programme_money_view(request):
    """The overview's partial: nothing for those who may not see it (the overview stays as it
    is for the public), otherwise per theme and call approved, claimed, accepted, paid, left."""
    if not can_view_programme_money(request.user)[0]:
        return HttpResponse("")
    data = programme_money(programme_money_call_ids(request.user))
    return render(request, "payments/partials/programme_money.html", {"money": data})


@require_GET
def project_money(request, slug):
    entity = get_object_or_404(ProjectEntity.objects.visible_to(request.user), slug=slug)
    parts = (
        Application.objects.visible_to(request.user)
        .filter(entity=entity)
        .select_related("organisation")
    )
    user = request.user
    shown = []
    for part in parts:
        money = part_money(part)
        if money is None:
            continue
        visible = can_view_claim(user, PaymentClaim(application=part))[0]
        shown.append(
            {
                "money": money,
                "claims_visible": visible,
                "claims": list(part.payment_claims.order_by("period_starts")) if visible else [],
                "prepare": can_prepare_claim(user, part)[0],
                "advance": can_pay_claim(user, part)[0],
            }
        )
    return render(
        request, "payments/partials/project_money.html", {"entity": entity, "parts": shown}
    )
