"""Production switches that settings.py reads from the environment, kept apart to be testable.

Each function turns environment values into a setting and refuses what would be unsafe to run
in production, so a forgotten variable stops the start instead of weakening the site silently.
"""

import json
import logging
import os
import traceback
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

INSECURE_DEMO_KEY = "insecure-demo-key-change-me-in-production"
MIN_SECRET_KEY_LENGTH = 50


def require_real_secret_key(value: str, *, local: bool) -> str:
    """A demo or test run may use the built-in key; production must bring its own.

    Sessions, password-reset links and invitation links are signed with this key, so a
    production site running on a key printed in the repository could be taken over.
    """
    if local:
        return value or INSECURE_DEMO_KEY
    if (
        not value
        or value == INSECURE_DEMO_KEY
        or len(value) < MIN_SECRET_KEY_LENGTH
        or len(set(value)) < 5
    ):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY puuttuu tai on liian lyhyt (vähintään "
            f"{MIN_SECRET_KEY_LENGTH} merkkiä). Tuotannossa (DJANGO_DEBUG=0) tarvitaan oma "
            'salainen avain, esimerkiksi: python -c "import secrets; '
            'print(secrets.token_urlsafe(64))". Esittely ja testit asettavat '
            "HANKESALKKU_DEMO=1. / DJANGO_SECRET_KEY is missing or too short; set a real "
            "secret key when DJANGO_DEBUG is off, or HANKESALKKU_DEMO=1 for a local demo."
        )
    return value


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def oidc_providers_from_env(environ=None) -> list[dict]:
    """OpenID Connect identity providers as allauth `APPS` entries.

    Two ways, combinable: `HANKESALKKU_OIDC_PROVIDERS` holds a JSON list of objects with
    id, name, server_url, client_id, secret (and optional token_auth_method,
    email_authentication); or one set of `OIDC_<ID>_SERVER_URL`, `OIDC_<ID>_CLIENT_ID`,
    `OIDC_<ID>_SECRET`, `OIDC_<ID>_NAME` variables per provider. Keeping the secrets in the
    environment means no database row and no file in the repository holds them.
    """
    environ = os.environ if environ is None else environ
    entries = []
    raw = environ.get("HANKESALKKU_OIDC_PROVIDERS", "").strip()
    if raw:
        try:
            entries.extend(json.loads(raw))
        except ValueError as error:
            raise ImproperlyConfigured(f"HANKESALKKU_OIDC_PROVIDERS is not JSON: {error}") from None
    for key, value in sorted(environ.items()):
        if key.startswith("OIDC_") and key.endswith("_SERVER_URL") and value:
            name = key[len("OIDC_") : -len("_SERVER_URL")]
            prefix = f"OIDC_{name}_"
            entries.append(
                {
                    "id": name.lower().replace("_", "-"),
                    "name": environ.get(prefix + "NAME", name.title()),
                    "server_url": value,
                    "client_id": environ.get(prefix + "CLIENT_ID", ""),
                    "secret": environ.get(prefix + "SECRET", ""),
                    "token_auth_method": environ.get(prefix + "TOKEN_AUTH_METHOD", ""),
                    "email_authentication": environ.get(prefix + "EMAIL_AUTHENTICATION", "")
                    in ("1", "true", "True", "yes"),
                }
            )
    return [oidc_app(entry) for entry in entries]


def oidc_app(entry: dict) -> dict:
    """One provider in allauth's form; PKCE is always on (it costs nothing and stops code theft)."""
    for required in ("id", "server_url", "client_id"):
        if not entry.get(required):
            raise ImproperlyConfigured(f"OIDC provider {entry!r} lacks {required}")
    app_settings = {
        "server_url": entry["server_url"],
        "oauth_pkce_enabled": True,
        "email_authentication": bool(entry.get("email_authentication", False)),
    }
    if entry.get("token_auth_method"):
        app_settings["token_auth_method"] = entry["token_auth_method"]
    return {
        "provider_id": entry["id"],
        "name": entry.get("name") or entry["id"],
        "client_id": entry["client_id"],
        "secret": entry.get("secret", ""),
        "settings": app_settings,
    }


def content_security_policy(oidc_apps: list[dict]) -> dict:
    """`default-src 'self'`, no inline script and no inline style.

    Forms may post only to us, except that signing in with an identity provider redirects the
    form's POST to the provider, and browsers check that redirect against form-action too.
    The TOTP set-up page shows its QR code as a data: image.
    """
    provider_origins = sorted({_origin(app["settings"]["server_url"]) for app in oidc_apps} - {""})
    return {
        "DIRECTIVES": {
            "default-src": ["'self'"],
            "script-src": ["'self'"],
            "style-src": ["'self'"],
            "img-src": ["'self'", "data:"],
            "font-src": ["'self'"],
            "connect-src": ["'self'"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "frame-ancestors": ["'none'"],
            "form-action": ["'self'", *provider_origins],
        }
    }


class JsonLinesFormatter(logging.Formatter):
    """One JSON object a line, traceback included, so a log collector keeps an error whole."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["path"] = request.path
            entry["method"] = getattr(request, "method", "")
        if getattr(record, "status_code", None):
            entry["status"] = record.status_code
        if record.exc_info:
            entry["traceback"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


def logging_config(*, json_lines: bool, level: str = "INFO") -> dict:
    """Everything to stderr; errors keep their traceback; request errors name the path."""
    formatter = (
        {"()": "hankesalkku.security.JsonLinesFormatter"}
        if json_lines
        else {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"main": formatter},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "main",
            }
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            "django": {"handlers": ["stderr"], "level": level, "propagate": False},
            "django.request": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
            "django.security": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
            # WeasyPrint narrates every step of every PDF at INFO; its warnings still show.
            "weasyprint": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
            "fontTools": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        },
    }
