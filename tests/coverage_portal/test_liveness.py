"""Coverage never freezes silently: after Redis restarts, the worker and beat carry on by
themselves; a worker that stops consuming while Redis answers exits for its supervisor.

Real processes on a Redis of the test's own, with the guard's intervals shortened."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.db import transaction
from django.utils import timezone

from coverage_portal.celery import app
from coverage_portal.liveness import EXIT_STALLED, probe_queue
from participants.coverage.staleness import mark_stale
from participants.models import StaleBucket
from regions.models import Region, Role, WorkerHeartbeat
from tests.participants.coverage.factories import put_workforce
from tests.participants.coverage.test_recompute_end_to_end import (
    PERIOD,
    kalbar_total,
    save_through_the_grid,
)
from tests.worker import celery_beat, celery_worker, private_redis, real_broker, wait_for

SHORT = {"LIVENESS_PROBE_SECONDS": "1", "LIVENESS_STALL_SECONDS": "10"}


def heartbeat_after(moment: dt.datetime) -> bool:
    return WorkerHeartbeat.objects.filter(seen_at__gt=moment).exists()


@pytest.mark.worker
@pytest.mark.xdist_group("celery-worker")
def test_worker_and_beat_carry_on_after_redis_restarts_twice(
    regions_reloaded, transactional_db, client, make_user
):
    put_workforce("61", PERIOD.year, 100_000)
    officer = make_user(Role.PROVINCIAL_OFFICER, province="61")
    env = {**SHORT, "COVERAGE_SWEEP_SECONDS": "2"}
    with (
        private_redis() as redis,
        celery_worker("celery", broker_url=redis.url, **env) as worker,
        celery_beat(redis.url, **env) as beat,
    ):
        assert wait_for(WorkerHeartbeat.objects.exists, timeout=30), "".join(beat.lines)
        redis.stop()
        # A save while Redis is down: its stale mark is in PostgreSQL, its task nowhere.
        StaleBucket.objects.create(
            province=Region.objects.get(code="61"), period=dt.date(2024, 5, 1)
        )
        time.sleep(3)
        redis.start()
        redis.stop()
        redis.start()
        back = timezone.now()
        started = time.monotonic()

        assert wait_for(lambda: heartbeat_after(back), timeout=30), "".join(worker.lines)
        assert wait_for(lambda: not StaleBucket.objects.exists(), timeout=15)
        print(f"caught up {time.monotonic() - started:.1f} s after Redis came back")

        # A save after the restarts: its mark and its own enqueue, as every write does.
        with real_broker("celery", url=redis.url), transaction.atomic():
            mark_stale([(Region.objects.get(code="35").pk, dt.date(2024, 6, 1))])
        saved = time.monotonic()
        assert wait_for(lambda: not StaleBucket.objects.exists(), timeout=15)
        print(f"a save after the restarts recomputed in {time.monotonic() - saved:.1f} s")
        # A save after the restarts reaches the coverage table through the same worker.
        with real_broker(url=redis.url):
            response = save_through_the_grid(client, officer, {"61.71": 23_456})
        assert response.status_code in (200, 302)
        assert wait_for(lambda: (row := kalbar_total()) and row.participants == 23_456, 20), (
            "".join(worker.lines)
        )
        # Nobody restarted anything, and no guard had to.
        assert worker.process.poll() is None and beat.process.poll() is None
        assert not any("liveness:" in line for line in worker.lines + beat.lines)


@pytest.mark.worker
@pytest.mark.xdist_group("celery-worker")
def test_a_worker_that_stops_consuming_while_redis_answers_exits(transactional_db):
    env = {"LIVENESS_PROBE_SECONDS": "1", "LIVENESS_STALL_SECONDS": "4"}
    with (
        private_redis() as redis,
        celery_worker(broker_url=redis.url, **env) as worker,
        real_broker(url=redis.url),
    ):
        # The consumer stops taking messages from the probe queue; Redis stays up.
        replies = app.control.cancel_consumer(
            probe_queue(worker.name), destination=[worker.name], reply=True, timeout=5
        )
        assert replies, "".join(worker.lines)
        assert wait_for(lambda: worker.process.poll() is not None, timeout=20)
        assert worker.process.returncode == EXIT_STALLED
        assert any("liveness: no message consumed" in line for line in worker.lines)
