"""Settings come from the environment (see .env.example) so one build runs the demo and production.

SQLite in a git-ignored data folder is the zero-set-up default; DATABASE_URL selects PostgreSQL.
"""

from pathlib import Path

import environ

from hankesalkku.security import (
    content_security_policy,
    logging_config,
    oidc_providers_from_env,
    require_real_secret_key,
)

PACKAGE_DIR = Path(__file__).resolve().parent
env = environ.Env()
environ.Env.read_env(Path.cwd() / ".env")

DATA_DIR = Path(env.str("HANKESALKKU_DATA_DIR", default=str(Path.cwd() / "data")))
if not env.str("DATABASE_URL", default=""):
    DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# A local demo or test run (set by `make demo`, `make test`, pytest and `hankesalkku demo`):
# it may use the built-in key, prints mail to the console and serves plain HTTP.
DEMO = env.bool("HANKESALKKU_DEMO", default=False)
LOCAL = DEBUG or DEMO
SECRET_KEY = require_real_secret_key(env.str("DJANGO_SECRET_KEY", default=""), local=LOCAL)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Accounts before allauth, so that our templates (site-styled, Finnish) replace allauth's own.
    "hankesalkku.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    # Bottom to top: each app imports only from those below it (pyproject.toml, README).
    "hankesalkku.core",
    "hankesalkku.organisations",
    "hankesalkku.sources",
    "hankesalkku.programmes",
    "hankesalkku.projects",
    "hankesalkku.decisions",
    # The lifecycle: apply → assess and decide → pay → report.
    "hankesalkku.applying",
    "hankesalkku.assessment",
    "hankesalkku.payments",
    "hankesalkku.reporting",
    "hankesalkku.documents",
    "hankesalkku.insights",
    "hankesalkku.search",
    "hankesalkku.opendata",
    "hankesalkku.networking",
    "hankesalkku.site",
    "hankesalkku.api",  # /api/v1/: collects each app's api.py ROUTES
    "hankesalkku.demo",
    "hankesalkku.operations",  # backup, restore, serve: reads every table, imports no app
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hankesalkku.core.middleware.IgnoreBrowserLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "hankesalkku.accounts.middleware.MFARequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "hankesalkku.urls"
WSGI_APPLICATION = "hankesalkku.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hankesalkku.site.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'hankesalkku.sqlite3'}"),
}
# A PostgreSQL streaming replica for read-only pages (core.routers); the tests give it an
# alias that mirrors the test database, so the router runs against two aliases.
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
elif env.bool("HANKESALKKU_TEST_REPLICA", default=False):
    DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
HANKESALKKU_READ_REPLICA = env.bool("HANKESALKKU_READ_REPLICA", default=False)
DATABASE_ROUTERS = ["hankesalkku.core.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "site:start"  # the start page: what waits for this person

LANGUAGE_CODE = "fi"
# Each language is named in its own language, as a person looking for theirs reads it.
LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
FORMAT_MODULE_PATH = ["hankesalkku.core.formats"]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "media"

# Uploaded documents are read in memory by the reader; the reader refuses anything larger.
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024

# The five documents our first users handed us; the demo cites them and, when present,
# stores their full text so each quoted sentence can be shown in its document.
SEEDS_DIR = Path(
    env.str("HANKESALKKU_SEEDS_DIR", default=str(Path.cwd().parent / "shared" / "seeds"))
)

# --- Security: Django's deployment checklist. Production is the default; a local demo or
# test run (HANKESALKKU_DEMO=1 or DJANGO_DEBUG=1) serves plain HTTP on 127.0.0.1.
SECURE_COOKIES = env.bool("DJANGO_SECURE_COOKIES", default=not LOCAL)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # htmx takes the token from the page, never from the cookie
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Officials work on shared machines: a session lasts a working day and ends with the browser.
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_SECONDS", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not LOCAL)
SECURE_REDIRECT_EXEMPT = [r"^terveys/$"]  # the load balancer asks over plain HTTP
if env.bool("DJANGO_BEHIND_HTTPS_PROXY", default=False):
    # Only behind a proxy that sets this header itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if LOCAL else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
OIDC_APPS = oidc_providers_from_env()
CONTENT_SECURITY_POLICY = content_security_policy(OIDC_APPS)

# Rate limits and used TOTP codes live in the cache: with several server processes it must be
# shared, e.g. DJANGO_CACHE_URL=dbcache://hankesalkku_cache (after `createcachetable`).
CACHES = {"default": env.cache("DJANGO_CACHE_URL", default="locmemcache://")}

if LOCAL:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    globals().update(env.email_url("DJANGO_EMAIL_URL", default="smtp://localhost:25"))
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="Hankesalkku <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = logging_config(
    json_lines=env.bool("HANKESALKKU_LOG_JSON", default=not LOCAL),
    level=env.str("HANKESALKKU_LOG_LEVEL", default="INFO"),
)

