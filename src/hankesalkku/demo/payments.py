"""Illustrative money for the two Helsinki seed projects: approved budgets, claims in every
state and the co-financing payments that follow from them.

The seeds state the commitments (123 750 € and 73 250 € from 1 50 04), not the funding
authority's decisions or any claim; everything here is flagged illustrative (the approving
decisions say so in their titles), and the amounts stay within what the seeds state.
"""

from datetime import date
from decimal import Decimal

from hankesalkku.decisions.models import Commitment, DecisionMakerKind
from hankesalkku.decisions.services import approved_budget_approve, decision_create
from hankesalkku.organisations.models import Organisation
from hankesalkku.payments.services import (
    advance_pay,
    commitment_payment_record,
    commitment_plan_set,
    payment_claim_check,
    payment_claim_create,
    payment_claim_pay,
    payment_claim_submit,
)
from hankesalkku.projects.models import Application, CostCategory

ILLUSTRATIVE = {"is_illustrative": True}
C = CostCategory


def _approve(actor, ely, part, title, starts, ends, lines, support):
    decision = decision_create(
        actor=actor,
        organisation=ely,
        title=title,
        date=starts,
        decision_maker="Hämeen ELY-keskus",
        decision_maker_kind=DecisionMakerKind.AUTHORITY,
        summary="Havainnollistava rahoituspäätös: ei lähdeasiakirjasta.",
    )
    approved_budget_approve(
        actor=actor,
        application=part,
        decision=decision,
        lines=[(category, None, Decimal(amount)) for category, amount in lines],
        support=Decimal(support),
        support_rate=Decimal("0.7500"),
        starts=starts,
        ends=ends,
    )


def _claim(actor, part, starts, ends, staff, services, *, to=None, reduce=None, reject=""):
    claim = payment_claim_create(
        actor=actor,
        application=part,
        period_starts=starts,
        period_ends=ends,
        lines=[(C.STAFF, staff), (C.PURCHASED_SERVICES, services)],
        **ILLUSTRATIVE,
    )
    if to is None:
        return claim
    claim = payment_claim_submit(actor=actor, claim=claim)
    if to == "submitted":
        return claim
    claim = payment_claim_check(actor=actor, claim=claim, accepted=reduce, reject_reason=reject)
    if to == "paid":
        claim = payment_claim_pay(
            actor=actor,
            claim=claim,
            paid_on=date(ends.year + 1, 2, 15)
            if ends.month == 12
            else date(ends.year, ends.month + 2, 15),
        )
    return claim


def _municipal_share(actor, commitment, claim, share: Decimal, paid_on):
    amount = (claim.accepted_total * share).quantize(Decimal("0.01"))
    commitment_payment_record(
        actor=actor,
        commitment=commitment,
        paid_on=paid_on,
        amount=amount,
        claim=claim,
        note="Havainnollistava: kuntaosuus hyväksytyistä kustannuksista",
        **ILLUSTRATIVE,
    )


def illustrative_payments(actor) -> None:
    ely = Organisation.objects.get(slug="hameen-ely-keskus")
    helsinki = Organisation.objects.get(slug="helsingin-kaupunki")
    fvh = Organisation.objects.get(slug="forum-virium-helsinki")
    oulu_led = Application.objects.get(
        entity__slug="lasten-nuorten-ja-perheiden-palveluiden-kehittaminen", organisation=helsinki
    )
    hot_fvh = Application.objects.get(entity__slug="hot", organisation=fvh)

    _approve(
        actor,
        ely,
        oulu_led,
        "Rahoituspäätös, Helsingin osahanke (havainnollistava)",
        date(2024, 9, 1),
        date(2027, 8, 31),
        [(C.STAFF, "300000.00"), (C.FLAT_RATE, "120000.00"), (C.PURCHASED_SERVICES, "75000.00")],
        "371250.00",
    )
    advance_pay(
        actor=actor,
        application=oulu_led,
        amount="30000.00",
        paid_on=date(2024, 10, 1),
        **ILLUSTRATIVE,
    )
    first = _claim(
        actor,
        oulu_led,
        date(2024, 9, 1),
        date(2024, 12, 31),
        "40000.00",
        "5000.00",
        to="paid",
        reduce={C.PURCHASED_SERVICES: ("4000.00", "Yksi lasku ilman kuittia")},
    )
    _claim(
        actor, oulu_led, date(2025, 1, 1), date(2025, 6, 30), "52000.00", "9000.00", to="submitted"
    )
    _claim(actor, oulu_led, date(2025, 7, 1), date(2025, 12, 31), "50000.00", "7000.00")
    own = Commitment.objects.get(
        entity=oulu_led.entity, payer=helsinki, budget_item__code="1 50 04"
    )
    _municipal_share(actor, own, first, Decimal("0.25"), date(2025, 3, 1))

    _approve(
        actor,
        ely,
        hot_fvh,
        "Rahoituspäätös, Forum Virium Helsingin osahanke (havainnollistava)",
        date(2025, 1, 1),
        date(2027, 12, 31),
        [(C.STAFF, "180000.00"), (C.FLAT_RATE, "72000.00"), (C.PURCHASED_SERVICES, "41000.00")],
        "219750.00",
    )
    paid = _claim(
        actor, hot_fvh, date(2025, 1, 1), date(2025, 6, 30), "30000.00", "6000.00", to="paid"
    )
    _claim(
        actor,
        hot_fvh,
        date(2025, 7, 1),
        date(2025, 12, 31),
        "90000.00",
        "1000.00",
        to="rejected",
        reject="Kustannuksille ei esitetty tositteita",
    )
    _claim(
        actor, hot_fvh, date(2026, 1, 1), date(2026, 6, 30), "28000.00", "5000.00", to="accepted"
    )
    for_fvh = Commitment.objects.get(entity=hot_fvh.entity, beneficiary=fvh)
    for year, amount in ((2025, "24000.00"), (2026, "25000.00"), (2027, "24250.00")):
        commitment_plan_set(actor=actor, commitment=for_fvh, year=year, amount=amount)
    _municipal_share(actor, for_fvh, paid, Decimal("0.25"), date(2025, 9, 30))
