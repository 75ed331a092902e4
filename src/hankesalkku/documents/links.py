"""The page of a record written from a document, so the review can link to what it made."""

from django.urls import NoReverseMatch, reverse

from hankesalkku.decisions.models import Commitment, Decision
from hankesalkku.organisations.models import Organisation
from hankesalkku.programmes.models import Call
from hankesalkku.projects.models import Application, Partner, ProjectEntity


def record_url(record) -> str | None:
    try:
        if isinstance(record, ProjectEntity):
            return reverse("projects:detail", args=[record.slug])
        if isinstance(record, Application | Partner):
            return reverse("projects:detail", args=[record.entity.slug])
        if isinstance(record, Decision):
            return reverse("decisions:detail", args=[record.pk])
        if isinstance(record, Commitment):
            return reverse("decisions:detail", args=[record.decision_id])
        if isinstance(record, Call):
            return reverse("programmes:call_detail", args=[record.slug])
        if isinstance(record, Organisation):
            return reverse("organisations:detail", args=[record.slug])
    except NoReverseMatch:
        return None
    return None
