"""What every API endpoint shares: errors as JSON bodies, and permission functions as checks.

The API calls the same services and the same permission functions as the pages. A service's
`ValidationError` (a budget that does not add up, a stale version) becomes a 400 whose body
names the fields, in the request's language, exactly as the form would show it; nothing in the
API decides access on its own.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


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
