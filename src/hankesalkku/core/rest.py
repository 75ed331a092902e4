"""What every API endpoint shares: errors as JSON bodies, and permission functions as checks.

The API calls the same services and the same permission functions as the pages. A service's
`ValidationError` (a budget that does not add up, a stale version) becomes a 400 whose body
names the fields, in the request's language, exactly as the form would show it; nothing in the
API decides access on its own. Every list pages through `KeysetPagination`, the pages' own
paginator.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .pagination import MAX_NUMBERED_PAGES, Column, Sorting, paginate


def validation_error_body(error: DjangoValidationError) -> dict:
    """`{"errors": {field: [messages]}, "detail": first message}`; `__all__` for the record."""
    if hasattr(error, "error_dict"):
        errors = {
            field: [str(message) for item in items for message in item.messages]
            for field, items in error.error_dict.items()
        }
    else:
        errors = {"__all__": [str(message) for message in error.messages]}
    first = next((messages[0] for messages in errors.values() if messages), "")
    return {"detail": first, "errors": errors}


def exception_handler(exc, context):
    """DRF's handler, plus Django's ValidationError as a 400 with the fields named."""
    if isinstance(exc, DjangoValidationError):
        return Response(validation_error_body(exc), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, list):
        response.data = {"detail": " ".join(str(item) for item in response.data)}
    return response


def require(decision: tuple[bool, str]) -> None:
    """Raise a 403 with the permission function's reason when it says no.

    Usage in a view: `require(can_submit_application(request.user, application))`.
    """
    allowed, reason = decision
    if not allowed:
        raise exceptions.PermissionDenied(str(reason) or None)


def not_found(request, exception=None):
    """The site's 404: a JSON body under /api/ (a client asked for JSON and reads the body, as
    with every other API error), the styled page everywhere else."""
    from django.http import JsonResponse
    from django.utils.translation import gettext as _
    from django.views.defaults import page_not_found

    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Ei löytynyt.")}, status=404)
    return page_not_found(request, exception)


BY_KEY = Sorting([Column("id", "id", ())], default="id")


def _page_size(raw, default: int, maximum: int) -> int:
    """`page_size` as asked, within 1…maximum; anything that is no number is the default."""
    raw = str(raw or "")
    if not raw.isdigit() or len(raw) > 6:
        return maximum if raw.isdigit() else default
    return max(1, min(int(raw), maximum))


class KeysetPagination(BasePagination):
    """Every API list pages as the lists of the pages do, through `core.pagination.paginate`:
    `?after=` is a keyset cursor (a deep page costs what page 2 does, stable under inserts),
    `?page=` numbers the first pages, `?sort=` is one of the view's declared columns (its
    `sorting`, by default the id), and `count` is exact up to 10 000 rows and PostgreSQL's
    planner estimate above, or where the planner expects more than 20 000
    (`count_is_estimate`), so no list counts a million rows per page.
    A bad `page`, `sort` or `after` is a 400 naming it (the pages show the same note)."""

    page_size = 50
    max_page_size = 200

    def paginate_queryset(self, queryset, request, view=None):
        sorting = getattr(view, "sorting", None) or BY_KEY
        per_page = _page_size(
            request.query_params.get("page_size"), self.page_size, self.max_page_size
        )
        notes: list[str] = []
        self.page = paginate(
            queryset, request.query_params, sorting=sorting, per_page=per_page, notes=notes
        )
        if notes:
            raise exceptions.ValidationError({"detail": notes[0], "paging": notes})
        self.request = request
        return self.page.items

    def _url(self, query: str | None) -> str | None:
        return self.request.build_absolute_uri(self.request.path + query) if query else None

    def get_paginated_response(self, data):
        page = self.page
        previous = page.query(page=page.number - 1) if page.number and page.number > 1 else None
        return Response(
            {
                "count": page.shown_count,
                "count_is_estimate": page.count_is_estimate,
                "next": self._url(page.next_query()),
                "previous": self._url(previous),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        url = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["count", "count_is_estimate", "next", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "description": "Exact up to 10 000 rows; above, or where the database "
                    "expects more than 20 000, its estimate rounded to two digits "
                    "(count_is_estimate).",
                },
                "count_is_estimate": {"type": "boolean"},
                "next": {**url, "description": "The next page: a keyset cursor (`after`)."},
                "previous": {**url, "description": "Among the first 20 numbered pages only."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        sorting = getattr(view, "sorting", None) or BY_KEY
        keys = sorted(sorting.columns)
        return [
            _query_parameter(
                "after", "string", "A keyset cursor, from the `next` link of the page before."
            ),
            _query_parameter(
                "page", "integer", f"A page number 1–{MAX_NUMBERED_PAGES}; deeper pages by `after`."
            ),
            _query_parameter("page_size", "integer", f"Rows a page, 1–{self.max_page_size}."),
            {
                **_query_parameter(
                    "sort", "string", "A column, descending with a leading '-'; ties by id."
                ),
                "schema": {"type": "string", "enum": [*keys, *(f"-{k}" for k in keys)]},
            },
        ]


def _query_parameter(name: str, kind: str, description: str) -> dict:
    return {
        "name": name,
        "required": False,
        "in": "query",
        "description": description,
        "schema": {"type": kind},
    }
