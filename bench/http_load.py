"""Serving the project with gunicorn on loopback and loading it with wrk, for bench_api."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.common import ROOT

LUA_REPORTER = Path(__file__).with_name("wrk_report.lua")
READY_PATH = "/bench-minimal-json/"


@dataclass(frozen=True)
class WrkResult:
    """One wrk run: throughput, latency percentiles and the requests that failed."""

    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    failed: int  # non-2xx/3xx answers and socket errors
    cpu_ms: float = 0.0  # CPU time of the server's workers per request

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(
    env: dict[str, str], port: int, workers: int, log_path: Path
) -> Iterator[subprocess.Popen]:
    """Serve config.wsgi with gunicorn's sync workers on 127.0.0.1:port until the block ends."""
    command = [
        sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi",
        "--workers", str(workers), "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
    ]  # fmt: skip
    with log_path.open("a") as log:
        server = subprocess.Popen(
            command, cwd=ROOT, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_until_up(port, server, log_path)
            yield server
        finally:
            server.terminate()
            server.wait(timeout=30)


def wait_until_up(port: int, server: subprocess.Popen, log_path: Path, timeout=60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited with {server.returncode}:\n{log_path.read_text()[-3000:]}")
        try:
            if request(port, "localhost", READY_PATH)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    sys.exit(f"gunicorn did not answer on port {port} within {timeout} s")


def children_cpu_seconds(parent: int) -> float:
    """User and system CPU time used so far by the children of ``parent`` (gunicorn's workers).

    Unlike wall-clock figures it hardly changes with other load on the machine.
    """
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process has gone
        if int(fields[1]) == parent:  # fields from "state": ppid, ..., utime, stime
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def request(
    port: int, host: str, path: str, headers: dict[str, str] | None = None
) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One GET to 127.0.0.1:port with the given Host header: status, headers and body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def run_wrk(
    url: str, headers: dict[str, str], *, threads: int, connections: int, seconds: int
) -> WrkResult:
    """Load ``url`` with wrk; its Lua reporter prints the figures as one line of JSON."""
    options = [item for name, value in headers.items() for item in ("-H", f"{name}: {value}")]
    command = [
        "wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
        "-s", str(LUA_REPORTER), *options, url,
    ]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRK_RESULT "))
    data = json.loads(line.removeprefix("WRK_RESULT "))
    # No request finished in time: its latency is unknown, and no target is met.
    unknown = float("inf") if data["requests"] == 0 else None
    return WrkResult(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=unknown or data["p50_us"] / 1000,
        p95_ms=unknown or data["p95_us"] / 1000,
        failed=data["non_2xx_3xx"] + data["socket_errors"],
    )
