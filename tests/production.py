"""Running the portal the way production does: static files built as the image builds them,
and gunicorn with production settings on a free port of 127.0.0.1.

Used by the static-files test, the serving test and (outside pytest) the load benchmarks.
"""

from __future__ import annotations

import os
import re
import secrets
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parents[1]
SETTINGS_READ_FROM_ENV = ("DEBUG", "SECRET_KEY", "STATIC_ROOT")


def dockerfile_collectstatic() -> tuple[dict[str, str], list[str]]:
    """The environment and command of the Dockerfile's collectstatic step."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    step = next(line for line in text.splitlines() if "collectstatic" in line)
    command = next(part for part in step.split("&&") if "collectstatic" in part)
    words = shlex.split(command.removeprefix(" ").removeprefix("RUN "))
    env = dict(w.split("=", 1) for w in words if re.match(r"^[A-Z_]+=", w))
    argv = [w for w in words if not re.match(r"^[A-Z_]+=", w)]
    return env, [sys.executable if argv[0] == "python" else argv[0], *argv[1:]]


def collect_static_as_the_image_does(root: Path) -> subprocess.CompletedProcess[str]:
    env, argv = dockerfile_collectstatic()
    environment = {k: v for k, v in os.environ.items() if k not in SETTINGS_READ_FROM_ENV}
    environment.update(env, STATIC_ROOT=str(root))
    return subprocess.run(argv, cwd=ROOT, env=environment, capture_output=True, text=True)


def production_env(
    *, database_url: str, broker_url: str, redis_url: str, static_root: Path
) -> dict[str, str]:
    """Production settings on plain HTTP at 127.0.0.1: the HTTPS switches off, by name."""
    return {
        **os.environ,
        "DEBUG": "False",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "False",
        "SECURE_HSTS_SECONDS": "0",
        "SESSION_COOKIE_SECURE": "False",
        "CSRF_COOKIE_SECURE": "False",
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": broker_url,
        "REDIS_URL": redis_url,
        "STATIC_ROOT": str(static_root),
        "CONN_MAX_AGE": "60",
    }


# Servers started by tests name themselves, so a test can cut exactly their connections.
SERVER_APPLICATION_NAME = "portal-test-server"


def database_url_of_this_run() -> str:
    """The database pytest-django made for this test run (processes we start share it)."""
    from django.db import connection

    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        f"?application_name={SERVER_APPLICATION_NAME}"
    )


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]


@contextmanager
def gunicorn(env: dict[str, str], port: int, log: Path, *options: str) -> Iterator[Server]:
    """gunicorn with the image's configuration, until /healthz answers; stopped afterwards."""
    argv = [sys.executable, "-m", "gunicorn", "-c", "python:coverage_portal.gunicorn_conf"]
    argv += ["--bind", f"127.0.0.1:{port}", *options, "coverage_portal.wsgi:application"]
    with log.open("wb") as output:
        process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=output, stderr=output)
    server = Server(f"http://127.0.0.1:{port}", process)
    try:
        if not _wait_until_serving(server, timeout=60):
            raise RuntimeError(f"gunicorn did not start:\n{log.read_text()[-3000:]}")
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_serving(server: Server, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            return False
        try:
            with urlopen(f"{server.url}/healthz", timeout=5):
                return True
        except OSError as error:  # refused while booting; an HTTPError is an answer too
            if getattr(error, "code", None):
                return True
        time.sleep(0.3)
    return False
