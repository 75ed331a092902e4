"""Write services of assessment: screening and scoring here, decisions in `deciding`."""

from .deciding import amendment_approve, funding_decision_make  # noqa: F401
from .scoring import (  # noqa: F401
    conflict_declaration_create,
    criterion_create,
    score_save,
    scores_submit,
)
from .screening import checklist_item_create, screening_record  # noqa: F401
