"""One source reference shown in place: the quoted sentence highlighted in its document.

The point of a "lähde" link is that a reader can check the figure against the words it came
from, so the page scrolls to the highlighted span rather than leaving the reader to search.
"""

from django.core.exceptions import FieldDoesNotExist
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .models import SourceReference
from .permissions import cited_record_visible
from .plain import plain_parts
from .quotes import locate_quote


def target_page(target) -> dict | None:
    """The label and address of the page that shows the cited record, where one exists."""
    url = getattr(target, "get_absolute_url", None)
    if target is None or url is None:
        return None
    label = getattr(target, "display_name", None) or str(target)
    return {"label": label, "url": url()}


def _field_label(target, field: str) -> str:
    if not field or target is None:
        return ""
    try:
        return str(target._meta.get_field(field).verbose_name)
    except FieldDoesNotExist:  # a figure cited under a name that is not a field, e.g. "period"
        return field


def source_detail(request, pk):
    reference = get_object_or_404(
        SourceReference.objects.select_related("document", "document__publisher", "content_type"),
        pk=pk,
    )
    target = reference.target
    allowed, reason = cited_record_visible(request.user, target)
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
        parts = plain_parts(text[:start], text[start:end], text[end:])
    page = target_page(target)
    return render(
        request,
        "sources/source.html",
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
