"""Funding decisions per implementer and amendment decisions.

A funding decision is signed when made and never changed: it creates the formal Decision, the
first approved budget revision, and moves the application and its entity through their status
tables. An amendment approves the next budget revision with a decision of its own, so the
history of approved budgets is the list of revisions.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.services import save_validated, service
from hankesalkku.decisions.models import Appeal, DecisionMakerKind
from hankesalkku.decisions.services import approved_budget_approve, decision_create
from hankesalkku.projects.models import ApplicationStatus, ProjectStatus
from hankesalkku.projects.services import (
    application_transition,
    project_entity_reject,
    project_entity_select,
    project_entity_start_assessment,
)

from ..models import Amendment, FundingDecision, FundingOutcome, Selection
from ..permissions import can_run_call
from ..summary import is_assessed, remaining_budget
from .screening import refuse_unless

_CLOSED = (ApplicationStatus.DECLINED, ApplicationStatus.INELIGIBLE, ApplicationStatus.WITHDRAWN)


def _check_budget(call, lines, support: Decimal, support_rate: Decimal, *, previous=Decimal(0)):
    """The approved budget must add up and fit the call: refused with the field named."""
    if not lines:
        raise ValidationError({"lines": _("Talousarvio: anna vähintään yksi kustannusrivi.")})
    if any(amount is None or amount < 0 for _cat, _year, amount in lines):
        raise ValidationError({"lines": _("Talousarvio: summat eivät voi olla negatiivisia.")})
    total = sum((amount for _cat, _year, amount in lines), Decimal("0"))
    if support_rate is None or not Decimal("0") < support_rate <= Decimal("1"):
        raise ValidationError({"support_rate": _("Tukiprosentti: anna osuus väliltä 0–1.")})
    if call.max_support_rate is not None and support_rate > call.max_support_rate:
        raise ValidationError(
            {"support_rate": _("Tukiprosentti: haun enimmäisosuus on %s.") % call.max_support_rate}
        )
    if support is None or support < 0 or support > (total * support_rate).quantize(Decimal("0.01")):
        raise ValidationError(
            {"support": _("Tuki: tuki ei täsmää, se on enintään kustannukset × tukiprosentti.")}
        )
    remaining = remaining_budget(call)
    if remaining is not None and support - previous > remaining:
        raise ValidationError(
            {"support": _("Tuki: ylittää haun jäljellä olevan määrärahan (%s €).") % remaining}
        )


def _move_entity(actor, entity) -> None:
    """Funded part → entity selected; when every part is closed negatively → rejected."""
    entity.refresh_from_db()
    if entity.status == ProjectStatus.SUBMITTED:
        entity = project_entity_start_assessment(actor=actor, entity=entity)
    statuses = set(entity.applications.values_list("status", flat=True))
    if ApplicationStatus.FUNDED in statuses and entity.status == ProjectStatus.ASSESSMENT:
        project_entity_select(actor=actor, entity=entity)
    elif statuses <= set(_CLOSED) and entity.status == ProjectStatus.ASSESSMENT:
        project_entity_reject(actor=actor, entity=entity)


@service
def funding_decision_make(
    *,
    actor,
    application,
    outcome: str,
    reasoning: str,
    decision_maker: str,
    date,
    lines=None,
    support=None,
    support_rate=None,
    language: str = "fi",
    diary_number: str = "",
    expected_version: int | None = None,
    **budget_fields,
) -> FundingDecision:
    """Decide one implementer's application (myönteinen / kielteinen päätös), signed at once.

    A positive decision needs the entity's reasoned selection for funding first."""
    call = application.entity.call
    refuse_unless(can_run_call(actor, call))
    if FundingDecision.objects.filter(application=application).exists():
        raise ValidationError(
            _("Päätös on jo allekirjoitettu eikä sitä voi muuttaa: tee muutospäätös.")
        )
    application.refresh_from_db(fields=["status", "version"])
    if application.status != ApplicationStatus.ELIGIBLE or not is_assessed(application):
        raise ValidationError(
            {"application": _("Hakemus: vain tarkastettu ja arvioitu hakemus voidaan päättää.")}
        )
    if outcome not in FundingOutcome.values:
        raise ValidationError({"outcome": _("Päätös: valitse myönteinen tai kielteinen.")})
    if not reasoning.strip():
        raise ValidationError({"reasoning": _("Perustelut: päätös on perusteltava.")})
    if not (decision_maker or "").strip() or date is None:
        raise ValidationError(
            {"decision_maker": _("Päätöksentekijä ja päivämäärä: anna molemmat.")}
        )
    funded = outcome == FundingOutcome.FUNDED
    if funded:
        if not Selection.objects.filter(entity=application.entity, selected=True).exists():
            raise ValidationError(
                {
                    "outcome": _(
                        "Päätös: kokonaisuutta ei ole valittu rahoitettavaksi; tee ensin "
                        "perusteltu valinta paremmuusjärjestyksessä."
                    )
                }
            )
        _check_budget(call, lines, support, support_rate)
    decision = decision_create(
        actor=actor,
        organisation=call.funding_authority,
        title=_("Rahoituspäätös: %s") % application,
        date=date,
        decision_maker=decision_maker,
        decision_maker_kind=DecisionMakerKind.AUTHORITY,
        diary_number=diary_number,
        summary=reasoning.strip(),
        appeal=Appeal.CORRECTION_REQUEST,
        project_entities=[application.entity],
        calls=[call],
    )
    if funded:
        approved_budget_approve(
            actor=actor,
            application=application,
            decision=decision,
            lines=lines,
            support=support,
            support_rate=support_rate,
            **budget_fields,
        )
    result = save_validated(
        FundingDecision(
            application=application,
            decision=decision,
            outcome=outcome,
            reasoning=reasoning.strip(),
            language=language,
            signed_by=actor,
        )
    )
    moved = application_transition(
        application,
        ApplicationStatus.FUNDED if funded else ApplicationStatus.DECLINED,
        expected_version=expected_version,
    )
    application.status, application.version = moved.status, moved.version
    _move_entity(actor, application.entity)
    return result


@service
def amendment_approve(
    *,
    actor,
    application,
    reason: str,
    decision_maker: str,
    date,
    lines,
    support,
    support_rate,
    **budget_fields,
) -> Amendment:
    """Approve a change (muutospäätös): a new budget revision; the previous stays as history."""
    call = application.entity.call
    refuse_unless(can_run_call(actor, call))
    funding = FundingDecision.objects.filter(
        application=application, outcome=FundingOutcome.FUNDED
    ).first()
    if funding is None:
        raise ValidationError(
            {"application": _("Hakemus: muutos tehdään vain myönteiseen rahoituspäätökseen.")}
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Perustelu: kerro, mitä muutetaan ja miksi.")})
    current = application.approved_budgets.filter(in_force=True).first()
    _check_budget(
        call, lines, support, support_rate, previous=current.support if current else Decimal(0)
    )
    decision = decision_create(
        actor=actor,
        organisation=call.funding_authority,
        title=_("Muutospäätös: %s") % application,
        date=date,
        decision_maker=decision_maker,
        decision_maker_kind=DecisionMakerKind.AUTHORITY,
        summary=reason.strip(),
        appeal=Appeal.CORRECTION_REQUEST,
        project_entities=[application.entity],
        calls=[call],
    )
    budget = approved_budget_approve(
        actor=actor,
        application=application,
        decision=decision,
        lines=lines,
        support=support,
        support_rate=support_rate,
        **budget_fields,
    )
    return save_validated(
        Amendment(application=application, decision=decision, budget=budget, reason=reason)
    )
