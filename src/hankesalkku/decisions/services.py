from hankesalkku.core.services import save_validated, service

from .models import (
    Commitment,
    Decision,
    normalise_classification,
    normalise_diary_number,
    normalise_section,
)


@service
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


@service
def commitment_create(*, actor, decision: Decision, payer, entity, amount, purpose: str, **fields):
    return save_validated(
        Commitment(
            decision=decision, payer=payer, entity=entity, amount=amount, purpose=purpose, **fields
        )
    )
