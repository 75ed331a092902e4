"""Write services of assessment: screening, assessors, scoring, selection, decisions, changes."""

from .amending import amendment_request_create, amendment_request_decide  # noqa: F401
from .assigning import assessor_assign, assessor_unassign  # noqa: F401
from .deciding import amendment_approve, funding_decision_make  # noqa: F401
from .scoring import (  # noqa: F401
    conflict_declaration_create,
    criterion_create,
    score_save,
    scores_save,
    scores_submit,
)
from .screening import checklist_item_create, screening_record  # noqa: F401
from .selecting import selection_choose  # noqa: F401
