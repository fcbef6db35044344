"""The one place where Mreža reads its configuration from the process environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}
SEARCH_ENGINES = ("database", "elasticsearch")


def _bool(environ: Mapping[str, str], name: str, default: bool) -> bool:
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no; got {raw!r}.")


def _list(environ: Mapping[str, str], name: str, default: list[str]) -> list[str]:
    raw = environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def _int(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise ImproperlyConfigured(f"{name} must be a whole number of 0 or more; got {raw!r}.")
    return value


def _meta_header(name: str | None) -> str | None:
    """An HTTP header name (``X-Forwarded-For``) as Django's request.META key."""
    if not name or not name.strip():
        return None
    return "HTTP_" + name.strip().upper().replace("-", "_")


RATE_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def _rate(environ: Mapping[str, str], name: str, default: str) -> str:
    """A rate such as ``600/minute``; ``off`` switches the limit off."""
    raw = environ.get(name, default).strip().lower()
    if raw == "off":
        return raw
    count, _, period = raw.partition("/")
    if not (count.isdigit() and int(count) > 0 and period in RATE_PERIODS):
        raise ImproperlyConfigured(
            f"{name} must look like 600/minute (per second, minute, hour or day) or be off; "
            f"got {raw!r}."
        )
    return raw


@dataclass(frozen=True)
class Environment:
    """Typed view of the environment variables Mreža understands (see docs/configuration.md)."""

    debug: bool
    secret_key: str | None
    allowed_hosts: list[str]
    csrf_trusted_origins: list[str]
    database_url: str
    cache_url: str
    media_root: Path
    static_root: Path
    media_url: str
    static_url: str
    search_engine: str
    elasticsearch_url: str | None
    admin_base_url: str
    email_url: str
    languages: list[str] = field(default_factory=lambda: ["sl", "cs", "en"])
    default_language: str = "sl"
    secure_ssl_redirect: bool = True
    tasks_backend: str = "django_tasks.backends.immediate.ImmediateBackend"
    cors_allowed_origins: list[str] = field(default_factory=list)
    api_cache_seconds: int = 300
    api_rate_limits: dict[str, str] = field(default_factory=dict)
    api_client_ip_header: str | None = None
    webhooks_allow_private: bool = False


def read_environment(
    environ: Mapping[str, str] | None = None, *, debug_default: bool
) -> Environment:
    """Read and validate every setting Mreža takes from the environment."""
    environ = os.environ if environ is None else environ
    search_engine = environ.get("MREZA_SEARCH_ENGINE", "database").strip().lower()
    if search_engine not in SEARCH_ENGINES:
        raise ImproperlyConfigured(
            f"MREZA_SEARCH_ENGINE must be one of {', '.join(SEARCH_ENGINES)}; "
            f"got {search_engine!r}."
        )
    if search_engine == "elasticsearch" and not environ.get("ELASTICSEARCH_URL"):
        raise ImproperlyConfigured(
            "MREZA_SEARCH_ENGINE=elasticsearch needs ELASTICSEARCH_URL, e.g. http://127.0.0.1:9200."
        )
    languages = _list(environ, "MREZA_LANGUAGES", ["sl", "cs", "en"])
    default_language = environ.get("MREZA_DEFAULT_LANGUAGE", languages[0] if languages else "sl")
    if default_language not in languages:
        raise ImproperlyConfigured(
            f"MREZA_DEFAULT_LANGUAGE {default_language!r} is not in MREZA_LANGUAGES {languages}."
        )
    return Environment(
        debug=_bool(environ, "DJANGO_DEBUG", debug_default),
        secret_key=environ.get("SECRET_KEY") or None,
        allowed_hosts=_list(environ, "ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1"]),
        csrf_trusted_origins=_list(environ, "CSRF_TRUSTED_ORIGINS", []),
        database_url=environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        cache_url=environ.get("CACHE_URL", "locmem://"),
        media_root=Path(environ.get("MEDIA_ROOT", BASE_DIR / "media")),
        static_root=Path(environ.get("STATIC_ROOT", BASE_DIR / "staticfiles")),
        media_url=environ.get("MEDIA_URL", "/media/"),
        static_url=environ.get("STATIC_URL", "/static/"),
        search_engine=search_engine,
        elasticsearch_url=environ.get("ELASTICSEARCH_URL") or None,
        admin_base_url=environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000"),
        email_url=environ.get("EMAIL_URL", "console://"),
        languages=languages,
        default_language=default_language,
        secure_ssl_redirect=_bool(environ, "SECURE_SSL_REDIRECT", True),
        tasks_backend=environ.get(
            "MREZA_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        ),
        cors_allowed_origins=_list(environ, "CORS_ALLOWED_ORIGINS", []),
        webhooks_allow_private=_bool(environ, "MREZA_WEBHOOKS_ALLOW_PRIVATE", debug_default),
        api_client_ip_header=_meta_header(environ.get("MREZA_API_CLIENT_IP_HEADER")),
        api_cache_seconds=_int(environ, "MREZA_API_CACHE_SECONDS", 300),
        api_rate_limits={
            "listing": _rate(environ, "MREZA_API_RATE_LISTING", "600/minute"),
            "search": _rate(environ, "MREZA_API_RATE_SEARCH", "120/minute"),
        },
    )


def cache_config(url: str) -> dict:
    """Turn CACHE_URL (locmem://, dummy://, redis://host:port/db) into a CACHES entry."""
    if url.startswith("locmem://"):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "mreza"}
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "config.redis_cache.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured(
        f"CACHE_URL must start with locmem://, dummy:// or redis://; got {url!r}."
    )


def email_backend(url: str) -> str:
    """Turn EMAIL_URL (console://, locmem://, smtp://) into an EMAIL_BACKEND path."""
    scheme = url.split("://", 1)[0]
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
    }
    if scheme not in backends:
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with console://, locmem:// or smtp://; got {url!r}."
        )
    return backends[scheme]
