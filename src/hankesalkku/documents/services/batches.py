"""Many files from the browser: stored as a batch, then read one by one in a background task.

Each file is read by ``document_ingest`` in its own transaction, so the progress the batch
page shows is committed file by file, and a worker that dies mid-batch leaves the files read
so far stored (and the rest still queued: running the task again goes on where it stopped).
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hankesalkku.core.services import save_validated, service

from ..models import ReadingBatch, ReadingBatchFile
from .reading import DocumentRefused, document_ingest, size_refusal

logger = logging.getLogger(__name__)

BACKGROUND_FROM_FILES = 4
"""A sending of this many files or more is read in the background; fewer are read at once."""


@service
def reading_batch_create(*, actor, files: list[tuple[str, bytes]]) -> ReadingBatch:
    """Store the files of one sending as a queued batch (the caller enqueues its task)."""
    batch = save_validated(ReadingBatch(created_by=actor, total=len(files)))
    for order, (name, data) in enumerate(files):
        save_validated(ReadingBatchFile(batch=batch, order=order, name=name[:255], data=data))
    return batch


def read_one(actor, name: str, data: bytes) -> dict:
    """The result of reading one file, as the upload and batch pages show it."""
    refusal = size_refusal(name, len(data))
    if refusal:
        return {"ok": False, "name": name, "message": refusal}
    try:
        document, extraction = document_ingest(actor=actor, data=data, filename=name)
    except DocumentRefused as refused:
        return {"ok": False, "name": name, "message": str(refused)}
    except ValidationError as error:
        return {"ok": False, "name": name, "message": " ".join(error.messages)}
    message = (
        _("Luettu: %(count)s arvoa tarkistettavana.") % {"count": extraction.value_count}
        if extraction.is_new
        else _("Sama asiakirja on jo tallennettu; avaa sen tarkistus.")
    )
    return {
        "ok": True,
        "name": name,
        "message": message,
        "document_id": document.pk,
        "warnings": extraction.warning_texts() if extraction.is_new else [],
    }


@service
def reading_batch_read_next(*, actor, batch: ReadingBatch) -> bool:
    """Read the next unread file of the batch and record its result; False when none is left."""
    batch = ReadingBatch.objects.select_for_update().get(pk=batch.pk)
    file = batch.files.filter(order__gte=batch.done).order_by("order").first()
    if file is None:
        if batch.status != ReadingBatch.Status.FINISHED:
            batch.status = ReadingBatch.Status.FINISHED
            save_validated(batch, update_fields=["status"])
        return False
    try:
        result = read_one(actor, file.name, bytes(file.data))
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the batch
        logger.error("reading %s of batch %s failed", file.name, batch.pk, exc_info=True)
        result = {
            "ok": False,
            "name": file.name,
            "message": _("Tiedoston lukeminen epäonnistui odottamattomasti (%(error)s).")
            % {"error": type(exc).__name__},
        }
    file.data = b""
    save_validated(file, update_fields=["data"])
    batch.results = [*batch.results, result]
    batch.done += 1
    batch.status = ReadingBatch.Status.RUNNING
    save_validated(batch, update_fields=["results", "done", "status"])
    return True
