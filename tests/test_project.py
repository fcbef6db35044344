"""Project hygiene the suite enforces: system checks, migrations, lint, deploy settings."""

import os
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from config.environment import read_environment

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        args, cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_models_and_migrations_are_in_step():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def test_ruff_lint_and_format():
    lint = run(sys.executable, "-m", "ruff", "check", ".")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    formatting = run(sys.executable, "-m", "ruff", "format", "--check", ".")
    assert formatting.returncode == 0, formatting.stdout + formatting.stderr


def test_production_settings_pass_check_deploy_without_warnings():
    result = run(
        sys.executable,
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "mreza.example,.mreza.example",
            "DJANGO_DEBUG": "0",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = run(
        sys.executable,
        "manage.py",
        "check",
        env={"DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": ""},
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"DJANGO_DEBUG": "perhaps"}, "DJANGO_DEBUG must be one of"),
        (
            {"MREZA_SEARCH_ENGINE": "solr"},
            "MREZA_SEARCH_ENGINE must be one of database, elasticsearch",
        ),
        ({"MREZA_LANGUAGES": "sl,en", "MREZA_DEFAULT_LANGUAGE": "cs"}, "MREZA_DEFAULT_LANGUAGE"),
        ({"MREZA_SEARCH_ENGINE": "elasticsearch"}, "needs ELASTICSEARCH_URL"),
    ],
)
def test_bad_environment_is_a_clear_configuration_error(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        read_environment(environ, debug_default=False)


def test_environment_defaults_to_sqlite_and_database_search():
    environment = read_environment({}, debug_default=True)
    assert environment.database_url.startswith("sqlite:///")
    assert environment.search_engine == "database"
    assert environment.debug is True
    assert environment.languages == ["sl", "cs", "en"]
