"""The errors every operation may answer, written into the OpenAPI schema once.

Every endpoint shares one error handler (`core.rest.exception_handler`): a bad filter value or
body is a 400, a refused token a 401, a permission function's "no" a 403, an unknown or
malformed id and a page past the end a 404, each with a JSON body. drf-spectacular documents
only the success of each operation, so a client generated from the schema (or a fuzzer reading
it) would take these answers for faults; this hook declares them where an operation has not.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

ERROR_SCHEMA = "ErrorBody"
ERRORS = {
    "400": gettext_noop("Virheellinen pyyntö: kentät tai suodattimet nimetään."),
    "401": gettext_noop("Rajapinta-avain puuttuu, on tuntematon tai peruttu."),
    "403": gettext_noop("Ei oikeutta: syy kerrotaan."),
    "404": gettext_noop("Tietuetta tai sivua ei ole."),
}


def error_responses(result, generator, request, public):
    """POSTPROCESSING_HOOKS entry: add the shared error answers to every operation."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas[ERROR_SCHEMA] = {
        "type": "object",
        "description": "`detail` says what went wrong; `errors` names the fields (400).",
        "properties": {
            "detail": {"type": "string"},
            "errors": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        },
        "additionalProperties": True,
    }
    body = {"application/json": {"schema": {"$ref": f"#/components/schemas/{ERROR_SCHEMA}"}}}
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if method not in {"get", "put", "post", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                responses.setdefault(status, {"description": _(description), "content": body})
    return result
