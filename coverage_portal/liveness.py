"""Liveness guards for the Celery worker and beat, on a Redis broker.

Celery's Redis transport has a history of consumers that reconnect after a Redis restart and
then never receive another message, while the remote-control ping still answers. Only a
message through the queue proves consumption, so:

- each worker also consumes a queue of its own (one BRPOP covers all of a worker's queues)
  and sends itself a probe there every LIVENESS_PROBE_SECONDS from a fresh connection; when
  no message at all has reached it for LIVENESS_STALL_SECONDS of Redis answering the
  probes, it exits with EXIT_STALLED and its supervisor starts a fresh one. A worker whose
  every prefetch slot holds a task is busy, not stuck: the clock only runs while it has room.
  A probe of its own, rather than beat's heartbeat, so that several workers sharing a queue,
  or beat being down, never make a healthy worker exit.
- beat exits the same way when none of its publishes (it sends the heartbeat every
  LIVENESS_PROBE_SECONDS) has succeeded for LIVENESS_STALL_SECONDS of Redis answering.

Neither guard exits while Redis itself is down: a fresh process would not help, and both
reconnect by themselves once it is back. The probe needs no database; the portal's own view
of the same question (/healthz) is the heartbeat beat sends, written to PostgreSQL.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from typing import Any

import redis
from celery import shared_task
from celery.signals import (
    after_task_publish,
    beat_init,
    celeryd_after_setup,
    task_received,
    worker_ready,
)
from celery.worker import state
from django.conf import settings

logger = logging.getLogger(__name__)

EXIT_STALLED = 3  # distinct from a crash (1), so logs and supervisors can tell them apart
PROBE_TASK = "coverage_portal.liveness.probe"


@shared_task(name=PROBE_TASK, ignore_result=True)
def probe() -> None:
    """Nothing to do: receiving it is the proof."""


def enabled() -> bool:
    url = settings.CELERY_BROKER_URL
    return settings.LIVENESS_GUARD and url.startswith(("redis://", "rediss://"))


def broker_answers() -> bool:
    try:
        client = redis.Redis.from_url(
            settings.CELERY_BROKER_URL, socket_timeout=3, socket_connect_timeout=3
        )
        with client:
            return bool(client.ping())
    except (redis.RedisError, OSError):
        return False


class Clock:
    """When this process last saw proof of life; monotonic, shared with the guard thread."""

    def __init__(self) -> None:
        self.last = time.monotonic()

    def touch(self) -> None:
        self.last = time.monotonic()

    def silent_for(self) -> float:
        return time.monotonic() - self.last


received = Clock()
published = Clock()


def probe_queue(hostname: str) -> str:
    return f"liveness.{hostname}"


@celeryd_after_setup.connect
def _consume_own_probe_queue(sender: str, instance: Any, **_kwargs: Any) -> None:
    if enabled():
        instance.app.amqp.queues.select_add(probe_queue(sender))


@task_received.connect
def _on_received(**_kwargs: Any) -> None:
    received.touch()


@after_task_publish.connect
def _on_published(**_kwargs: Any) -> None:
    published.touch()


@worker_ready.connect
def _start_worker_guard(sender: Any, **_kwargs: Any) -> None:
    if enabled():
        received.touch()
        _daemon(WorkerGuard(sender).run, "liveness-worker")


@beat_init.connect
def _start_beat_guard(**_kwargs: Any) -> None:
    if enabled():
        published.touch()
        _daemon(beat_guard, "liveness-beat")


def _daemon(target: Any, name: str) -> None:
    threading.Thread(target=target, name=name, daemon=True).start()


class WorkerGuard:
    def __init__(self, consumer: Any) -> None:
        self.consumer = consumer
        self.queue = probe_queue(consumer.hostname)

    def run(self) -> None:
        while True:
            time.sleep(settings.LIVENESS_PROBE_SECONDS)
            answered = self.send_probe()
            if not answered or self.saturated():
                # Only time with Redis up and room to consume counts: after an outage the
                # consumer gets the whole allowance to reconnect.
                received.touch()
            silent = received.silent_for()
            if answered and silent > settings.LIVENESS_STALL_SECONDS:
                stop(f"no message consumed for {silent:.0f} s while Redis answers", self.pool())

    def send_probe(self) -> bool:
        """Publish from a connection of our own: True when Redis took the probe."""
        app = self.consumer.app
        try:
            with app.connection_for_write() as connection:
                probe.apply_async(
                    queue=self.queue,
                    connection=connection,
                    expires=settings.LIVENESS_STALL_SECONDS,
                    retry=False,
                )
        except Exception as error:  # any failure means "Redis did not answer"
            logger.warning("liveness: probe not sent (%s)", error)
            return False
        return True

    def saturated(self) -> bool:
        """Every prefetch slot holds a task: a full worker rightly consumes nothing more."""
        limit = getattr(self.consumer, "initial_prefetch_count", 0) or 0
        return limit > 0 and len(state.reserved_requests) >= limit

    def pool(self) -> Any:
        return getattr(self.consumer, "pool", None)


def beat_guard() -> None:
    while True:
        time.sleep(settings.LIVENESS_PROBE_SECONDS)
        if not broker_answers():
            published.touch()  # an outage is not beat's fault; it reconnects when Redis is back
        silent = published.silent_for()
        if silent > settings.LIVENESS_STALL_SECONDS:
            stop(f"nothing enqueued for {silent:.0f} s while Redis answers", None)


def stop(reason: str, pool: Any) -> None:
    """Exit now, children first: the stuck process cannot be trusted to shut down cleanly."""
    logger.critical("liveness: %s; exiting so that the supervisor starts a fresh process", reason)
    for process in getattr(getattr(pool, "_pool", None), "_pool", None) or []:
        pid = getattr(process, "pid", None)
        if pid:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    logging.shutdown()
    os._exit(EXIT_STALLED)
