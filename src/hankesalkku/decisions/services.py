"""Writes for decisions and the commitments they make.

Identifiers are normalised by `Decision.clean`, which every save here runs, so a decision
read from the API and one typed from print are recognised as the same.
"""

from decimal import Decimal

from hankesalkku.core.services import (
    delete_recorded,
    record_create,
    record_update,
    save_validated,
    service,
)

from .models import ApprovedBudget, ApprovedBudgetLine, Commitment, Decision


@service
def decision_create(*, actor, organisation, title: str, date, decision_maker: str, **fields):
    """`project_entities` and `calls` (the decision's subjects) may be given with the rest."""
    return record_create(
        Decision,
        organisation=organisation,
        title=title,
        date=date,
        decision_maker=decision_maker,
        **fields,
    )


@service
def decision_update(
    *, actor, decision: Decision, expected_version: int | None = None, **changes
) -> Decision:
    return record_update(decision, changes, expected_version)


@service
def decision_delete(*, actor, decision: Decision) -> None:
    """Refused while the decision's commitments exist: the ledger keeps its grounds."""
    delete_recorded(decision)


@service
def commitment_create(*, actor, decision: Decision, payer, entity, amount, purpose: str, **fields):
    return record_create(
        Commitment,
        decision=decision,
        payer=payer,
        entity=entity,
        amount=amount,
        purpose=purpose,
        **fields,
    )


@service
def commitment_update(
    *, actor, commitment: Commitment, expected_version: int | None = None, **changes
) -> Commitment:
    """What was spent stays within the amount committed (the table's constraint)."""
    return record_update(commitment, changes, expected_version)


@service
def commitment_remove(*, actor, commitment: Commitment) -> None:
    delete_recorded(commitment)


@service
def approved_budget_approve(
    *,
    actor,
    application,
    decision: Decision,
    lines: list[tuple[str, int | None, Decimal]],
    support: Decimal,
    support_rate: Decimal,
    **fields,
) -> ApprovedBudget:
    """A new approved budget for a part: the previous one stays as history, out of force.

    `lines` are (cost category, year or None, amount). The funding decision calls this for the
    first revision, each amendment decision for the next; nothing edits a revision afterwards.
    """
    previous = (
        ApprovedBudget.objects.select_for_update()
        .filter(application=application)
        .order_by("-revision")
        .first()
    )
    if previous is not None and previous.in_force:
        previous.in_force = False
        save_validated(previous, update_fields=["in_force"])
    budget = save_validated(
        ApprovedBudget(
            application=application,
            decision=decision,
            revision=(previous.revision + 1) if previous else 1,
            support=support,
            support_rate=support_rate,
            **fields,
        )
    )
    for category, year, amount in lines:
        save_validated(
            ApprovedBudgetLine(budget=budget, category=category, year=year, amount=amount)
        )
    return budget
