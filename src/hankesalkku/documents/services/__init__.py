"""Documents in, checked records out: read → review → apply, each a service of its own."""

from .apply import extraction_apply
from .batches import BACKGROUND_FROM_FILES, read_one, reading_batch_create, reading_batch_read_next
from .reading import (
    MAX_DOCUMENT_BYTES,
    DocumentRefused,
    document_ingest,
    read_failure,
    size_refusal,
)
from .review import (
    extracted_value_confirm,
    extracted_value_correct,
    extracted_value_reject,
    extraction_confirm_unconflicted,
    extraction_delete,
    extraction_targets_set,
)

__all__ = [
    "BACKGROUND_FROM_FILES",
    "read_one",
    "reading_batch_create",
    "reading_batch_read_next",
    "MAX_DOCUMENT_BYTES",
    "DocumentRefused",
    "document_ingest",
    "extracted_value_confirm",
    "extracted_value_correct",
    "extracted_value_reject",
    "extraction_apply",
    "extraction_confirm_unconflicted",
    "extraction_delete",
    "extraction_targets_set",
    "read_failure",
    "size_refusal",
]
