"""Local development: debug on, an insecure key if none is given, no HTTPS."""

from config.environment import read_environment

from .base import *  # noqa: F403
from .base import ENV

ENV = read_environment(debug_default=True)  # noqa: F811
DEBUG = ENV.debug
SECRET_KEY = ENV.secret_key or "django-insecure-mreza-development-only"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # The threaded dev server writes sessions, previews and revisions at once: writers
    # queue for the lock (IMMEDIATE) and wait for it, rather than fail "database is locked".
    DATABASES["default"]["OPTIONS"] |= {"transaction_mode": "IMMEDIATE", "timeout": 30}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# A local receiver (e.g. http://127.0.0.1:9000/hooks) may take the demo's webhooks.
MREZA = {  # noqa: F405
    **MREZA,  # noqa: F405
    "WEBHOOKS": {**MREZA["WEBHOOKS"], "ALLOW_PRIVATE_ADDRESSES": ENV.webhooks_allow_private},  # noqa: F405
}
