"""Settings for thidua.

One module, driven by environment variables. With no environment at all it boots for
development: SQLite, Celery in eager mode, DEBUG on. ``DJANGO_DEBUG=false`` is production:
it refuses to start without a secret key and allowed hosts, and turns on every
``check --deploy`` protection.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "testserver"]
else:
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY (50+ characters) is required in production")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is required in production")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "axes",
    "emulation",
    "units",
    "clusters",
    "accounts",
    "awards",
    "documents",
    "portal",
    "demo",
]

MIDDLEWARE = [
    # Compresses every page for browsers that accept it (the score grid's HTML shrinks about
    # tenfold); Django's BREACH mitigation pads each response. Static files: WhiteNoise.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "emulation.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "emulation.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Every page needs a signed-in user; the few public views say so (login_not_required).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Last: turns a login refused for too many failures into the lockout page (429).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "emulation.context_processors.roles",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves parallel requests (the grid's autosaves): WAL lets reads go
    # on beside a write, IMMEDIATE takes the write lock when a transaction starts (a deferred
    # one that upgrades later fails at once with "database is locked"), and a writer waits
    # up to 20 s for its turn instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests run on a file too, not in memory: the live server's request threads then have
    # connections of their own, as under `make run`, instead of sharing the test's one.
    _db_file = Path(DATABASES["default"]["NAME"])
    if _db_file.name != ":memory:":
        DATABASES["default"]["TEST"] = {"NAME": str(_db_file.with_name(f"test_{_db_file.name}"))}
# A test database kept on disk, for `pytest --reuse-db` (the mutation run, docs/testing.md).
# Two mutants may share it at once: wait for the other's transaction rather than fail.
if env_str("TEST_DATABASE_NAME", ""):
    DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_DATABASE_NAME", "")}
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 60
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "emulation.passwords.MinimumLengthValidator"},  # its message in Vietnamese
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# Where the core (emulation.roles.scope_of) reads a user's roles: the accounts app keeps them,
# above clusters, since a role may name a cluster.
ROLE_ROWS = "accounts.selectors.role_rows"
# The key of the audit trail's hash chain (emulation.audit_chain). Set it once and never
# change it: entries sealed under another key no longer verify. Not stored in the database.
AUDIT_CHAIN_KEY = env_str("AUDIT_CHAIN_KEY") or "audit-chain:" + SECRET_KEY
# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT failed logins for one account, or
# from one address, that account or address may not log in for LOGIN_COOLOFF_MINUTES; every
# failure is recorded (axes' access failure log, shown in the admin).
AUTHENTICATION_BACKENDS = [
    "emulation.auth.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "emulation.auth_views.locked_out"
AXES_CLIENT_IP_CALLABLE = "emulation.auth.client_ip"
AXES_VERBOSE = False
# Behind nginx every request comes from 127.0.0.1: name the header nginx sets to the client's
# address (``proxy_set_header X-Real-IP $remote_addr`` → ``HTTP_X_REAL_IP``). Only set it when
# a proxy that overwrites the header is always in front.
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER")
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Vietnamese first; English one click away.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers follow the language; config/formats/vi writes dates day/month/year.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # Uploads (evidence, generated reports) live outside the web root and are
        # only ever served through views that check permissions.
        "OPTIONS": {"location": env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private"))},
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000  # a 10 x 40 score grid posts ~2,000 fields
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
# Spreadsheet imports, all read by emulation.spreadsheets (the one bounded reader): the upload,
# its unpacked parts, the rows of the sheet (its header included). A file read while the page
# waits (the score grid, the scoring table):
SPREADSHEET_MAX_BYTES = env_int("SPREADSHEET_MAX_BYTES", 5 * 1024 * 1024)
SPREADSHEET_MAX_UNCOMPRESSED_BYTES = env_int("SPREADSHEET_MAX_UNCOMPRESSED_BYTES", 50 * 1024 * 1024)
SPREADSHEET_MAX_ROWS = env_int("SPREADSHEET_MAX_ROWS", 5000)
# A ministry's lists (emulation/imports), streamed by the worker a chunk at a time: a national
# ministry's 200,000 people-year rows are ~8 MB of .xlsx, ~60 MB unpacked.
SPREADSHEET_WORKER_MAX_BYTES = env_int("SPREADSHEET_WORKER_MAX_BYTES", 30 * 1024 * 1024)
SPREADSHEET_WORKER_MAX_UNCOMPRESSED_BYTES = env_int(
    "SPREADSHEET_WORKER_MAX_UNCOMPRESSED_BYTES", 300 * 1024 * 1024
)
SPREADSHEET_WORKER_MAX_ROWS = env_int("SPREADSHEET_WORKER_MAX_ROWS", 250_000)
# Both: no part over 1 MB may be compressed more than this many times (a zip bomb).
SPREADSHEET_MAX_RATIO = 100
# Emulation years the application accepts anywhere (URLs, forms, services, reports): from
# THIDUA_FIRST_YEAR to next year (THIDUA_YEARS_AHEAD after the current one).
THIDUA_FIRST_YEAR = env_int("THIDUA_FIRST_YEAR", 2000)
THIDUA_YEARS_AHEAD = env_int("THIDUA_YEARS_AHEAD", 1)
# /health/?worker=1 sends a task through a worker: for monitoring only (staff, or this token
# in the X-Health-Token header); empty = staff only.
HEALTH_WORKER_TOKEN = env_str("HEALTH_WORKER_TOKEN")
# An invitation to set one's own password is valid this long (Django's token machinery).
INVITATION_TIMEOUT = env_int("INVITATION_TIMEOUT", 3 * 24 * 60 * 60)

# Signing issued papers (documents.signing: PAdES): the issuing body's certificate, a PKCS#12
# file, and its passphrase; the roots a signed PDF's certificate must chain to (PEM or DER
# files, separated by ":"), checked offline. In development (DEBUG) without a certificate,
# papers are signed with the demo certificate that `manage.py demo_certificate` (run by
# `make run`) writes under var/signing/, marked "DEMO – không có giá trị pháp lý", and its
# root is trusted; in production nothing is signed until THIDUA_SIGNING_P12 is set.
SIGNING_P12_PATH = env_str("THIDUA_SIGNING_P12")
SIGNING_P12_PASSPHRASE = env_str("THIDUA_SIGNING_PASSPHRASE")
SIGNING_P12_PASSPHRASE_FILE = ""
SIGNING_TRUST_ROOTS = [
    path.strip() for path in env_str("THIDUA_SIGNING_TRUST_ROOTS").split(":") if path.strip()
]
SIGNING_DEMO_DIR = BASE_DIR / "var" / "signing"
if DEBUG and not SIGNING_P12_PATH:
    SIGNING_P12_PATH = str(SIGNING_DEMO_DIR / "demo-signer.p12")
    SIGNING_P12_PASSPHRASE_FILE = str(SIGNING_DEMO_DIR / "demo-passphrase")
    SIGNING_TRUST_ROOTS.append(str(SIGNING_DEMO_DIR / "demo-root.pem"))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Celery: eager (in-process) unless a broker is configured.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# Tasks record their outcome in the database (e.g. a report's status); results are kept
# only for the few tasks that ask for them (the health check's ping).
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", CELERY_BROKER_URL) or None
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 300
CELERY_TASK_TIME_LIMIT = 360
# A report build: soft limit (the version is failed with a message), hard limit (the child is
# killed), and its lease: a build whose lease has lapsed is taken over by the next delivery or
# by the sweep below (docs/reliability.md).
REPORT_BUILD_SOFT_TIME_LIMIT = 240
REPORT_BUILD_TIME_LIMIT = 300
REPORT_BUILD_LEASE_SECONDS = env_int("REPORT_BUILD_LEASE_SECONDS", REPORT_BUILD_TIME_LIMIT + 30)
REPORT_BUILD_MAX_ATTEMPTS = 3
# A task taken by a worker that then died is handed out again after the visibility timeout:
# just above the longest hard time limit, so a task still running is never handed out twice
# (and the build's lease makes a second copy harmless anyway). The worker looks for such
# tasks every ``unacked_restore_interval`` seconds.
CELERY_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", CELERY_TASK_TIME_LIMIT + 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    "unacked_restore_interval": min(10, CELERY_VISIBILITY_TIMEOUT),
    "unacked_restore_throttle": 1,
}
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # Takes over report builds whose worker died and re-sends requests whose message was lost.
    "report-versions-sweep": {
        "task": "documents.sweep_report_versions",
        "schedule": 60,
    },
    "paper-versions-sweep": {
        "task": "documents.sweep_paper_versions",
        "schedule": 60,
    },
    # Emails secretaries a week before a deadline they have not met (once per deadline).
    "awards-deadline-reminders": {
        "task": "awards.tasks.send_deadline_reminders",
        "schedule": 6 * 60 * 60,
    },
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "thidua@localhost")
# The site's address as users reach it: links in e-mails (invitations) are built on it.
SITE_URL = env_str("SITE_URL", "http://localhost:8000")
# The public address printed on papers under their QR code (/v/<code>/, no login needed).
PUBLIC_BASE_URL = env_str("THIDUA_PUBLIC_BASE_URL", "http://127.0.0.1:8000")

# The cache: Redis when CACHE_URL names one, as in production, shared by every web process
# (the verification page's request counts, the sessions, the cached page fragments); otherwise
# local memory, one per process (fragments are keyed by the data's version, so a process never
# serves another's stale copy; sessions then stay in the database alone). The Redis backend
# fails open (emulation.cache): Redis down is a cache that holds nothing, never an error page.
# CELERY_BROKER_URL alone does not turn it on: the broker's Redis database is not the cache's
# (clearing a cache empties its database, queued tasks included); give the cache its own index.
CACHE_URL = env_str("CACHE_URL")
CACHES = {
    "default": {
        "BACKEND": "emulation.cache.FailOpenRedisCache",
        "LOCATION": CACHE_URL,
        # An unreachable host must not hold a request for long (then 5 s without asking).
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
    }
    if CACHE_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
# How long a page fragment stays cached (its key changes with the data before that).
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 86400)
# Sessions: read from Redis, kept in PostgreSQL (a per-process cache would keep a logged-out
# session alive in the other processes, so none without Redis). The cached copy lives at most
# SESSION_CACHE_SECONDS (emulation.sessions).
SESSION_ENGINE = "emulation.sessions" if CACHE_URL else "django.contrib.sessions.backends.db"
SESSION_CACHE_SECONDS = 300
# The public verification page (documents.verify): requests per client address (django-
# ratelimit's "N/s|m|h|d"), counted in the cache above; the address is the one login throttling
# reads (CLIENT_IP_HEADER behind the proxy). django_ratelimit is not an installed app: that
# would only register its cache check, which refuses local memory (the embedded default) and
# warns about Django's own Redis backend, shared and atomic though it is
# (jsocol/django-ratelimit#283), so `check --deploy` could never be clean.
VERIFY_RATE = env_str("VERIFY_RATE", "30/m")
# With the cache unreachable the page answers unthrottled rather than refusing everyone (its
# codes are random: 12 characters, not guessable one request at a time).
RATELIMIT_FAIL_OPEN = True
RATELIMIT_IP_META_KEY = "emulation.auth.client_ip"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# Demo accounts' password: set only by ``seed_demo``, which refuses to run in production.
DEMO_PASSWORD = "thidua-demo"
