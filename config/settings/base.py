"""Settings shared by every mode; values that vary come from config.environment only."""

from urllib.parse import urlsplit

import dj_database_url
from corsheaders.defaults import default_headers as default_cors_headers
from django.utils.translation import gettext_lazy as _

from config.environment import BASE_DIR, Environment, cache_config, email_backend, read_environment

ENV: Environment = read_environment(debug_default=False)

DEBUG = ENV.debug
SECRET_KEY = ENV.secret_key
ALLOWED_HOSTS = ENV.allowed_hosts
CSRF_TRUSTED_ORIGINS = ENV.csrf_trusted_origins

INSTALLED_APPS = [
    "network",
    "sites",
    "blocks",
    "headless",
    "webhooks",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api",
    "wagtail",
    "recurrence",
    "modelcluster",
    "taggit",
    "django_filters",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CORS answers preflights before anything else looks at an API request.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every POST/PUT/PATCH/DELETE in one transaction: a publish commits with its webhook event.
    "config.transactions.WriteTransactionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The API's rate limits, then its HTTP cache (a limited client is refused even cached data).
    "headless.ratelimit.RateLimitMiddleware",
    "headless.caching.APICacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "config" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(ENV.database_url, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while a management command writes.
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL;"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": cache_config(ENV.cache_url)}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: every locale of the network; each site chooses the ones it publishes in.
LANGUAGE_NAMES = {"sl": _("Slovenian"), "cs": _("Czech"), "en": _("English")}
LANGUAGE_CODE = ENV.default_language
LANGUAGES = [(code, LANGUAGE_NAMES.get(code, code)) for code in ENV.languages]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Ljubljana"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "config" / "static"]
STATIC_URL = ENV.static_url
STATIC_ROOT = ENV.static_root
MEDIA_URL = ENV.media_url
MEDIA_ROOT = ENV.media_root
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = email_backend(ENV.email_url)
if ENV.email_url.startswith("smtp://"):
    _smtp = urlsplit(ENV.email_url)
    EMAIL_HOST = _smtp.hostname or "localhost"
    EMAIL_PORT = _smtp.port or 25
    EMAIL_HOST_USER = _smtp.username or ""
    EMAIL_HOST_PASSWORD = _smtp.password or ""
DEFAULT_FROM_EMAIL = "Mreža <noreply@localhost>"

WAGTAIL_SITE_NAME = "Mreža"
WAGTAILADMIN_BASE_URL = ENV.admin_base_url
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # so document privacy is enforced by Wagtail
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILAPI_DOCS_ENABLED = True
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None  # off by default; see docs/languages.md

# Background tasks (django-tasks, as Wagtail 8 uses): in-process by default; production sets
# MREZA_TASKS_BACKEND=django_tasks_db.DatabaseBackend and runs `manage.py db_worker`.
TASKS = {"default": {"BACKEND": ENV.tasks_backend}}

# The headless API (docs/api.md): cross-origin frontends allowed by the environment.
CORS_ALLOWED_ORIGINS = ENV.cors_allowed_origins
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_HEADERS = (*default_cors_headers, "if-none-match")
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Last-Modified",
    "Retry-After",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
]
WAGTAILAPI_LIMIT_MAX = 100

# The project's own settings, checked by network.checks.
MREZA = {
    # The network search engine (issue: cross-site search) is chosen here, not in code.
    "SEARCH_ENGINE": {"NAME": ENV.search_engine, "OPTIONS": {"URL": ENV.elasticsearch_url}},
    "COORDINATORS_GROUP": "Network coordinators",
    "SITE_TIME_ZONES": ["Europe/Ljubljana", "Europe/Prague"],
    "PHONE_REGIONS": ["SI", "CZ"],
    # Whose public holidays a schedule skips when "not on public holidays" is ticked.
    "HOLIDAY_COUNTRIES": {"Europe/Ljubljana": "SI", "Europe/Prague": "CZ"},
    "CALENDAR": {
        # Occurrences are materialised this far ahead (the daily sync_occurrences extends it)
        "HORIZON_DAYS": 548,
        # ...and kept this far back, for past months of the calendar.
        "HISTORY_DAYS": 365,
        # One occurrence may last at most this long; longer programmes repeat.
        "MAX_OCCURRENCE_DAYS": 31,
        # The longest date range a listing, feed or API query may ask for.
        "MAX_RANGE_DAYS": 366,
    },
    # Registrations for an event or programme are deleted this many days after it ends
    # (manage.py purge_registrations, run daily); the consent text tells people so.
    "REGISTRATION_RETENTION_DAYS": 30,
    # The headless API (headless/): HTTP caching, rate limits and preview tokens.
    "API": {
        # Cache-Control of GET responses by path prefix under /api/v3/ (longest prefix wins).
        "CACHE_CONTROL": {
            "": "public, max-age=60",
            "pages/": "public, max-age=60, stale-while-revalidate=300",
            "occurrences/": "public, max-age=300",
            "network/": "public, max-age=300",
            "search/": "public, max-age=30",
            "preview/": "private, no-store",
            "images/": "public, max-age=300",
            "documents/": "public, max-age=300",
        },
        # Anonymous GET representations are kept in the cache this long at most; any
        # publish, unpublish, move, delete or snippet change invalidates them at once.
        "CACHE_SECONDS": ENV.api_cache_seconds,
        # Requests per client (token, else IP address) and window, per group of endpoints.
        "RATE_LIMITS": ENV.api_rate_limits,
        # Behind a proxy, the request header carrying the client's address (else REMOTE_ADDR).
        "CLIENT_IP_HEADER": ENV.api_client_ip_header,
        # Seconds a headless preview link stays valid.
        "PREVIEW_TOKEN_SECONDS": 600,
    },
    # Publish webhooks (webhooks/): delivery timeout and retry schedule.
    "WEBHOOKS": {
        "TIMEOUT_SECONDS": 5,
        # Short, so a publish (which sends at once with the in-process task backend) never
        # waits long on a receiver that is down.
        "CONNECT_TIMEOUT_SECONDS": 2,
        # Retries wait BACKOFF_SECONDS * 2**attempt, capped at MAX_BACKOFF_SECONDS; a
        # delivery is given up (and shown as failed in the admin) after MAX_ATTEMPTS.
        "BACKOFF_SECONDS": 10,
        "MAX_BACKOFF_SECONDS": 3600,
        "MAX_ATTEMPTS": 20,
        # Delivery log rows are kept this many days.
        "LOG_RETENTION_DAYS": 30,
        # Receivers on loopback or private networks (webhooks/addresses.py): off in
        # production, against server-side request forgery; on in development and tests.
        "ALLOW_PRIVATE_ADDRESSES": ENV.webhooks_allow_private,
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"network": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
