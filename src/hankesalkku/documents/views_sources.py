"""One source reference shown in place: the quoted sentence highlighted in its document.

The point of a "lähde" link is that a reader can check the figure against the words it came
from, so the page scrolls to the highlighted span rather than leaving the reader to search.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from hankesalkku.decisions.models import Commitment, Decision
from hankesalkku.organisations.models import Organisation
from hankesalkku.programmes.models import Call, ReportedFigure
from hankesalkku.projects.models import Application, Partner, ProjectEntity
from hankesalkku.projects.permissions import can_view_project_entity

from .models import SourceReference
from .quotes import locate_quote


def _target_page(target):
    """(label, url name, args) of the page that shows the cited record, where one exists."""
    if isinstance(target, ProjectEntity):
        return str(target), "projects:detail", [target.slug]
    if isinstance(target, Application | Partner):
        return str(target), "projects:detail", [target.entity.slug]
    if isinstance(target, Decision):
        return str(target), "decisions:detail", [target.pk]
    if isinstance(target, Commitment):
        return str(target.decision), "decisions:detail", [target.decision_id]
    if isinstance(target, Call):
        return target.display_name, "programmes:call_detail", [target.slug]
    if isinstance(target, ReportedFigure) and target.call_id:
        return target.call.display_name, "programmes:call_detail", [target.call.slug]
    if isinstance(target, Organisation):
        return target.display_name, "organisations:detail", [target.slug]
    return None


def _owning_entity(target):
    if isinstance(target, ProjectEntity):
        return target
    if isinstance(target, Application | Partner | Commitment):
        return target.entity
    return None


def _field_label(target, field: str) -> str:
    if not field or target is None:
        return ""
    try:
        return str(target._meta.get_field(field).verbose_name)
    except Exception:  # a figure cited under a name that is not a model field, e.g. "period"
        return field


def source_detail(request, pk):
    reference = get_object_or_404(
        SourceReference.objects.select_related("document", "document__publisher", "content_type"),
        pk=pk,
    )
    target = reference.target
    entity = _owning_entity(target)
    if entity is not None:
        allowed, reason = can_view_project_entity(request.user, entity)
        if not allowed:
            raise Http404(reason)
    document = reference.document
    text = document.text or ""
    start, end = reference.start, reference.end
    if text and (start is None or end is None or end > len(text)):
        span = locate_quote(text, reference.quote)
        start, end = span if span else (None, None)
    parts = None
    if text and start is not None:
        parts = {"before": text[:start], "quote": text[start:end], "after": text[end:]}
    page = _target_page(target) if target is not None else None
    if page:
        page = {"label": page[0], "url": reverse(page[1], args=page[2])}
    return render(
        request,
        "documents/source.html",
        {
            "reference": reference,
            "document": document,
            "target": target,
            "target_page": page,
            "field_label": _field_label(target, reference.field),
            "parts": parts,
            "has_text": bool(text),
            "is_illustrative": getattr(target, "is_illustrative", False),
        },
    )
