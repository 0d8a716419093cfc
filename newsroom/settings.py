"""Settings for Newsroom.

One file for every environment. Everything that differs between a laptop and
production comes from environment variables; the defaults run the site with
nothing else installed (SQLite, DEBUG on, an in-process cache).

Production sets at least: DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS,
DATABASE_URL and (with several app servers) REDIS_URL. ``manage.py check --deploy``
is clean with those set.
"""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    # A development key derived from the checkout's path: stable across restarts
    # (sessions survive the autoreloader) and never used in production.
    SECRET_KEY = "django-insecure-" + hashlib.sha256(str(BASE_DIR).encode()).hexdigest()

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Demo accounts and demo content are a development convenience only.
DEMO_CONTENT_ENABLED = env_bool("NEWSROOM_DEMO_CONTENT", DEBUG)

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "django_tasks_db",
    "axes",
    "newsroom.articles",
    "newsroom.feedback",
    "newsroom.ingest",
    "newsroom.pagecache",
    "newsroom.ops",
    "newsroom.translation_desk",
]

MIDDLEWARE = [
    # First, so no view and no cache key ever sees a control character from the URL.
    "newsroom.ops.querystring.QueryStringMiddleware",
    # Cached public pages are answered here, before any other middleware: a page is stored
    # with the headers the whole chain below gave it (security headers, CSP included).
    "newsroom.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "newsroom.ops.security.SecurityHeadersMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so it sees a view's exception first: a lost database is a 503, not a 500.
    "newsroom.ops.outage.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

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
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom"),
            # Fail fast when Redis is down (feedback then refuses politely, see
            # newsroom/feedback/protection.py) instead of hanging a worker.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages (newsroom/pagecache): in Redis through a kept connection pool when set,
# else in the default cache. Every process checks this often for page invalidations
# that were lost while Redis was unreachable.
PAGE_CACHE_URL = os.environ.get("PAGE_CACHE_URL", REDIS_URL)
PAGE_CACHE_RESYNC_SECONDS = int(os.environ.get("PAGE_CACHE_RESYNC_SECONDS", "30"))

# Background work (django.tasks). The database backend keeps the queue in the main
# database, so every worker on every host (``manage.py db_worker``) shares it; ``make run``
# starts one beside runserver. NEWSROOM_TASKS_BACKEND=immediate runs each task inside
# the request that enqueued it (the test suite does this for task bodies).
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
_tasks_backend = os.environ.get("NEWSROOM_TASKS_BACKEND", "database")
if _tasks_backend not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"NEWSROOM_TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {_tasks_backend!r}."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_tasks_backend]}}
# A job or import run still "running" after this long was left behind by a worker that
# died (a fetch has a 15 s deadline); the next poll or worker pass marks it failed.
NEWSROOM_STALE_JOB_SECONDS = int(os.environ.get("NEWSROOM_STALE_JOB_SECONDS", "900"))

# The feed fetcher only connects to public internet addresses (newsroom/ingest/fetch.py).
# True also allows loopback (127.0.0.0/8, ::1): for tests and a feed served on this
# machine during development, never in production.
INGEST_ALLOW_LOOPBACK = env_bool("NEWSROOM_INGEST_ALLOW_LOOPBACK", False)

