"""The production stack on 127.0.0.1 for the load and fault benchmarks.

gunicorn (the image's configuration) and Celery worker processes against the throwaway
PostgreSQL and Redis of scripts/with-services.sh, on a benchmark database of their own
(bench/dataset.py), with accounts for 38 provincial officers and 200 viewers. Logins happen
before the measured window, straight into the session table: a login costs ~0,3 s of CPU
(PBKDF2 by design), which is not what month-end load is about.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The session table and session hashes are signed with it: one key for bench and servers.
SECRET_KEY = os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
VIEWERS = 200


@dataclass
class Stack:
    url: str
    env: dict[str, str]
    workdir: Path
    users_file: Path
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start_worker(self, name: str) -> subprocess.Popen[bytes]:
        """A worker as compose runs it (prefork, two processes), in its own process group."""
        argv = [sys.executable, "-m", "celery", "-A", "coverage_portal", "worker"]
        argv += ["--concurrency=2", "-n", f"{name}@%h", "--without-mingle", "--without-gossip"]
        log = (self.workdir / f"{name}.log").open("ab")
        worker = subprocess.Popen(
            [*argv, "--loglevel=INFO"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        self.workers.append(worker)
        self._wait_ready(name)
        return worker

    def _wait_ready(self, name: str, timeout: float = 60) -> None:
        log = self.workdir / f"{name}.log"
        deadline = time.monotonic() + timeout
        while " ready." not in log.read_text(errors="replace"):
            if time.monotonic() > deadline:
                raise RuntimeError(f"worker {name} did not start:\n{log.read_text()[-2000:]}")
            time.sleep(0.3)

    def kill_worker(self, worker: subprocess.Popen[bytes]) -> None:
        """SIGKILL to the whole worker (parent and pool), as when its machine dies."""
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=20)
        self.workers.remove(worker)

    def stop_workers(self) -> None:
        for worker in list(self.workers):
            os.killpg(worker.pid, signal.SIGTERM)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait()
            self.workers.remove(worker)


def prepare_database() -> dict[str, Any]:
    """The national dataset, coverage recomputed, accounts and their sessions."""
    from bench.dataset import generate
    from participants.services import recompute_all

    print("generating the benchmark dataset …", flush=True)
    counts = generate()
    _workforce_this_year()
    recompute_all()
    users = _accounts()
    print(
        f"{counts:,} counts, coverage recomputed, {len(users['officers'])} officers, "
        f"{len(users['viewers'])} viewers",
        flush=True,
    )
    return users


def _workforce_this_year() -> None:
    """Denominators for the month being entered, so its coverage is a figure, not –."""
    from participants.models import WorkforceKind, WorkforceTotal
    from participants.selectors import current_period
    from regions.models import Region

    employed = WorkforceKind.objects.get(code="EMPLOYED")
    year = current_period().year
    WorkforceTotal.objects.bulk_create(
        WorkforceTotal(kind=employed, region=p, year=y, value=5_000_000, source="benchmark")
        for p in Region.objects.provinces().current()
        for y in {year, year - 1}
    )


def _accounts() -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from participants.models import Category
    from regions.models import Region, Role
    from regions.services import user_scope_assign

    password = make_password(secrets.token_urlsafe(16))  # nobody logs in with it
    user_model = get_user_model()
    provinces = list(Region.objects.provinces().current().order_by("code"))
    officers = []
    for province in provinces:
        user = user_model.objects.create(username=f"petugas.{province.code}", password=password)
        user_scope_assign(user=user, role=Role.PROVINCIAL_OFFICER, province=province)
        officers.append({"province": province.code, **_session(user), **_grid(province)})
    viewers = []
    for n in range(VIEWERS):
        user = user_model.objects.create(username=f"pemantau.{n}", password=password)
        user_scope_assign(user=user, role=Role.VIEWER)
        viewers.append(_session(user))
    categories = [
        {"pk": c.pk, "code": c.code, "top": c.parent_id is None}
        for c in Category.objects.filter(is_active=True).order_by("order")
    ]
    regencies = list(Region.objects.regencies().current().values_list("code", flat=True))
    return {
        "officers": officers,
        "viewers": viewers,
        "categories": categories,
        "provinces": [p.code for p in provinces],
        "regencies": regencies,
    }


def _session(user: Any) -> dict[str, str]:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    # An unmasked CSRF secret is a valid token too: cookie and header carry the same one.
    return {"session": str(session.session_key), "csrf": secrets.token_hex(16)}


def _grid(province: Any) -> dict[str, Any]:
    from participants.selectors import add_months, current_period
    from regions.models import Region

    period = add_months(current_period(), -1)
    # The grid's rows: the province's regencies that existed in that month.
    regencies = Region.objects.filter(parent=province).expected_to_report(period).order_by("code")
    return {"period": f"{period:%Y-%m}", "regencies": list(regencies.values_list("pk", flat=True))}


@contextmanager
def production_stack(name: str, workers: int = 1, **env: str) -> Iterator[Stack]:
    """Database `name` prepared, gunicorn serving it, `workers` Celery workers consuming."""
    from bench.dataset import bench_database
    from tests.production import collect_static_as_the_image_does, gunicorn, production_env
    from tests.worker import free_port

    with bench_database(name), tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        workdir = Path(tmp)
        users_file = workdir / "users.json"
        users_file.write_text(json.dumps(prepare_database()))
        static = workdir / "static"
        assert collect_static_as_the_image_does(static).returncode == 0
        server_env = production_env(
            database_url=os.environ["DATABASE_URL"],
            broker_url=os.environ["CELERY_BROKER_URL"],
            redis_url=os.environ["REDIS_URL"],
            static_root=static,
        )
        server_env.update(SECRET_KEY=SECRET_KEY, **env)
        with gunicorn(server_env, free_port(), workdir / "gunicorn.log") as server:
            stack = Stack(server.url, server_env, workdir, users_file)
            for n in range(workers):
                stack.start_worker(f"worker{n + 1}")
            try:
                yield stack
            finally:
                stack.stop_workers()
                _keep_logs(workdir, name)


def _keep_logs(workdir: Path, name: str) -> None:
    """The servers' and locust's logs outlive the run, for a look at what went wrong."""
    kept = ROOT / "test-artifacts" / name
    kept.mkdir(parents=True, exist_ok=True)
    for log in workdir.glob("*.log"):
        shutil.copy(log, kept / log.name)
    print(f"logs: {kept.relative_to(ROOT)}/", flush=True)
