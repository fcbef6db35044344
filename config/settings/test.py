"""Test runs: fast hashing, in-memory e-mail and cache, media in a temporary folder (conftest)."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "mreza-tests-only"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://localhost"
# Static files come from the finders in tests; nothing is collected.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Webhook tests deliver to receivers on loopback.
MREZA = {**MREZA, "WEBHOOKS": {**MREZA["WEBHOOKS"], "ALLOW_PRIVATE_ADDRESSES": True}}  # noqa: F405
