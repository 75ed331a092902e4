"""Django's deployment checklist, the Content-Security-Policy, logging and the health check."""

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from hankesalkku.security import JsonLinesFormatter

SRC = Path(__file__).resolve().parents[2] / "src" / "hankesalkku"
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "production-like-key-" + "k3y" * 20,
    "DJANGO_ALLOWED_HOSTS": "hankesalkku.example.fi",
    "DJANGO_BEHIND_HTTPS_PROXY": "1",
}


def run_hankesalkku(*args, extra_env: dict) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "HANKESALKKU_DEMO"))
    }
    env.update(extra_env, DJANGO_SETTINGS_MODULE="hankesalkku.settings")
    return subprocess.run(
        [sys.executable, "-m", "hankesalkku", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_deploy_checks_pass_with_production_settings():
    result = run_hankesalkku("check", "--deploy", "--fail-level", "WARNING", extra_env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_real_secret_key():
    without_key = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = run_hankesalkku("check", extra_env=without_key)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "DJANGO_SECRET_KEY" in result.stderr
    short = run_hankesalkku("check", extra_env={**PRODUCTION, "DJANGO_SECRET_KEY": "lyhyt"})
    assert short.returncode != 0 and "liian lyhyt" in short.stderr


def test_common_or_numeric_or_short_passwords_are_refused():
    for weak in ("12345678", "salasana", "9876543210123"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("Kaunis-kevät-2025")


def test_sessions_last_a_working_day_and_end_with_the_browser():
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_HTTPONLY and settings.X_FRAME_OPTIONS == "DENY"


@pytest.mark.django_db
def test_every_page_carries_a_policy_without_inline_script_or_style(client):
    response = client.get(reverse("account_login"))
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"


INLINE = [
    (
        re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>"),
        "inline script",
    ),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"<style", re.I), "style element"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def test_no_template_has_inline_script_handlers_or_styles():
    """Pages obey the Content-Security-Policy. Formal documents (templates under a `pdf/`
    folder) are printed by WeasyPrint and never served to a browser: their print stylesheet
    may sit in the document, scripts and handlers may not."""
    found = []
    for template in SRC.glob("*/templates/**/*.html"):
        printed = "pdf" in template.relative_to(SRC).parts
        text = template.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            if printed and what == "style element":
                continue
            if pattern.search(text):
                found.append(f"{template.relative_to(SRC)}: {what}")
    assert found == []


@pytest.mark.django_db
def test_the_health_endpoint_answers_with_the_database_state(client):
    response = client.get("/terveys/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


def test_errors_are_logged_as_one_json_line_with_the_traceback():
    try:
        raise RuntimeError("tietokanta katosi")
    except RuntimeError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/x/",),
            sys.exc_info(),
        )
    line = JsonLinesFormatter().format(record)
    entry = json.loads(line)
    assert "\n" not in line
    assert entry["level"] == "ERROR" and entry["message"] == "Internal Server Error: /x/"
    assert "RuntimeError: tietokanta katosi" in entry["traceback"]
