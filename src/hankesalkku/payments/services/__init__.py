"""Writes of payments: claims and their check and payment, advances, co-financing payments,
the cost options a decision fixed, and the claims' attachments."""

from .attachments import claim_attachment_add, claim_attachment_remove
from .claims import (
    advance_pay,
    payment_claim_check,
    payment_claim_create,
    payment_claim_pay,
    payment_claim_submit,
    payment_claim_update,
)
from .cofinancing import commitment_payment_record, commitment_plan_set
from .terms import lump_sum_milestone_create, staff_unit_cost_set

__all__ = [
    "advance_pay",
    "claim_attachment_add",
    "claim_attachment_remove",
    "commitment_payment_record",
    "commitment_plan_set",
    "lump_sum_milestone_create",
    "payment_claim_check",
    "payment_claim_create",
    "payment_claim_pay",
    "payment_claim_submit",
    "payment_claim_update",
    "staff_unit_cost_set",
]
