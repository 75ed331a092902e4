"""The project list's big downloads, written in the background (`insights.jobs`).

The job keeps the list's query string, so the task picks the same projects the page showed,
as its requester may see them (an anonymous requester sees what the public sees).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from hankesalkku.insights.jobs import write_job_file
from hankesalkku.insights.lists import project_columns
from hankesalkku.insights.models import ExportJob


@task()
def project_list_export_run(job_id: int) -> int:
    """Write the list's selection as the job's file; returns the number of rows written."""
    from .project_list import selection_rows

    job = ExportJob.objects.select_related("requested_by").get(pk=job_id)
    params = QueryDict(job.params.get("query", ""))
    viewer = job.requested_by or AnonymousUser()
    with translation.override(job.language):
        rows, _count = selection_rows(viewer, params, job.params.get("site", ""))
        job = write_job_file(job, project_columns(), rows, title=_("Hankkeet"))
    return job.done
