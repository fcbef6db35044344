"""A real server running the demo network on its own database, for crawler and browser tests.

The server is a separate process (manage.py runserver) on a loopback port, with its own
SQLite file — or, when the suite runs on PostgreSQL, its own fresh PostgreSQL database —
so the tests exercise the demo exactly as `make run` serves it, over real HTTP.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_HOSTS = {
    "hub": "localhost",
    "tocke-moci": "tocke-moci.localhost",
    "socio": "socio.localhost",
    "aktivacija-nm": "aktivacija-nm.localhost",
    "hana": "hana.localhost",
    "zasavje": "zasavje.localhost",
    "sopotniki": "sopotniki.localhost",
}


@dataclass(frozen=True)
class DemoServer:
    port: int
    log: Path | None = None

    def log_tail(self, lines: int = 40) -> str:
        """The server's last log lines, for a failing test's message."""
        if self.log is None or not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def url(self, host: str, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def demo_database(tmp_dir: Path) -> Iterator[str]:
    """A database URL for the demo: a fresh PostgreSQL database when the suite uses one."""
    current = os.environ.get("DATABASE_URL", "")
    if not current.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{tmp_dir / 'demo.sqlite3'}"
        return
    import psycopg

    name = f"mreza_demo_{os.getpid()}_{int(time.time())}"
    admin = current.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield current.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def run_demo_server(tmp_dir: Path) -> Iterator[DemoServer]:
    port = free_port()
    with demo_database(tmp_dir) as database_url:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "MEDIA_ROOT": str(tmp_dir / "media"),
            "PORT": str(port),
            # The schemathesis run makes hundreds of listing requests a minute from one address.
            "MREZA_API_RATE_LISTING": "off",
            "MREZA_API_RATE_SEARCH": "off",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        for command in (
            ["migrate", "--noinput", "-v0"],
            ["load_demo_network", "--port", str(port)],
        ):
            subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, capture_output=True)
        log = (tmp_dir / "server.log").open("w")
        server = subprocess.Popen(
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(port)
            yield DemoServer(port=port, log=tmp_dir / "server.log")
        finally:
            server.terminate()
            server.wait(timeout=10)
            log.close()


def wait_until_up(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"the demo server did not answer on port {port} within {timeout} s")
