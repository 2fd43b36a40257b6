"""Sentry reporting: off without SENTRY_DSN; with one, an error reaches the server named.

The "server" is a local HTTP listener standing in for Sentry's ingest endpoint.
"""

from __future__ import annotations

import gzip
import http.server
import os
import secrets
import subprocess
import sys
import threading
from collections.abc import Iterator

import brotli
import pytest
import sentry_sdk

from tests.production import ROOT
from tests.worker import free_port

FAILING_LOGIN = """
import django, sentry_sdk; django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
response = client.post("/accounts/login/", {"username": "u", "password": "p"})
print("status", response.status_code)
sentry_sdk.flush(timeout=10)
"""


class Ingest(http.server.BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":  # sentry-sdk prefers brotli where the package is installed
            body = brotli.decompress(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def ingest() -> Iterator[tuple[int, list[bytes]]]:
    Ingest.received = []
    server = http.server.HTTPServer(("127.0.0.1", free_port()), Ingest)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], Ingest.received
    server.shutdown()


def test_reporting_is_off_without_a_dsn():
    assert not os.environ.get("SENTRY_DSN")
    assert not sentry_sdk.get_client().is_active()


def test_with_a_dsn_a_database_outage_is_reported_with_its_request_id(ingest):
    port, received = ingest
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coverage_portal.settings",
        "DEBUG": "False",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "False",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/nothing",
        "SENTRY_DSN": f"http://publickey@127.0.0.1:{port}/1",
        "SENTRY_ENVIRONMENT": "test",
    }
    result = subprocess.run(
        [sys.executable, "-c", FAILING_LOGIN],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "status 503" in result.stdout, result.stderr[-2000:]
    events = b"".join(received).decode(errors="replace")
    assert "OperationalError" in events
    assert '"environment":"test"' in events.replace(" ", "")
    assert '"request_id"' in events
