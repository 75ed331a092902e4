from django.db import transaction

from hankesalkku.core.services import save_validated

from .models import (
    BudgetItem,
    Commitment,
    Decision,
    normalise_classification,
    normalise_diary_number,
    normalise_section,
)


@transaction.atomic
def budget_item_get_or_create(*, actor, organisation, code: str = "", name: str) -> BudgetItem:
    item = BudgetItem.objects.filter(organisation=organisation, code=code, name=name).first()
    return item or save_validated(BudgetItem(organisation=organisation, code=code, name=name))


@transaction.atomic
def decision_create(*, actor, organisation, title: str, date, decision_maker: str, **fields):
    entities = fields.pop("project_entities", ())
    calls = fields.pop("calls", ())
    decision = Decision(
        organisation=organisation, title=title, date=date, decision_maker=decision_maker, **fields
    )
    # Normalise identifiers before validation so API and printed forms are treated alike.
    decision.diary_number = normalise_diary_number(decision.diary_number)
    decision.section = normalise_section(decision.section)
    decision.classification_code = normalise_classification(decision.classification_code)
    save_validated(decision)
    decision.project_entities.set(entities)
    decision.calls.set(calls)
    return decision


@transaction.atomic
def commitment_create(*, actor, decision: Decision, payer, entity, amount, purpose: str, **fields):
    return save_validated(
        Commitment(
            decision=decision, payer=payer, entity=entity, amount=amount, purpose=purpose, **fields
        )
    )
