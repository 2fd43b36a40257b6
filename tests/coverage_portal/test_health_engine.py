"""/healthz says how far behind the coverage engine is, and fails when it has stalled."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from coverage_portal.health import LAST_RECOMPUTE_KEY, is_stalled, last_recompute_at
from participants.coverage.tasks import recompute_stale
from participants.models import StaleBucket
from participants.services import recompute_stale as engine_recompute_stale
from regions.models import Region
from tests.participants.coverage.factories import put_counts

MINUTE = dt.timedelta(minutes=1)


def stale_since(minutes: int) -> None:
    StaleBucket.objects.create(province=Region.objects.get(code="61"), period=dt.date(2024, 5, 1))
    # marked_at is auto_now: only an update can date it back.
    StaleBucket.objects.update(marked_at=timezone.now() - minutes * MINUTE)


@pytest.mark.parametrize(
    ("oldest_stale", "last_recompute", "stalled"),
    [
        (None, None, False),  # nothing waits
        (None, 60 * MINUTE, False),  # a quiet portal: nothing to recompute
        (2 * MINUTE, None, False),  # work waits briefly, history unknown
        (2 * MINUTE, 1 * MINUTE, False),  # the engine keeps up
        (16 * MINUTE, None, True),  # a bucket has waited too long
        (2 * MINUTE, 16 * MINUTE, True),  # re-marked buckets, but no run for 16 minutes
    ],
)
def test_engine_is_stalled_only_when_work_waits_too_long(oldest_stale, last_recompute, stalled):
    assert is_stalled(oldest_stale=oldest_stale, last_recompute=last_recompute) is stalled


@pytest.mark.django_db
def test_healthz_reports_the_age_of_the_oldest_stale_bucket(client):
    stale_since(minutes=3)
    engine = client.get("/healthz").json()["coverage_engine"]
    assert engine["stale_buckets"] == 1
    assert 175 <= engine["oldest_stale_seconds"] <= 200
    assert engine["stalled"] is False


@pytest.mark.django_db
def test_healthz_fails_when_a_bucket_has_waited_more_than_fifteen_minutes(client):
    stale_since(minutes=20)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["coverage_engine"]["stalled"] is True


@pytest.mark.django_db
def test_a_finished_recompute_is_recorded_with_its_time(client):
    cache.delete(LAST_RECOMPUTE_KEY)
    recompute_stale.delay()  # eager here; a worker's run sends the same signal
    finished = last_recompute_at()
    assert finished is not None and timezone.now() - finished < MINUTE
    engine = client.get("/healthz").json()["coverage_engine"]
    assert engine["last_recompute_seconds"] < 60
    assert engine["stale_buckets"] == 0 and engine["oldest_stale_seconds"] is None


@pytest.mark.django_db
def test_a_recompute_run_outside_the_worker_counts_too(client):
    """seed_demo recomputes in its own process: /healthz reads the table's newest row."""
    put_counts("61", dt.date(2024, 5, 1), {"61.71": {"PU": 385_004}})
    engine_recompute_stale()
    cache.delete(LAST_RECOMPUTE_KEY)
    engine = client.get("/healthz").json()["coverage_engine"]
    assert engine["last_recompute_seconds"] is not None and engine["last_recompute_seconds"] < 60
