"""A real webhook receiver on 127.0.0.1: a ThreadingHTTPServer in a thread that records what it
is sent and answers with the status it is told to; it can go down (port closed) and come back.

Signatures are checked here the way docs/api.md tells receivers to, without importing the
project's own signing code.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    answered: int

    @property
    def document(self) -> dict:
        return json.loads(self.body)

    @property
    def accepted(self) -> bool:
        return 200 <= self.answered < 300

    def signature_is_valid(self, secret: str) -> bool:
        timestamp = self.headers["X-Mreza-Timestamp"]
        signed = timestamp.encode() + b"." + self.body
        expected = "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, self.headers["X-Mreza-Signature"])


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        receiver: Receiver = self.server.receiver
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        status = receiver.status
        receiver.received.append(Received(dict(self.headers.items()), body, status))
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args) -> None:  # keep test output quiet
        pass


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Receiver:
    """Listens on a fixed port, so it can be stopped and started again at the same URL."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.status = 204
        self.received: list[Received] = []
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/mreza"

    @property
    def accepted(self) -> list[Received]:
        return [request for request in self.received if request.accepted]

    def start(self, status: int = 204) -> None:
        self.status = status
        if self._server is None:
            ThreadingHTTPServer.allow_reuse_address = True
            self._server = ThreadingHTTPServer(("127.0.0.1", self.port), _Handler)
            self._server.receiver = self
            threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        """Down: nothing listens on the port, connections are refused."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
