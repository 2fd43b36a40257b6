"""Faults under load, each reported as figures (a benchmark, not a test).

    make faults      # = scripts/with-services.sh .venv/bin/python bench/faults.py

The stack of bench/load.py (gunicorn, a Celery worker, PostgreSQL and Redis on 127.0.0.1,
the national dataset) under 38 officers saving and 10 viewers reading, through:

1. PostgreSQL stopped for a few seconds and started again: users get the friendly 503 page,
   the portal recovers by itself, and no save the portal acknowledged is lost.
2. Redis stopped for 15 s, for 60 s, and restarted twice in a row: saves still succeed, and
   coverage catches up once Redis is back with no one touching anything (the worker and beat
   reconnect, or their liveness guards exit and the supervisor, as compose would, starts
   fresh ones): reported as seconds from Redis back to coverage caught up, target 2 min.
3. The worker SIGKILLed in the middle of a full recompute: the coverage table is never
   partial, and the redelivered task completes.
4. Two workers at once: recomputes stay serialised (one advisory-lock holder at a time) and
   the table equals a fresh recompute afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psycopg
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.fault_load import Ledger, Load, p95, statuses
from bench.services_control import Postgres, Redis, Supervisor
from bench.stack import ROOT, Stack, production_stack

ADVISORY_LOCK_KEY = 4_202_103  # participants.coverage serialises every recompute on it
VISIBILITY_TIMEOUT = 10  # seconds before a dead worker's task is handed out again
CATCH_UP_TARGET = 120  # seconds from Redis back to coverage caught up, with no hand restart
FAILURES: list[str] = []


def check(ok: bool, name: str) -> bool:
    if not ok:
        FAILURES.append(name)
    return ok


def sql(query: str, *params: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(os.environ["DATABASE_URL"], connect_timeout=5) as conn:
        return conn.execute(query, params).fetchall()


def wait(predicate: Any, timeout: float, interval: float = 0.2) -> float | None:
    """Seconds until predicate() holds, or None after `timeout`."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            if predicate():
                return time.monotonic() - started
        except (psycopg.Error, OSError):
            pass
        time.sleep(interval)
    return None


def stored_totals(users: dict[str, Any]) -> dict[str, int]:
    """Each province's stored total (top-level categories) for the month being entered."""
    period = f"{users['officers'][0]['period']}-01"
    rows = sql(
        "SELECT p.code, COALESCE(SUM(c.active_participants), 0) "
        "FROM participants_participantcount c JOIN regions_region r ON r.id = c.region_id "
        "JOIN regions_region p ON p.id = r.parent_id "
        "JOIN participants_category k ON k.id = c.category_id "
        "WHERE c.period = %s AND k.parent_id IS NULL GROUP BY p.code",
        period,
    )
    return dict(rows)


def lost_saves(ledger: Ledger, users: dict[str, Any]) -> list[str]:
    """Provinces whose stored total is below the last total the portal said it saved."""
    stored = stored_totals(users)
    return [p for p, total in ledger.acknowledged.items() if stored.get(p, 0) < total]


def coverage_caught_up(ledger: Ledger, users: dict[str, Any]) -> bool:
    """No stale mark left, and each province's coverage row holds its stored total."""
    if sql("SELECT count(*) FROM participants_stalebucket")[0][0]:
        return False
    period = f"{users['officers'][0]['period']}-01"
    rows = dict(
        sql(
            "SELECT r.code, c.participants FROM participants_coveragerow c JOIN regions_region r "
            "ON r.id = c.region_id WHERE c.level = 'province' AND c.category_id IS NULL "
            "AND c.period = %s",
            period,
        )
    )
    return all(rows.get(p) == total for p, total in stored_totals(users).items())


def postgres_restart(stack: Stack, users: dict[str, Any], down: float = 5.0) -> None:
    print(f"\n1. PostgreSQL stopped for {down:.0f} s and started again, under load", flush=True)
    postgres = Postgres(os.environ["DATABASE_URL"])
    with Load(stack.url, users) as load:
        time.sleep(10)
        stopped = time.monotonic()
        postgres.stop()
        time.sleep(down)
        postgres.start()
        started = time.monotonic()
        time.sleep(15)
    ledger = load.ledger
    after = [a for a in ledger.between(started, time.monotonic()) if a.status == 200]
    first_ok = min((a.at + a.seconds for a in after), default=None)
    print(
        f"   while down:  saves {statuses(ledger.between(stopped, started, 'save'))}; "
        f"pages {statuses(ledger.between(stopped, started, 'page'))}"
    )
    print(
        f"   error pages not the friendly 503 (or with a trace): {len(ledger.unfriendly)}"
        f" {sorted(set(ledger.unfriendly))[:5]}"
    )
    print(
        f"   first 200 after PostgreSQL was back: "
        f"{(first_ok - started) if first_ok else float('nan'):.1f} s; after it: "
        f"saves {statuses(ledger.between(first_ok or started, time.monotonic(), 'save'))}"
    )
    lost = lost_saves(ledger, users)
    check(not lost and not ledger.unfriendly and first_ok is not None, "postgres restart")
    print(
        f"   acknowledged saves: {sum(a.saved for a in ledger.answers)}, lost: {len(lost)} {lost}"
    )