# Machine suggestions at the translation desk. DeepL is used when a key is set (the
# free-plan keys ending in ":fx" reach DeepL's free endpoint on their own);
# DEEPL_SERVER_URL points elsewhere (the tests run a local stand-in). A suggestion is
# asked for in a page view, so it gives up after DEEPL_TIMEOUT_SECONDS and retries
# DEEPL_RETRIES times at most.
DEEPL_AUTH_KEY = os.environ.get("DEEPL_AUTH_KEY", "")
DEEPL_SERVER_URL = os.environ.get("DEEPL_SERVER_URL", "")
DEEPL_TIMEOUT_SECONDS = float(os.environ.get("DEEPL_TIMEOUT_SECONDS", "10"))
DEEPL_RETRIES = int(os.environ.get("DEEPL_RETRIES", "1"))
# How long a preview link for an outside reviewer stays valid unless told otherwise.
PREVIEW_LINK_DAYS = int(os.environ.get("NEWSROOM_PREVIEW_LINK_DAYS", "7"))

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses locked-out logins before the password
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling (django-axes): five wrong passwords lock the account, and separately
# the client address, for 15 minutes. Counted in the shared cache (Redis with several
# app servers): no database rows and no stored address. The address is read as the
# feedback form reads it (NEWSROOM_CLIENT_ADDRESS_HEADER, NEWSROOM_TRUSTED_PROXY_COUNT).
AXES_HANDLER = "newsroom.ops.throttle.CacheOutageTolerantHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("NEWSROOM_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("NEWSROOM_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "newsroom.feedback.protection.client_address"
AXES_LOCKOUT_CALLABLE = "newsroom.ops.throttle.lockout_response"
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False  # its admin lists database rows the cache handler never writes

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. English is the default and the fallback; every interface string
# has a Dutch translation in locale/nl/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("nl", _("Dutch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Amsterdam")
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "nl")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "nl")}
# The admin's language tabs use jQuery UI; we serve it ourselves (no CDN, CSP 'self').
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

TAGGIT_CASE_INSENSITIVE = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Word and PDF exports, built by the task worker and served by the app: not under
# MEDIA_ROOT (drafts' previews must have no URL) and not backed up (they are rebuilt).
# Every app server and worker must share this folder (see README, "Background jobs").
NEWSROOM_EXPORTS_ROOT = Path(os.environ.get("NEWSROOM_EXPORTS_ROOT", BASE_DIR / "exports"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "exports": {"BACKEND": "newsroom.articles.export.files.ExportStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "admin:login"

# Security. Strict defaults; HTTPS-only settings switch on with DEBUG off.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "media-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # the feedback form's script reads it to submit in place
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
# includeSubDomains and preload bind every subdomain (and, once on the browsers' preload
# list, for months): the operator says so explicitly; DEBUG off does not imply them.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    # An explicit "0" is a decision, not an oversight: check --deploy stays quiet about it.
    *(["security.W005"] if os.environ.get("DJANGO_HSTS_INCLUDE_SUBDOMAINS") == "0" else []),
    *(["security.W021"] if os.environ.get("DJANGO_HSTS_PRELOAD") == "0" else []),
]
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Other sites may not embed our pages or files (uploaded images answer "same-site").
NEWSROOM_CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "newsroom.ops.security.csrf_failure"
# Uploaded images: served by the app at MEDIA_URL unless the proxy serves the folder
# itself (then NEWSROOM_SERVE_MEDIA=0; see README, "Production").
NEWSROOM_SERVE_MEDIA = env_bool("NEWSROOM_SERVE_MEDIA", True)
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Anonymous reader feedback (newsroom/feedback). The client's address is read from a
# proxy header only when one is named here; the address itself is never stored.
FEEDBACK_CLIENT_ADDRESS_HEADER = os.environ.get("NEWSROOM_CLIENT_ADDRESS_HEADER", "")
FEEDBACK_TRUSTED_PROXY_COUNT = int(os.environ.get("NEWSROOM_TRUSTED_PROXY_COUNT", "1"))
FEEDBACK_MIN_SECONDS = 3  # a form sent sooner than this was not typed by a person
FEEDBACK_MAX_AGE = 24 * 60 * 60  # a form older than this is refused
FEEDBACK_RATE_LIMITS = [(1, 15), (20, 60 * 60)]  # (submissions, per seconds) per client

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Django's default config gives "django" a console handler of its own; it also reached
    # the root's, so each of its lines was printed twice. One handler, no propagation.
    "loggers": {
        "django": {
            "handlers": ["console"],
            "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        # PDF export: WeasyPrint logs each rendering step and every screen-only CSS rule it
        # skips; only its errors are worth a line.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}
