"""A request id on every request, response and log line, so an error report finds its traceback.

`RequestIdMiddleware` (first in MIDDLEWARE) takes the id a proxy sent in `X-Request-ID` when it
looks like one (letters, digits, `.`, `_`, `:`, `-`, at most 100), or makes a new one, and
sends it back in the response's `X-Request-ID`. gunicorn's access log prints that header
(`gunicorn_conf.py`), and `with_request_ids` adds it to every log record of the request: Django
logs every response of status 400 or more (`django.request`), so each error response is in the
log with its id, path, status and traceback.

Imported by settings.py: it must not import Django's models or any app.
"""

from __future__ import annotations

import copy
import json
import logging
import re
import threading
import uuid

from hankesalkku.security import JsonLinesFormatter as _JsonLinesFormatter

HEADER = "X-Request-ID"
_META_KEY = "HTTP_X_REQUEST_ID"
_ACCEPTED = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")

# The request a thread serves now (gunicorn's sync and gthread workers: one per thread).
_current = threading.local()


def current_request_id() -> str:
    return getattr(_current, "request_id", "")


def request_id_for(request) -> str:
    given = request.META.get(_META_KEY, "")
    return given if _ACCEPTED.fullmatch(given) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = _current.request_id = request_id_for(request)
        try:
            response = self.get_response(request)
        finally:
            _current.request_id = ""
        response[HEADER] = request.request_id
        return response


class RequestIdFilter(logging.Filter):
    """Puts `request_id` on every record: the record's request's (Django logs an error response
    after the middleware has returned, with the request attached), else the current one's."""

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = getattr(getattr(record, "request", None), "request_id", None)
        record.request_id = request_id or current_request_id() or "-"
        return True


class JsonLinesFormatter(_JsonLinesFormatter):
    """The JSON-lines format of `hankesalkku.security`, with `request_id` when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        request_id = getattr(record, "request_id", "-")
        if request_id == "-" or not line.endswith("}"):
            return line
        return f"{line[:-1]}, {json.dumps('request_id')}: {json.dumps(request_id)}}}"


def with_request_ids(config: dict) -> dict:
    """The LOGGING dict with the request id filter on every handler and in every format."""
    config = copy.deepcopy(config)
    config.setdefault("filters", {})["request_id"] = {"()": f"{__name__}.RequestIdFilter"}
    for handler in config.get("handlers", {}).values():
        handler.setdefault("filters", []).append("request_id")
    for formatter in config.get("formatters", {}).values():
        if formatter.get("()") == "hankesalkku.security.JsonLinesFormatter":
            formatter["()"] = f"{__name__}.JsonLinesFormatter"
        elif "%(message)s" in formatter.get("format", ""):
            formatter["format"] = formatter["format"].replace(
                "%(message)s", "[%(request_id)s] %(message)s"
            )
    return config