def redis_outage(
    stack: Stack, users: dict[str, Any], supervisor: Supervisor, label: str, downs: list[float]
) -> None:
    """Redis stopped for each of `downs` seconds in a row (3 s up between), under load; then
    nobody touches anything: the worker and beat reconnect, or their liveness guards make
    them exit and the supervisor starts fresh ones, and the sweep catches coverage up."""
    print(f"\n2. Redis {label}, under load", flush=True)
    redis = Redis(os.environ["CELERY_BROKER_URL"])
    restarts_before = len(supervisor.restarts)
    health = HealthSampler(stack.url)
    with health, Load(stack.url, users) as load:
        time.sleep(8)
        stopped = time.monotonic()
        for n, down in enumerate(downs):
            if n:
                time.sleep(3)
            redis.stop()
            time.sleep(down)
            redis.start()
        back = time.monotonic()
        time.sleep(15)  # saves go on after Redis is back; coverage cannot settle before
    ledger = load.ledger
    caught_up = wait(lambda: coverage_caught_up(ledger, users), timeout=300)
    caught_at = time.monotonic() if caught_up is not None else None
    saves = ledger.between(stopped, back, "save")
    before = ledger.between(0, stopped, "save")
    print(f"   before:      saves {statuses(before)} (p95 {p95(before):.0f} ms)")
    print(
        f"   while down:  saves {statuses(saves)} (p95 {p95(saves):.0f} ms); "
        f"pages {statuses(ledger.between(stopped, back, 'page'))}"
    )
    print(f"   error pages: {len(ledger.unfriendly)} {sorted(set(ledger.unfriendly))[:5]}")
    restarts = supervisor.restarts[restarts_before:]
    print(f"   restarted by the supervisor (a guard's exit or a crash): {restarts or 'none'}")
    print(f"   /healthz after Redis was back: {health.summary(back)}")
    lost = lost_saves(ledger, users)
    within = caught_at is not None and caught_at - back <= CATCH_UP_TARGET
    check(not lost and all(a.saved for a in saves) and within, f"redis {label}")
    print(
        f"   coverage caught up {caught_at - back:.1f} s after Redis was back "
        f"(target {CATCH_UP_TARGET} s), no one touching anything"
        if caught_at is not None
        else "   coverage did NOT catch up within 5 minutes"
    )
    print(f"   lost saves: {len(lost)}")


class HealthSampler:
    """/healthz every two seconds while the block runs: when it said 503 and when 200."""

    def __init__(self, url: str) -> None:
        self.url = f"{url}/healthz"
        self.samples: list[tuple[float, int]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> HealthSampler:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=30)

    def _sample(self) -> None:
        while not self.stop.wait(2.0):
            try:
                status = requests.get(self.url, timeout=10).status_code
            except requests.RequestException:
                status = 0
            self.samples.append((time.monotonic(), status))

    def summary(self, since: float) -> str:
        after = [(t, s) for t, s in self.samples if t >= since]
        ok = next((t for t, s in after if s == 200), None)
        return f"200 again {ok - since:.0f} s later" if ok else "not 200 again while sampled"


def table_fingerprint() -> tuple[Any, ...]:
    return sql(
        "SELECT count(*), COALESCE(SUM(participants), 0), md5(string_agg(concat_ws(',', "
        "region_id, period, category_id, participants, coverage_percent), ';' ORDER BY "
        "region_id, period, category_id NULLS FIRST)) FROM participants_coveragerow"
    )[0]


LOCK_HOLDERS = (
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
    "AND ((classid::bigint << 32) | objid::bigint) = %s"
)


def recompute_running() -> bool:
    """A recompute holds the engine's advisory lock for its whole transaction."""
    return bool(sql(LOCK_HOLDERS, ADVISORY_LOCK_KEY)[0][0])


