"""Checks behind /healthz: database, cache, broker, and whether a Celery worker answers."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from kombu import Connection

from coverage_portal.celery import app


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


def health_report() -> tuple[bool, dict[str, Any]]:
    """The whole report, and whether the web process itself is healthy.

    A missing worker is reported but does not make the web process unhealthy: pages still
    work, only recomputes wait.
    """
    database, cache_state, broker = check_database(), check_cache(), check_broker()
    worker = check_worker(broker["ok"])
    healthy = database["ok"] and cache_state["ok"] and broker["ok"]
    report = {
        "status": "ok" if healthy else "error",
        "database": database,
        "cache": cache_state,
        "broker": broker,
        "worker": worker,
    }
    return healthy, report