# --- Accounts: allauth for people, MFA for officials, OpenID Connect from the environment.
ACCOUNT_ADAPTER = "hankesalkku.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "hankesalkku.accounts.adapters.SocialAccountAdapter"
MFA_ADAPTER = "hankesalkku.accounts.adapters.MFAAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "none"  # addresses come from an invitation or the administrator
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # no mail to addresses that have no account
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Hankesalkku: "
ACCOUNT_REAUTHENTICATION_TIMEOUT = env.int("HANKESALKKU_REAUTHENTICATION_SECONDS", default=300)
# Five wrong passwords for one account in five minutes (or ten from one address in a
# minute) and even the right password is refused until the window has passed.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = "Hankesalkku"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = LOCAL
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": OIDC_APPS, "OAUTH_PKCE_ENABLED": True}}

# --- Operations (hankesalkku.operations): the production server and request ids in the logs.
# `hankesalkku serve` runs gunicorn (operations/gunicorn_conf.py); whitenoise, right after the
# security middleware, serves /static/ from STATIC_ROOT, which `serve` collects: hashed and
# compressed names in production, the apps' own folders in a demo or test run.
from hankesalkku.operations.request_id import with_request_ids  # noqa: E402

MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
MIDDLEWARE.insert(0, "hankesalkku.operations.request_id.RequestIdMiddleware")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if LOCAL
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = LOCAL
LOGGING = with_request_ids(LOGGING)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers share the SQLite file: readers and the writer do not block each
    # other (WAL), and a service takes the write lock when its transaction begins, waiting up
    # to 20 s for it, instead of failing with "database is locked" halfway through.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }

# --- REST API (hankesalkku.api): the same services and permission functions as the pages.
REST_FRAMEWORK = {
    # A personal token first, so that a revoked one is a 401, not a 403 from the session check.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "hankesalkku.accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "hankesalkku.core.rest.KeysetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "hankesalkku.core.rest.exception_handler",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Hankesalkku API",
    "DESCRIPTION": "Calls, project entities, applications, decisions, commitments, payments "
    "and reports of public funding programmes.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The documentation's JavaScript and CSS ship with the package: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Every amount's qualifier ("enintään", "noin") is one choice set, named once.
    "ENUM_NAME_OVERRIDES": {
        "QualifierEnum": "hankesalkku.core.money.Qualifier",
        "CostCategoryEnum": "hankesalkku.projects.models.CostCategory",
        "IndicatorCategoryEnum": "hankesalkku.reporting.models.IndicatorCategory",
    },
    # Every operation's shared error answers (400/401/403/404 with a JSON body) are declared.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "hankesalkku.api.schema.error_responses",
    ],
}

# --- Background work: Django's task framework (the django-tasks backport), stored in the
# database so that it needs no other service; `hankesalkku db_worker` runs the queue. Tests and
# `HANKESALKKU_TASKS_IMMEDIATE=1` run each task at once, in the request.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if env.bool("HANKESALKKU_TASKS_IMMEDIATE", default=False)
        else "django_tasks_db.DatabaseBackend"
    }
}
