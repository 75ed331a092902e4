"""A background export's page: its progress (an htmx partial polled every two seconds) and,
when the file is written, its download. Both answer only the requester."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .exports.tables import XLSX_TYPE
from .models import ExportJob
from .permissions import can_download_export

CONTENT_TYPES = {"xlsx": XLSX_TYPE, "csv": "text/csv; charset=utf-8"}


def _own_job(request, pk: int) -> ExportJob:
    """The job, or 404 for anyone but its requester: another person's job is not even named."""
    job = get_object_or_404(ExportJob, pk=pk)
    allowed, _reason = can_download_export(request.user, request.session.session_key, job)
    if not allowed:
        raise Http404
    return job


@require_GET
def export_job(request, pk: int):
    job = _own_job(request, pk)
    fragment = request.headers.get("HX-Request") == "true"
    template = "insights/partials/export_job.html" if fragment else "insights/export_job.html"
    return render(request, template, {"job": job})


@require_GET
def export_job_download(request, pk: int):
    job = _own_job(request, pk)
    if job.status != ExportJob.Status.FINISHED or not job.stored:
        raise Http404
    return FileResponse(
        default_storage.open(job.stored, "rb"),
        as_attachment=True,
        filename=job.filename,
        content_type=CONTENT_TYPES.get(job.fmt, "application/octet-stream"),
    )
