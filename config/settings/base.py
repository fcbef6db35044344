"""Settings shared by every mode; values that vary come from config.environment only."""

from urllib.parse import urlsplit

import dj_database_url
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
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
    DATABASES["default"]["CONN_MAX_AGE"] = 0
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
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"network": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
