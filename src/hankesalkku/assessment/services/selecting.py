"""The reasoned choice of which of a call's entities are funded.

The ranking proposes (the entities above the budget line); the officer chooses, in writing,
and the record keeps whether the choice followed the proposal and the score it had then. A
positive funding decision needs a positive choice for its entity.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.services import save_validated, service

from ..models import Selection
from ..permissions import can_run_call
from ..summary import ranking
from .screening import refuse_unless


@service
def selection_choose(*, actor, entity, selected: bool, reasoning: str) -> Selection:
    """Record the reasoned choice for one ranked entity; a choice already made stays."""
    call = entity.call
    refuse_unless(can_run_call(actor, call))
    if Selection.objects.filter(entity=entity).exists():
        raise ValidationError(
            {"entity": _("Valinta: kokonaisuuden valinta on jo tehty eikä sitä muuteta.")}
        )
    if not (reasoning or "").strip():
        raise ValidationError({"reasoning": _("Perustelu: valinta on perusteltava.")})
    row = next((r for r in ranking(call) if r.entity.pk == entity.pk), None)
    if row is None or row.score is None:
        raise ValidationError({"entity": _("Valinta: vain arvioitu kokonaisuus voidaan valita.")})
    return save_validated(
        Selection(
            entity=entity,
            selected=bool(selected),
            proposed=row.within_budget,
            score=row.score,
            reasoning=reasoning.strip(),
            chosen_by=actor,
        )
    )
