"""Settings bench.bench_api serves the API with: production's, plus the bench URLs.

bench.bench_api sets the environment (DEBUG off, a random SECRET_KEY, no HTTPS redirect on
loopback, the cache). Without Redis it asks for a file-based cache, which both gunicorn
workers share, through MREZA_BENCH_FILE_CACHE: config.environment knows only locmem, dummy
and Redis caches, and a bench-only backend does not belong there.
"""

import os

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# Production's manifest storage needs a collectstatic run (a minute, compressing the admin's
# files) before any representation that links a static file; the URLs cost the same without.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

if os.environ.get("MREZA_BENCH_FILE_CACHE"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ["MREZA_BENCH_FILE_CACHE"],
        }
    }
