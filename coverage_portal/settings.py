"""Settings for Coverage Portal, read from the environment through django-environ.

With no environment at all the portal runs on a SQLite file with Celery tasks run eagerly,
so a newcomer needs no services. Every variable is documented in `.env.example`.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from coverage_portal import error_reporting, logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
INSECURE_DEV_KEY = "django-insecure-dev-only-do-not-use-in-production"

env = environ.Env()
env_file = BASE_DIR / ".env"
if env_file.exists():
    env.read_env(str(env_file))

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default=INSECURE_DEV_KEY)
if not DEBUG and (SECRET_KEY == INSECURE_DEV_KEY or len(SECRET_KEY) < 40):
    raise ImproperlyConfigured(
        "DEBUG=False needs a real SECRET_KEY: set SECRET_KEY to a random string of at least "
        "40 characters, e.g. the output of "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_celery_beat",
    "django_filters",
    "django_htmx",
    "simple_history",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "regions",
    "participants",
    "agreements",
    "coverage_portal",
    "csp",
]

MIDDLEWARE = [
    "coverage_portal.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "coverage_portal.middleware.DefaultLanguageMiddleware",
    "coverage_portal.middleware.PlainInputMiddleware",
    "coverage_portal.api.language.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coverage_portal.urls"
WSGI_APPLICATION = "coverage_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coverage_portal.context_processors.portal",
                "participants.demo.counts.context",
            ],
        },
    }
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
# A connection that died (PostgreSQL restarted) is replaced, not failed, on the next request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Under `make run` the web server and the worker share the file, and two people may save
    # at once. WAL lets readers go on beside a writer; IMMEDIATE takes the write lock when the
    # transaction begins, so a second writer waits (up to the timeout) instead of failing with
    # "database is locked" when its read lock would have to be upgraded.
    sqlite_options = DATABASES["default"].setdefault("OPTIONS", {})
    sqlite_options.setdefault("timeout", 30)
    sqlite_options.setdefault("transaction_mode", "IMMEDIATE")
    sqlite_options.setdefault(
        "init_command",
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The coverage table's NULLS NOT DISTINCT index is PostgreSQL's only (coverage/models.py).
SILENCED_SYSTEM_CHECKS = ["models.W047"]

REDIS_URL = env.str("REDIS_URL", default="")
CACHES = {
    "default": (
        # An outage costs a page a second at most, never an error (coverage_portal/cache.py).
        {"BACKEND": "coverage_portal.cache.TolerantRedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Throttle password guessing: lock a username+IP pair after repeated failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Collected files; a test collects into a temporary directory of its own.
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "media/"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portal@coverage.local")
# Links in notification emails start with this address.
PORTAL_URL = env.str("PORTAL_URL", default="http://127.0.0.1:8000")

# Celery: without a broker, tasks run in-process so the quick start needs no Redis.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECTION_TIMEOUT", default=3.0)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=300)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=360)
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# With Redis down, a save must not hang: give up publishing quickly (the stale marks stay in
# the database and the sweep below picks them up once Redis is back).
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# Reconnecting after a Redis restart or failover: retry for ever, on startup too; a dead
# connection is noticed by TCP keepalive, socket timeouts and redis-py's health check rather
# than by waiting on it (the Redis transport has no AMQP heartbeats, so broker_heartbeat
# does not apply). A task running when the connection drops is cancelled: it could not be
# acknowledged, recomputes roll back whole, and the stale marks stay for the sweep.
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # A task whose worker died before acknowledging it is handed to another worker after this.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "socket_keepalive": True,
    "socket_timeout": 15.0,  # above the consumer's 1 s BRPOP, so only a dead socket trips it
    "socket_connect_timeout": 5.0,
    "retry_on_timeout": True,
    "health_check_interval": 10,
}
# Liveness guards (coverage_portal/liveness.py): a worker that consumed nothing, or a beat
# that enqueued nothing, for LIVENESS_STALL_SECONDS while Redis answers exits for its
# supervisor to restart; /healthz turns 503 when beat's heartbeat is that old.
LIVENESS_GUARD = env.bool("LIVENESS_GUARD", default=True)
LIVENESS_PROBE_SECONDS = env.float("LIVENESS_PROBE_SECONDS", default=30.0)
LIVENESS_STALL_SECONDS = env.float("LIVENESS_STALL_SECONDS", default=120.0)
if CELERY_BROKER_URL.startswith("filesystem://"):
    # `make run`: kombu's filesystem transport, a broker made of files in var/celery/, so the
    # quick start runs a real worker and beat with no service to install.
    _queue_dir = Path(env.str("CELERY_FILESYSTEM_DIR", default=str(BASE_DIR / "var" / "celery")))
    for _folder in ("queue", "processed", "control"):
        (_queue_dir / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS.update(
        data_folder_in=str(_queue_dir / "queue"),
        data_folder_out=str(_queue_dir / "queue"),
        processed_folder=str(_queue_dir / "processed"),
        control_folder=str(_queue_dir / "control"),
        store_processed=False,
    )
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# A run queued while no worker could take it (a Redis outage, a stopped worker) expires before
# the next one is due, so a recovering worker does not replay a backlog of the same job.
_SWEEP_SECONDS = env.float("COVERAGE_SWEEP_SECONDS", default=60.0)
CELERY_BEAT_SCHEDULE: dict[str, dict] = {
    "worker-heartbeat": {
        "task": "regions.tasks.record_heartbeat",
        "schedule": LIVENESS_PROBE_SECONDS,
        "options": {"expire_seconds": int(LIVENESS_PROBE_SECONDS)},
    },
    # Stale marks live in PostgreSQL: whatever a Redis outage dropped, this picks up.
    "coverage-sweep-stale": {
        "task": "participants.tasks.recompute_stale",
        "schedule": _SWEEP_SECONDS,
        "options": {"expire_seconds": int(_SWEEP_SECONDS)},
    },
    "coverage-nightly-full-recompute": {
        "task": "participants.tasks.nightly_full_recompute",
        "schedule": crontab(hour=1, minute=30),
        "options": {"expire_seconds": 4 * 3600},
    },
    "participants-sweep-import-previews": {
        "task": "participants.transfer.tasks.sweep_import_previews",
        "schedule": crontab(minute=15),
        "options": {"expire_seconds": 3600},
    },
    "participants-rules-nightly": {
        "task": "participants.rules.tasks.rules_nightly",
        "schedule": crontab(hour=2, minute=30),
        "options": {"expire_seconds": 4 * 3600},
    },
    "agreements-daily-reminders": {
        "task": "agreements.tasks.daily_reminders",
        "schedule": crontab(hour=6, minute=0),
        "options": {"expire_seconds": 12 * 3600},
    },
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}

# Security. Production (DEBUG=False) is HTTPS-only by default; every switch can be set, so a
# plain-HTTP server on 127.0.0.1 (the serving test, the load benchmark) turns them off by name.
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# The container's health check asks for /healthz over plain HTTP from inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# X-Forwarded-Proto and X-Forwarded-For are only believed from a TLS proxy the operator
# declares: a client talking to gunicorn directly could otherwise claim HTTPS or any address.
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    AXES_CLIENT_IP_CALLABLE = "coverage_portal.middleware.client_ip_behind_proxy"

# Logging: LOG_FORMAT=json prints one JSON object a line, each with the request id.
LOG_FORMAT = env.str("LOG_FORMAT", default="text")
LOGGING = logging_config.dict_config(level=env.str("LOG_LEVEL", default="INFO"), fmt=LOG_FORMAT)
# Start-up notes every command would print: axes' version banner, and kombu's "No hostname"
# for the quick start's brokers (none, or the filesystem), which have no host to name.
LOGGING["loggers"]["axes.apps"] = {"level": "WARNING"}
if not CELERY_BROKER_URL or CELERY_BROKER_URL.startswith("filesystem://"):
    LOGGING["loggers"]["kombu.connection"] = {"level": "ERROR"}
# Celery would replace the root logger's handlers with its own plain-text ones.
CELERY_WORKER_HIJACK_ROOT_LOGGER = LOG_FORMAT != "json"

# Error reporting is off unless a DSN is given.
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    error_reporting.start(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

# Monthly reports are due on this day of the following month (Inpres 2/2021 reporting).
REPORT_DEADLINE_DAY = env.int("REPORT_DEADLINE_DAY", default=10)

# Uploaded agreement/meeting documents larger than this are refused.
DOCUMENT_MAX_MB = env.int("DOCUMENT_MAX_MB", default=20)

# --- API and open data (coverage_portal/api/, coverage_portal/public/) ------------------------
# REST_KNOX, SPECTACULAR_SETTINGS and the public page's cache and rate, read by name.
from coverage_portal.api.conf import *  # noqa: E402, F403

INSTALLED_APPS += ["knox", "drf_spectacular_sidecar"]
REST_FRAMEWORK.update(API_SETTINGS)  # type: ignore[arg-type]  # noqa: F405
# JSON bodies are bounded in size and depth before they are parsed (coverage_portal/api/parsers.py).
REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"] = [
    "coverage_portal.api.parsers.BoundedJSONParser",
    "rest_framework.parsers.FormParser",
    "rest_framework.parsers.MultiPartParser",
]
# Output safety, in every environment: a Content-Security-Policy (django-csp) that runs only
# the portal's own script files, never inline script or on* attributes; user text reaches
# JavaScript through json_script and textContent. Browsers must not guess content types,
# and other sites learn no paths of the portal from the Referer header.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # Style attributes stay allowed: htmx settles a swapped element by copying its old
        # attributes, Leaflet's and Chart.js's sizes among them. Styles cannot run script.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "csp.middleware.CSPMiddleware",
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
