"""Real Celery workers and a private Redis for end-to-end tests.

Worker tests share one xdist group: they publish through a real broker, and each worker
consumes only its own queue, so no test's task lands in another test's database.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

from coverage_portal.celery import app

ROOT = Path(__file__).resolve().parents[1]


def _test_database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Worker:
    queue: str
    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    name: str = ""

    def read_output(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    def ready(self) -> bool:
        return any(" ready." in line for line in self.lines)

    def kill(self) -> None:
        """SIGKILL: no warm shutdown, no acknowledgement, as when a machine dies."""
        self.process.kill()
        self.process.wait(timeout=20)


@contextmanager
def celery_worker(
    queue: str | None = None, broker_url: str | None = None, **env: str
) -> Iterator[Worker]:
    """A worker process on the test database; stopped (if still alive) afterwards."""
    queue = queue or f"test-{uuid.uuid4().hex[:8]}"
    name = f"{queue}-{uuid.uuid4().hex[:4]}@{socket.gethostname()}"
    environment = {**os.environ, "DATABASE_URL": _test_database_url(), **env}
    if broker_url:
        environment["CELERY_BROKER_URL"] = broker_url
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "coverage_portal",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "-n",
            name,
            "--without-mingle",
            "--without-gossip",
            "--loglevel=INFO",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    worker = Worker(queue, process, name=name)
    with _reading(worker):
        assert wait_for(worker.ready, timeout=60), "".join(worker.lines)
        yield worker


@contextmanager
def celery_beat(broker_url: str, **env: str) -> Iterator[Worker]:
    """`celery beat` on the test database (its DatabaseScheduler) and the given broker."""
    environment = {
        **os.environ,
        "DATABASE_URL": _test_database_url(),
        "CELERY_BROKER_URL": broker_url,
        **env,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "coverage_portal", "beat", "--loglevel=INFO"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    beat = Worker("beat", process)
    with _reading(beat):
        assert wait_for(lambda: any("beat: Starting" in line for line in beat.lines), 60)
        yield beat


@contextmanager
def _reading(worker: Worker) -> Iterator[None]:
    """Collect the process's output while the block runs; stop the process afterwards."""
    process = worker.process
    reader = threading.Thread(target=worker.read_output, daemon=True)
    reader.start()
    try:
        yield
    finally:
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=5)
        if os.environ.get("SHOW_WORKER_LOG"):
            print("".join(worker.lines))


@contextmanager
def real_broker(queue: str | None = None, url: str | None = None) -> Iterator[None]:
    """Publish tasks through a broker (not eagerly) for this block, to `queue` by default."""
    saved = (app.conf.task_default_queue, app.conf.broker_url)
    app.conf.task_always_eager = False
    if queue:
        app.conf.task_default_queue = queue
    if url:
        _use_broker(url)
    try:
        yield
    finally:
        app.conf.task_always_eager = True
        app.conf.task_default_queue = saved[0]
        if url:
            _use_broker(saved[1])


def _use_broker(url: str) -> None:
    # Celery reads CELERY_BROKER_URL from the environment before its own settings, and
    # caches connection and producer pools; change both so the new URL is really used.
    os.environ["CELERY_BROKER_URL"] = url
    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


class PrivateRedis:
    """A redis-server of the test's own, which the test may stop and start again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        assert wait_for(self._answers, timeout=10), "redis-server did not start"

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def _answers(self) -> bool:
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0


@contextmanager
def private_redis() -> Iterator[PrivateRedis]:
    server = PrivateRedis()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def wait_for(predicate: Callable[[], object], timeout: float = 45.0, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False