def worker_killed_mid_recompute(stack: Stack) -> None:
    print("\n3. The worker SIGKILLed in the middle of a full recompute", flush=True)
    from participants.coverage.tasks import nightly_full_recompute

    before = table_fingerprint()
    nightly_full_recompute.delay()
    running = wait(recompute_running, timeout=60, interval=0.02)
    time.sleep(1.5)  # into the rebuild: the table emptied, rows being inserted (3–7 s in all)
    mid_way = recompute_running()
    stack.kill_worker(stack.workers[0])
    killed = time.monotonic()
    check(running is not None and mid_way, "kill: the recompute was not caught running")
    print(f"   killed 1.5 s into the recompute's transaction (still running then: {mid_way})")
    idle = wait(lambda: not recompute_running(), timeout=60)
    same = table_fingerprint() == before
    ended = f"{idle:.1f} s later" if idle is not None else "NOT within 60 s"
    check(same, "kill: partial table")
    print(f"   its transaction ended {ended}; table as before (no partial rows): {same}")
    time.sleep(VISIBILITY_TIMEOUT + 1)  # a worker restores unacknowledged tasks older than this
    stack.start_worker("worker-restarted")
    done = wait(lambda: "nightly_full_recompute" in _succeeded(stack), timeout=180)
    check(done is not None, "kill: not redelivered")
    print(
        f"   redelivered and completed {time.monotonic() - killed:.1f} s after the kill"
        if done is not None
        else "   the task was NOT redelivered within 180 s"
    )
    print(f"   table equals a fresh recompute: {check(verify_restore(stack), 'kill: verify')}")


def _succeeded(stack: Stack) -> str:
    log = stack.workdir / "worker-restarted.log"
    return "".join(
        line for line in log.read_text(errors="replace").splitlines() if "succeeded" in line
    )


def two_workers(stack: Stack, users: dict[str, Any], seconds: float = 30.0) -> None:
    print("\n4. Two workers at once, under load", flush=True)
    stack.start_worker("worker-second")
    holders: list[int] = []
    stop = threading.Event()
    sampler = threading.Thread(target=_sample_lock_holders, args=(holders, stop), daemon=True)
    sampler.start()
    with Load(stack.url, users) as load:
        time.sleep(seconds)
    stop.set()
    sampler.join()
    caught_up = wait(lambda: coverage_caught_up(load.ledger, users), timeout=120)
    recomputes = sum(
        _count_succeeded(stack, name) for name in ("worker-restarted", "worker-second")
    )
    print(
        f"   {sum(a.saved for a in load.ledger.answers)} saves, {recomputes} recompute tasks "
        f"run by both workers; advisory-lock holders sampled {len(holders)} times: at most "
        f"{max(holders, default=0)} at once"
    )
    print(
        f"   caught up {caught_up:.1f} s after the load stopped"
        if caught_up is not None
        else "   NOT caught up within 120 s"
    )
    lost = lost_saves(load.ledger, users)
    check(max(holders, default=0) <= 1 and caught_up is not None and not lost, "two workers")
    print(
        f"   table equals a fresh recompute: {check(verify_restore(stack), 'two: verify')}; "
        f"lost saves: {len(lost)}"
    )


def _sample_lock_holders(holders: list[int], stop: threading.Event) -> None:
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:
        while not stop.is_set():
            holders.append(conn.execute(LOCK_HOLDERS, [ADVISORY_LOCK_KEY]).fetchone()[0])  # type: ignore[index]
            time.sleep(0.02)


def _count_succeeded(stack: Stack, name: str) -> int:
    log = stack.workdir / f"{name}.log"
    if not log.exists():
        return 0
    lines = log.read_text(errors="replace").splitlines()
    return sum("recompute_stale" in line and "succeeded" in line for line in lines)


def verify_restore(stack: Stack) -> bool:
    """The same check as after a restore: a fresh recompute equals the stored table."""
    result = subprocess.run(
        [sys.executable, "manage.py", "verify_restore"],
        cwd=ROOT,
        env=stack.env,
        capture_output=True,
        text=True,
    )
    return result.returncode == 0


def main() -> None:
    with production_stack(
        "bench_faults", CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT)
    ) as stack:
        os.environ["CELERY_VISIBILITY_TIMEOUT"] = str(VISIBILITY_TIMEOUT)
        users = json.loads(stack.users_file.read_text())
        with Supervisor(stack) as supervisor:
            postgres_restart(stack, users)
            redis_outage(stack, users, supervisor, "stopped for 15 s", [15])
            redis_outage(stack, users, supervisor, "stopped for 60 s", [60])
            redis_outage(stack, users, supervisor, "restarted twice in a row", [2, 2])
            worker_killed_mid_recompute(stack)
            two_workers(stack, users)
    print(f"\nfaults: {'all survived' if not FAILURES else 'FAILED: ' + ', '.join(FAILURES)}")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
