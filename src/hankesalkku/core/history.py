"""A record's trail as a page part: one function serves every record page that shows history."""

from django.shortcuts import render

from .models import Activity

HISTORY_LIMIT = 200


def _label(model, name: str) -> str:
    """The field's own Finnish name; a foreign key is stored under its column (`payer_id`)."""
    if model is None:
        return name
    for field in model._meta.concrete_fields:
        if name in (field.name, field.attname):
            return str(field.verbose_name)
    return name


def change_rows(activity) -> list[tuple[str, object, object]]:
    """(field label, before, after) for each changed field, the record's own id left out."""
    model = activity.content_type.model_class()
    return [
        (_label(model, name), pair[0], pair[1])
        for name, pair in activity.changes.items()
        if name != "id" and isinstance(pair, list | tuple) and len(pair) == 2
    ]


def render_history(request, records, *, title: str, hidden=lambda activity: ()):
    """The trail of `records`: the partial for htmx, a whole page when opened as a link.

    `hidden(activity)` names the fields the viewer may not see in that row (e.g. a commitment's
    spent amount); they are left out here, before any template sees them.
    """
    activities = list(Activity.objects.for_records(records)[: HISTORY_LIMIT + 1])
    for activity in activities:
        for name in hidden(activity):
            activity.changes.pop(name, None)
        activity.change_rows = change_rows(activity)
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
