"""Checks behind /healthz: database, cache, broker, whether a Celery worker answers, whether
the heartbeat beat sends gets consumed, and whether the coverage engine keeps up."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Min
from django.utils import timezone
from kombu import Connection

from coverage_portal.celery import app
from participants.models import CoverageRow, StaleBucket
from regions.models import WorkerHeartbeat

# The five-minute sweep runs a recompute even when nothing is stale, so with the worker and
# beat alive no bucket waits this long and no run is this old.
STALLED_AFTER = dt.timedelta(minutes=15)
LAST_RECOMPUTE_KEY = "coverage-portal:last-successful-recompute"
RECOMPUTE_TASKS = {
    "participants.tasks.recompute_stale",
    "participants.tasks.nightly_full_recompute",
}


def check_database() -> dict[str, Any]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return {"ok": True, "vendor": connection.vendor}
    except Exception as error:  # any failure is the answer, not a crash
        return {"ok": False, "error": str(error)}


def check_cache() -> dict[str, Any]:
    try:
        cache.set("healthz", "ok", 10)
        return {
            "ok": cache.get("healthz") == "ok",
            "backend": settings.CACHES["default"]["BACKEND"],
        }
    except Exception as error:
        return {"ok": False, "error": str(error)}


def check_broker() -> dict[str, Any]:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "mode": "eager (no broker configured)"}
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return {"ok": True, "mode": "broker"}
    except Exception as error:
        return {"ok": False, "error": str(error)}


def check_worker(broker_ok: bool) -> dict[str, Any]:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "mode": "eager", "workers": []}
    if not broker_ok:
        return {"ok": False, "workers": []}
    try:
        replies = app.control.ping(timeout=1.0) or []
    except Exception as error:
        return {"ok": False, "error": str(error), "workers": []}
    workers = sorted(name for reply in replies for name in reply)
    return {"ok": bool(workers), "workers": workers}


def last_heartbeat_at() -> dt.datetime | None:
    """When a worker last ran beat's heartbeat: the newest row, found through the primary
    key's index (rows are written in time order; the table is never filtered by time)."""
    return WorkerHeartbeat.objects.order_by("-pk").values_list("seen_at", flat=True).first()


def check_heartbeat() -> dict[str, Any]:
    """Beat, queue and worker end to end: stale after LIVENESS_STALL_SECONDS.

    None written yet (a fresh install, before beat's first one) is unknown, not a failure:
    compose starts beat only once the web container is healthy.
    """
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"ok": True, "mode": "eager", "last_heartbeat_seconds": None}
    try:
        seen = last_heartbeat_at()
    except Exception as error:
        return {"ok": False, "error": str(error)}
    age = timezone.now() - seen if seen else None
    limit = dt.timedelta(seconds=settings.LIVENESS_STALL_SECONDS)
    return {
        "ok": age is None or age <= limit,
        "last_heartbeat_seconds": _seconds(age),
        "stale_after_seconds": limit.total_seconds(),
    }


def record_recompute(sender: Any = None, **_kwargs: Any) -> None:
    """Celery's task_success: remember when a recompute last finished (the sweep included)."""
    if getattr(sender, "name", None) in RECOMPUTE_TASKS:
        # A cache outage must not fail a recompute that succeeded.
        with contextlib.suppress(Exception):
            cache.set(LAST_RECOMPUTE_KEY, timezone.now().timestamp(), timeout=None)


def last_recompute_at() -> dt.datetime | None:
    """When a recompute last finished: the worker's record, else the coverage table's newest
    row (a recompute run in a command, as `seed_demo`'s, or a cache that holds nothing yet,
    such as the quick start's per-process one)."""
    try:
        stamp = cache.get(LAST_RECOMPUTE_KEY)
    except Exception:
        stamp = None
    if stamp is not None:
        return dt.datetime.fromtimestamp(stamp, dt.UTC)
    # The newest id is the last insert (ids are never reused): one probe of the primary key.
    newest = CoverageRow.objects.order_by("-id").values_list("computed_at", flat=True)
    return newest.first()


def is_stalled(*, oldest_stale: dt.timedelta | None, last_recompute: dt.timedelta | None) -> bool:
    """Work is waiting and the engine has not kept up for STALLED_AFTER.

    A bucket's mark is refreshed by every later save, so its age can understate the wait;
    a recompute that finished long ago while work waits means the same (unknown, e.g. the
    cache was emptied, proves nothing either way).
    """
    if oldest_stale is None:
        return False
    return oldest_stale > STALLED_AFTER or (
        last_recompute is not None and last_recompute > STALLED_AFTER
    )


def check_engine() -> dict[str, Any]:
    try:
        stale = StaleBucket.objects.aggregate(count=Count("id"), oldest=Min("marked_at"))
    except Exception as error:
        return {"ok": False, "error": str(error)}
    now = timezone.now()
    finished = last_recompute_at()
    oldest_stale = now - stale["oldest"] if stale["oldest"] else None
    last_recompute = now - finished if finished else None
    stalled = is_stalled(oldest_stale=oldest_stale, last_recompute=last_recompute)
    return {
        "ok": not stalled,
        "stalled": stalled,
        "stale_buckets": stale["count"],
        "oldest_stale_seconds": _seconds(oldest_stale),
        "last_recompute_seconds": _seconds(last_recompute),
    }


def _seconds(age: dt.timedelta | None) -> float | None:
    return round(age.total_seconds(), 1) if age is not None else None


def health_report(*, web_only: bool = False) -> tuple[bool, dict[str, Any]]:
    """The whole report, and whether the web process itself is healthy.

    A worker missing from the remote-control ping is reported but does not make the web
    process unhealthy: pages still work, only recomputes wait. A heartbeat older than
    LIVENESS_STALL_SECONDS does (whatever answers the ping, nothing is being consumed), and so
    does a coverage engine stalled for STALLED_AFTER: pages then show figures that no longer
    follow the saves.

    `web_only` judges only what gunicorn itself needs (database, cache, broker), for the web
    container's own check: beat starts once web is healthy, and after the stack was down for
    longer than the stall limit the last heartbeat is old until beat sends a new one.
    """
    database, cache_state, broker = check_database(), check_cache(), check_broker()
    worker = check_worker(broker["ok"])
    no_database = {"ok": False, "error": "no database"}
    engine = check_engine() if database["ok"] else no_database
    heartbeat = check_heartbeat() if database["ok"] else no_database
    judged = (database, cache_state, broker) + (() if web_only else (engine, heartbeat))
    healthy = all(part["ok"] for part in judged)
    report = {
        "status": "ok" if healthy else "error",
        "database": database,
        "cache": cache_state,
        "broker": broker,
        "worker": worker,
        "heartbeat": heartbeat,
        "coverage_engine": engine,
    }
    return healthy, report


def liveness_for_home() -> dict[str, Any]:
    """What the administrators' home says about the background work, in plain words."""
    heartbeat = check_heartbeat()
    oldest = StaleBucket.objects.aggregate(oldest=Min("marked_at"))["oldest"]
    if heartbeat.get("mode") == "eager":
        state = "eager"
    elif not heartbeat["ok"]:
        state = "stalled"
    else:
        state = "unknown" if heartbeat.get("last_heartbeat_seconds") is None else "ok"
    return {
        "state": state,
        "heartbeat_at": last_heartbeat_at() if state in ("ok", "stalled") else None,
        "oldest_stale_at": oldest,
    }
