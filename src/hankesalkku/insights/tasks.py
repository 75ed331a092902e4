"""The overview's big workbook, written in the background (`insights.jobs`).

The job keeps the overview's selection as URL parameters and is counted as its requester may
see it, so the file says what the requester's page said.
"""

from __future__ import annotations

import io
import logging

from django.contrib.auth.models import AnonymousUser
from django_tasks import task

from hankesalkku.core.services import system_actor

from .exports import export_overview
from .jobs import EXPORT_ACTOR, failure_message
from .models import ExportJob
from .selection import Selection
from .services import export_job_fail, export_job_finish, export_job_progress


@task()
def overview_export_run(job_id: int) -> int:
    """Write the overview's workbook for the job's selection; returns its project rows."""
    job = ExportJob.objects.select_related("requested_by").get(pk=job_id)
    actor = system_actor(EXPORT_ACTOR)
    every = max(5000, job.total // 20)

    def progress(n: int) -> None:
        if n % every == 0:
            export_job_progress(actor=actor, job=job, done=n)

    progress(0)
    try:
        selection = Selection.from_params(job.params, viewer=job.requested_by or AnonymousUser())
        exported = export_overview(selection, job.fmt, job.language, progress=progress)
        export_job_finish(actor=actor, job=job, handle=io.BytesIO(exported.content), rows=job.total)
    except Exception as error:  # noqa: BLE001 -- the requester is told, the log has the rest
        logging.getLogger(__name__).exception("overview export %s failed", job.pk)
        export_job_fail(actor=actor, job=job, message=failure_message(error))
    return job.done
