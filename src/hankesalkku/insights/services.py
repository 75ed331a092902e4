"""The writes of the background exports: a job is asked for, reports progress, ends.

A job's row is written through the services like any record, so the trail says who asked for
which selection (a list may hold drafts the requester may see) and when its file was made.
Progress is saved every few thousand rows, not every row: the job page polls every two seconds.
"""

from __future__ import annotations

import secrets

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from hankesalkku.core.services import save_validated, service

from .models import ExportJob


@service
def export_job_create(
    *,
    actor,
    requested_by,
    session_key: str,
    kind: str,
    fmt: str,
    params: dict,
    language: str,
    total: int,
    filename: str,
) -> ExportJob:
    """Store the request; the caller enqueues `insights.tasks.export_job_run` with its id."""
    job = ExportJob(
        requested_by=requested_by if getattr(requested_by, "pk", None) else None,
        session_key="" if getattr(requested_by, "pk", None) else session_key,
        kind=kind,
        fmt=fmt,
        params=params,
        language=language,
        total=total,
        filename=filename,
    )
    return save_validated(job)


@service
def export_job_progress(*, actor, job: ExportJob, done: int) -> ExportJob:
    job.status = ExportJob.Status.RUNNING
    job.done = done
    return save_validated(job, update_fields=["status", "done"])


@service
def export_job_finish(*, actor, job: ExportJob, handle, rows: int) -> ExportJob:
    """Keep the written file (`handle`, an open binary file) under a name nobody can guess."""
    name = f"viennit/{job.pk}-{secrets.token_hex(12)}-{job.filename}"
    job.stored = default_storage.save(name, File(handle))
    job.done = rows
    job.total = max(job.total, rows)
    job.status = ExportJob.Status.FINISHED
    job.finished = timezone.now()
    return save_validated(job, update_fields=["stored", "done", "total", "status", "finished"])


@service
def export_job_fail(*, actor, job: ExportJob, message: str) -> ExportJob:
    job.status = ExportJob.Status.FAILED
    job.message = message
    job.finished = timezone.now()
    return save_validated(job, update_fields=["status", "message", "finished"])
