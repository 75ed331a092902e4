"""Writes of payments: claims and their check and payment, advances, co-financing payments."""

from .claims import (
    advance_pay,
    payment_claim_check,
    payment_claim_create,
    payment_claim_pay,
    payment_claim_submit,
    payment_claim_update,
)
from .cofinancing import commitment_payment_record, commitment_plan_set

__all__ = [
    "advance_pay",
    "commitment_payment_record",
    "commitment_plan_set",
    "payment_claim_check",
    "payment_claim_create",
    "payment_claim_pay",
    "payment_claim_submit",
    "payment_claim_update",
]
