"""Background exports: when a download is too big to wait for, and how a job writes its file.

A page asks `start_export` for a job when its selection is above `BACKGROUND_ABOVE` rows (or
its count is only an estimate); smaller files are still written while the request waits,
since a job page would only slow those down. Each app that offers a big download writes its
own task (the lists' in `site.tasks`, the overview's in `insights.tasks`) and hands its rows
to `write_job_file`, so every job reports progress and ends the same way.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterable

from django.utils.translation import gettext as _

from hankesalkku.core.services import system_actor

from .exports.tables import TableColumn, csv_lines, write_xlsx
from .models import ExportJob
from .services import export_job_create, export_job_fail, export_job_finish, export_job_progress

BACKGROUND_ABOVE = 10_000
EXPORT_ACTOR = "hankesalkku-export"
logger = logging.getLogger(__name__)


def needs_background(count: int, estimated: bool) -> bool:
    return estimated or count > BACKGROUND_ABOVE


def start_export(
    request, *, kind: str, fmt: str, params: dict, language: str, total: int, filename: str
):
    """Store a job for the requester (their account, else their browser session)."""
    user = request.user if request.user.is_authenticated else None
    if user is None:
        # An anonymous requester is known by the session's cookie, which must then be sent.
        if request.session.session_key is None:
            request.session.save()
        request.session.modified = True
    actor = user or system_actor(EXPORT_ACTOR)
    return export_job_create(
        actor=actor,
        requested_by=user,
        session_key=request.session.session_key or "",
        kind=kind,
        fmt=fmt,
        params=params,
        language=language,
        total=total,
        filename=filename,
    )


def write_job_file(
    job: ExportJob, columns: list[TableColumn], rows: Iterable[tuple], *, title: str
) -> ExportJob:
    """Write `rows` as the job's CSV or XLSX, saving progress about twenty times on the way."""
    actor = system_actor(EXPORT_ACTOR)
    every = max(5000, job.total // 20)

    def progress(n: int) -> None:
        export_job_progress(actor=actor, job=job, done=n)

    progress(0)
    try:
        with tempfile.TemporaryFile() as handle:
            if job.fmt == "csv":
                n = 0
                for n, line in enumerate(csv_lines(columns, rows)):
                    handle.write(line.encode("utf-8"))
                    if n and n % every == 0:
                        progress(n)
            else:
                n = write_xlsx(handle, columns, rows, title=title, progress=progress, every=every)
            handle.seek(0)
            return export_job_finish(actor=actor, job=job, handle=handle, rows=n)
    except Exception as error:
        logger.exception("export job %s failed", job.pk)
        return export_job_fail(actor=actor, job=job, message=failure_message(error))


def failure_message(error: Exception) -> str:
    """What the requester reads: the kind of failure, not a traceback (that goes to the log)."""
    return _("Tiedoston kirjoittaminen epäonnistui (%(error)s).") % {"error": type(error).__name__}
