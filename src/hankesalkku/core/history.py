"""A record's trail as a page part: one function serves every record page that shows history."""

from django.shortcuts import render

from .models import Activity

HISTORY_LIMIT = 200


def render_history(request, records, *, title: str):
    """The trail of `records`: the partial for htmx, a whole page when opened as a link."""
    activities = list(Activity.objects.for_records(records)[: HISTORY_LIMIT + 1])
    context = {
        "activities": activities[:HISTORY_LIMIT],
        "more": len(activities) > HISTORY_LIMIT,
        "shown": HISTORY_LIMIT,
        "title": title,
    }
    template = (
        "core/partials/history.html"
        if request.headers.get("HX-Request")
        else "core/history_page.html"
    )
    return render(request, template, context)
