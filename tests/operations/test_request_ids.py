"""Every response carries a request id, and every error response is logged with it."""

import io
import json
import logging
import re

import pytest
from django.conf import settings
from django.test import Client, override_settings

from hankesalkku.operations.request_id import JsonLinesFormatter, RequestIdFilter


@pytest.fixture
def logged():
    """What django.request logs, in the production format (one JSON object a line)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonLinesFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        logger.removeHandler(handler)


def test_every_log_handler_adds_the_request_id():
    assert all("request_id" in h.get("filters", []) for h in settings.LOGGING["handlers"].values())
    assert settings.MIDDLEWARE[0] == "hankesalkku.operations.request_id.RequestIdMiddleware"
    security = settings.MIDDLEWARE.index("django.middleware.security.SecurityMiddleware")
    assert settings.MIDDLEWARE[security + 1] == "whitenoise.middleware.WhiteNoiseMiddleware"


@pytest.mark.django_db
def test_a_response_carries_a_new_id_or_the_proxys_if_it_looks_like_one(client):
    made = client.get("/").headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert client.get("/", HTTP_X_REQUEST_ID="nginx-7f3a.2").headers["X-Request-ID"] == (
        "nginx-7f3a.2"
    )
    refused = client.get("/", HTTP_X_REQUEST_ID="<script> x").headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", refused)


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.operations.urls_with_error")
def test_error_responses_are_logged_with_their_request_id(logged):
    client = Client(raise_request_exception=False)

    failed = client.get("/kaatuu/", HTTP_X_REQUEST_ID="virhe-500")
    missing = client.get("/ei-ole-tallaista/", HTTP_X_REQUEST_ID="virhe-404")

    assert failed.status_code == 500 and failed.headers["X-Request-ID"] == "virhe-500"
    assert missing.status_code == 404
    entries = {entry["request_id"]: entry for entry in logged()}
    assert entries["virhe-500"]["status"] == 500 and entries["virhe-500"]["path"] == "/kaatuu/"
    assert "RuntimeError: kokeellinen virhe" in entries["virhe-500"]["traceback"]
    assert entries["virhe-404"]["status"] == 404


@pytest.mark.django_db
def test_refused_requests_of_the_api_and_the_pages_are_logged_with_their_request_id(logged):
    client = Client()

    bad_filter = client.get("/api/v1/project-entities/?kind=x", HTTP_X_REQUEST_ID="virhe-400")
    wrong_method = client.post("/yleiskuva/organisaatio/", HTTP_X_REQUEST_ID="virhe-405")

    assert (bad_filter.status_code, wrong_method.status_code) == (400, 405)
    entries = {entry["request_id"]: entry for entry in logged()}
    assert entries["virhe-400"]["status"] == 400
    assert entries["virhe-400"]["path"] == "/api/v1/project-entities/"
    assert entries["virhe-405"]["status"] == 405
