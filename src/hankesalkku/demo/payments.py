"""Illustrative money for the two Helsinki seed projects: approved budgets, claims in every
state and the co-financing payments that follow from them.

The seeds state the commitments (123 750 € and 73 250 € from 1 50 04), not the funding
authority's decisions or any claim; everything here is flagged illustrative (the approving
decisions say so in their titles), and the amounts stay within what the seeds state.
"""

from datetime import date, timedelta
from decimal import Decimal

from hankesalkku.decisions.models import Commitment, DecisionMakerKind
from hankesalkku.decisions.services import approved_budget_approve, decision_create
from hankesalkku.organisations.models import Organisation
from hankesalkku.payments.services import (
    advance_pay,
    claim_attachment_add,
    commitment_payment_record,
    commitment_plan_set,
    lump_sum_milestone_create,
    payment_claim_check,
    payment_claim_create,
    payment_claim_pay,
    payment_claim_submit,
    staff_unit_cost_set,
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
    return approved_budget_approve(
        actor=actor,
        application=part,
        decision=decision,
        lines=[(category, None, Decimal(amount)) for category, amount in lines],
        support=Decimal(support),
        support_rate=Decimal("0.7500"),
        starts=starts,
        ends=ends,
    ).decision


def _claim(actor, part, starts, ends, *, staff=None, hours=None, milestones=(), to=None, **check):
    """A claim taken as far as `to`: None (a draft), submitted, accepted, rejected or paid;
    `check` goes to the officer's check (reductions with their reasons, or a rejection)."""
    claim = payment_claim_create(
        actor=actor,
        application=part,
        period_starts=starts,
        period_ends=ends,
        lines=[(C.STAFF, staff)] if staff else [],
        staff_hours=hours,
        milestones=milestones,
        **ILLUSTRATIVE,
    )
    if to is None:
        return claim
    claim_attachment_add(
        actor=actor,
        claim=claim,
        name=f"palkkakirjanpito-{starts:%Y-%m}-{ends:%Y-%m}.txt",
        content=(
            f"Havainnollistava tosite: palkkakirjanpidon ote {starts:%-d.%-m.%Y}–"
            f"{ends:%-d.%-m.%Y}, {part.organisation}.\n"
        ).encode(),
        description="Havainnollistava: palkkakirjanpidon ote",
    )
    claim = payment_claim_submit(actor=actor, claim=claim)
    if to == "submitted":
        return claim
    claim = payment_claim_check(actor=actor, claim=claim, **check)
    if to == "paid":
        claim = payment_claim_pay(actor=actor, claim=claim, paid_on=_two_months_after(ends))
    return claim


def _two_months_after(day):
    return date(day.year + 1, 2, 15) if day.month == 12 else date(day.year, day.month + 2, 15)


def _municipal_share(actor, commitment, claim, share: Decimal):
    """The city pays its share of what the authority accepted, when the support is paid."""
    amount = (claim.accepted_total * share).quantize(Decimal("0.01"))
    commitment_payment_record(
        actor=actor,
        commitment=commitment,
        paid_on=claim.paid_on + timedelta(days=14),
        amount=amount,
        claim=claim,
        note="Havainnollistava: kuntaosuus 25 % hyväksytyistä kustannuksista",
        **ILLUSTRATIVE,
    )


def _plan(actor, commitment, years):
    for year, amount in years:
        commitment_plan_set(actor=actor, commitment=commitment, year=year, amount=amount)


def _oulu_led(actor, ely, helsinki, part):
    """Helsinki's part (Annantalo) of the Oulu-led project, 495 000 € as in seed 000, with the
    40 % flat rate on actual staff costs; the city's own 25 % from 1 50 04."""
    decision = _approve(
        actor,
        ely,
        part,
        "Rahoituspäätös, Helsingin osahanke (havainnollistava)",
        date(2024, 9, 1),
        date(2027, 8, 31),
        [(C.STAFF, "353571.43"), (C.FLAT_RATE, "141428.57")],
        "371250.00",
    )
    advance_pay(
        actor=actor, application=part, amount="30000.00", paid_on=date(2024, 10, 1), **ILLUSTRATIVE
    )
    missing = "Yhden työntekijän tuntikirjanpito puuttui kahdelta viikolta"
    first = _claim(
        actor,
        part,
        date(2024, 9, 1),
        date(2024, 12, 31),
        staff="40000.00",
        to="paid",
        accepted={C.STAFF: ("38500.00", missing)},
    )
    second = _claim(actor, part, date(2025, 1, 1), date(2025, 6, 30), staff="52000.00", to="paid")
    _claim(
        actor,
        part,
        date(2025, 7, 1),
        date(2025, 12, 31),
        staff="50000.00",
        to="partly_accepted",
        accepted={C.STAFF: ("47200.00", "Lomarahat kirjattu kahteen kertaan")},
    )
    _claim(actor, part, date(2026, 1, 1), date(2026, 6, 30), staff="48000.00", to="submitted")
    _claim(actor, part, date(2026, 7, 1), date(2026, 12, 31), staff="45000.00")
    own = Commitment.objects.get(entity=part.entity, payer=helsinki, budget_item__code="1 50 04")
    _plan(
        actor, own, ((2024, "15000.00"), (2025, "40000.00"), (2026, "40000.00"), (2027, "28750.00"))
    )
    for claim in (first, second):
        _municipal_share(actor, own, claim, Decimal("0.25"))
    return decision


def _hot(actor, ely, fvh, part):
    """Forum Virium Helsinki's part of HOT: staff as a unit cost (45 000 € a year / 1 720 h),
    the flat rate and a lump sum in two milestones; 293 000 € of which the city pays 25 %
    (73 250 €, seed 001) from 1 50 04."""
    decision = _approve(
        actor,
        ely,
        part,
        "Rahoituspäätös, Forum Virium Helsingin osahanke (havainnollistava)",
        date(2025, 1, 1),
        date(2027, 12, 31),
        [(C.STAFF, "195000.00"), (C.FLAT_RATE, "78000.00"), (C.LUMP_SUM, "20000.00")],
        "219750.00",
    )
    staff_unit_cost_set(actor=actor, application=part, decision=decision, annual_pay="45000.00")
    model, _seminar = (  # the seminar is claimed at the end of the project
        lump_sum_milestone_create(
            actor=actor, application=part, decision=decision, name=name, amount=amount, order=n
        )
        for n, (name, amount) in enumerate(
            (("Ryhmämallin kuvaus julkaistu", "8000.00"), ("Loppuseminaari pidetty", "12000.00")),
            1,
        )
    )
    first = _claim(actor, part, date(2025, 1, 1), date(2025, 6, 30), hours="1200", to="paid")
    _claim(
        actor,
        part,
        date(2025, 7, 1),
        date(2025, 12, 31),
        hours="2000",
        to="rejected",
        reject_reason="Kustannuksille ei esitetty tuntikirjanpitoa",
    )
    again = _claim(
        actor,
        part,
        date(2025, 7, 1),
        date(2025, 12, 31),
        hours="1500",
        milestones=[(model, date(2025, 11, 15))],
        to="paid",
        accepted_hours=("1450", "50 tuntia kirjattu hankkeen ulkopuoliseen työhön"),
    )
    _claim(actor, part, date(2026, 1, 1), date(2026, 6, 30), hours="1400", to="accepted")
    for_fvh = Commitment.objects.get(entity=part.entity, beneficiary=fvh)
    _plan(actor, for_fvh, ((2025, "24000.00"), (2026, "25000.00"), (2027, "24250.00")))
    for claim in (first, again):
        _municipal_share(actor, for_fvh, claim, Decimal("0.25"))


def illustrative_payments(actor) -> None:
    ely = Organisation.objects.get(slug="hameen-ely-keskus")
    helsinki = Organisation.objects.get(slug="helsingin-kaupunki")
    fvh = Organisation.objects.get(slug="forum-virium-helsinki")
    oulu_led = Application.objects.get(
        entity__slug="lasten-nuorten-ja-perheiden-palveluiden-kehittaminen", organisation=helsinki
    )
    hot_fvh = Application.objects.get(entity__slug="hot", organisation=fvh)
    _oulu_led(actor, ely, helsinki, oulu_led)
    _hot(actor, ely, fvh, hot_fvh)
