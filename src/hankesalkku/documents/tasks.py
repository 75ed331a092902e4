"""Background work of reading documents (Django's task framework, the django-tasks backport).

The database backend keeps the queue in the project's own database, so a batch works on
SQLite and PostgreSQL alike with no other service; ``hankesalkku db_worker`` runs it. Tests
(and ``HANKESALKKU_TASKS_IMMEDIATE=1``) run the task at once, inside the request.
"""

from __future__ import annotations

from django_tasks import task

from hankesalkku.core.services import system_actor

from .models import ReadingBatch
from .services.batches import reading_batch_read_next


@task()
def reading_batch_run(batch_id: int) -> int:
    """Read every file of a batch, one transaction a file; returns how many were read."""
    batch = ReadingBatch.objects.select_related("created_by").get(pk=batch_id)
    actor = batch.created_by or system_actor("hankesalkku-ingest")
    while reading_batch_read_next(actor=actor, batch=batch):
        pass
    batch.refresh_from_db()
    return batch.done
