"""Stop and start the PostgreSQL and Redis that scripts/with-services.sh started, and keep
the Celery processes running as a supervisor would.

Both services are found from their own answers (data directory, command line), so the
benchmark needs nothing from the script but the URLs it exports.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import environ
import psycopg


class Postgres:
    def __init__(self, url: str) -> None:
        config = environ.Env.db_url_config(url)
        self.dsn = f"host={config['HOST']} port={config['PORT']} user={config['USER']}"
        with psycopg.connect(f"{self.dsn} dbname=postgres") as conn:
            row = conn.execute("SHOW data_directory").fetchone()
        assert row is not None
        self.data = Path(row[0])
        # pg_ctl start needs the server's options again: they are in postmaster.opts.
        argv = shlex.split((self.data / "postmaster.opts").read_text())
        options = [a for i, a in enumerate(argv[1:], 1) if "-D" not in (a, argv[i - 1])]
        self.options = shlex.join(options)

    def _pg_ctl(self, *args: str) -> None:
        command = [_pg_ctl(), "-D", str(self.data), *args]
        if os.geteuid() == 0:  # the cluster belongs to the postgres user (initdb refuses root)
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)

    def stop(self) -> None:
        """A fast shutdown: every connection is cut, as in a restart or failover."""
        self._pg_ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        log = self.data.parent / "postgres-restarted.log"
        self._pg_ctl("-l", str(log), "-o", self.options, "-w", "start")


def _pg_ctl() -> str:
    found = subprocess.run(["sh", "-c", "command -v pg_ctl"], capture_output=True, text=True)
    return found.stdout.strip() or "/usr/lib/postgresql/15/bin/pg_ctl"


class Redis:
    def __init__(self, url: str) -> None:
        self.port = url.split(":")[-1].split("/")[0]
        self.dir = self._cli("CONFIG", "GET", "dir").splitlines()[-1]

    def _cli(self, *args: str) -> str:
        return subprocess.run(
            ["redis-cli", "-p", self.port, *args], capture_output=True, text=True
        ).stdout

    def stop(self) -> None:
        self._cli("SHUTDOWN", "NOSAVE")

    def start(self) -> None:
        subprocess.run(
            [
                "redis-server",
                "--port",
                self.port,
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                self.dir,
                "--daemonize",
                "yes",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        while self._cli("PING").strip() != "PONG":
            time.sleep(0.1)


class Supervisor:
    """What compose's `restart: unless-stopped` does for the worker and beat: a process that
    exits by itself (a liveness guard, a crash) is started again at once. One the benchmark
    kills (a negative return code: a signal) is left alone, as an operator's stop would be."""

    def __init__(self, stack: Any) -> None:
        self.stack = stack
        self.beat: subprocess.Popen[bytes] | None = None
        self.restarts: list[str] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> Supervisor:
        self.beat = self._start_beat()
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=90)
        if self.beat is not None:
            os.killpg(self.beat.pid, signal.SIGTERM)
            self.beat.wait(timeout=30)

    def _start_beat(self) -> subprocess.Popen[bytes]:
        log = (self.stack.workdir / "beat.log").open("ab")
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "coverage_portal", "beat", "--loglevel=INFO"],
            cwd=_root(),
            env=self.stack.env,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )

    def _watch(self) -> None:
        while not self.stop.wait(1.0):
            for worker in list(self.stack.workers):
                if (worker.poll() or 0) > 0 and worker in self.stack.workers:
                    self.stack.workers.remove(worker)
                    name = f"worker-supervised-{len(self.restarts) + 1}"
                    self.restarts.append(f"{name} (worker exited {worker.returncode})")
                    self.stack.start_worker(name)
            if self.beat is not None and (self.beat.poll() or 0) > 0:
                self.restarts.append(f"beat (exited {self.beat.returncode})")
                self.beat = self._start_beat()


def _root() -> Path:
    return Path(__file__).resolve().parents[1]
