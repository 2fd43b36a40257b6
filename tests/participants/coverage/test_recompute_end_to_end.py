"""The coverage engine end to end: real Celery worker, real Redis, real PostgreSQL."""

import datetime as dt
import time

import psycopg
import pytest
from django.db import connection
from django.urls import reverse

from participants.coverage.tasks import recompute_stale
from participants.kernel.periods import add_months, current_period, format_period
from participants.models import Category, CoverageRow, ParticipantCount, StaleBucket
from regions.models import Region, Role
from regions.values.formatting import format_percent
from tests.participants.coverage.factories import put_counts, put_workforce
from tests.worker import celery_worker, private_redis, real_broker, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.xdist_group("celery-worker")]
PERIOD = add_months(current_period(), -1)
VISIBILITY_TIMEOUT = 3


def kalbar_total() -> CoverageRow | None:
    return CoverageRow.objects.filter(region__code="61", period=PERIOD, category=None).first()


def save_through_the_grid(client, officer, values: dict[str, int]):
    """POST the data-entry grid as the browser would (version from the page first)."""
    client.force_login(officer)
    url = reverse("participants:grid", args=["61", format_period(PERIOD)])
    version = client.get(url).context["version"]
    pu = Category.objects.get(code="PU")
    data = {"version": version}
    for code, value in values.items():
        data[f"v-{Region.objects.get(code=code).pk}-{pu.pk}"] = str(value)
    return client.post(url, data)


@pytest.fixture
def officer(make_user):
    put_workforce("61", PERIOD.year, 100_000)
    return make_user(Role.PROVINCIAL_OFFICER, province="61")


def test_saved_counts_reach_the_coverage_page_without_a_manual_step(
    regions_reloaded, transactional_db, client, officer
):
    with celery_worker() as worker, real_broker(worker.queue):
        response = save_through_the_grid(client, officer, {"61.71": 30_000, "61.12": 4_550})
        assert response.status_code in (200, 302)
        assert wait_for(lambda: (row := kalbar_total()) and row.participants == 34_550)
    page = client.get(
        reverse("coverage:province", args=["61"]) + f"?period={format_period(PERIOD)}"
    )
    assert format_percent(kalbar_total().coverage_percent) == "34,55%"
    assert "34,55%" in page.content.decode()


def test_redis_down_during_a_save_keeps_the_save_and_catches_up_later(
    regions_reloaded, transactional_db, client, officer
):
    with (
        private_redis() as redis,
        celery_worker(broker_url=redis.url) as worker,
        real_broker(worker.queue, url=redis.url),
    ):
        redis.stop()
        response = save_through_the_grid(client, officer, {"61.71": 12_345})
        assert response.status_code in (200, 302)
        assert ParticipantCount.objects.get(region__code="61.71", period=PERIOD)
        assert StaleBucket.objects.filter(province__code="61", period=PERIOD).exists()
        assert kalbar_total() is None  # nothing recomputed while the broker was away
        redis.start()
        recompute_stale.delay()  # what the five-minute sweep (celery beat) sends
        assert wait_for(lambda: (row := kalbar_total()) and row.participants == 12_345, 60)
        assert not StaleBucket.objects.exists()


def test_worker_killed_mid_recompute_leaves_no_partial_state_and_the_retry_completes(
    regions_reloaded, transactional_db
):
    december = dt.date(2022, 12, 1)
    put_counts("61", december, {"61.71": {"PU": 100}})  # recomputed eagerly here
    before = {(r.region_id, r.category_id): r.participants for r in CoverageRow.objects.all()}
    blocker = _lock_national_row(december)  # the recompute will wait on this row
    try:
        with (
            celery_worker(CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT)) as first,
            real_broker(first.queue),
        ):
            put_counts("61", december, {"61.71": {"PU": 250}})  # enqueued after commit
            assert wait_for(_recompute_is_blocked), "the recompute never reached the lock"
            first.kill()
        blocker.rollback()
        assert wait_for(lambda: not _recompute_is_blocked(), 20)
        after = {(r.region_id, r.category_id): r.participants for r in CoverageRow.objects.all()}
        assert after == before  # the killed run's deletes and inserts were all rolled back
        assert StaleBucket.objects.filter(period=december).exists()
        # A worker restores unacknowledged tasks older than the visibility timeout when it
        # starts (and then only every few minutes): let the killed task's timeout pass.
        time.sleep(VISIBILITY_TIMEOUT + 1)
        with celery_worker(first.queue, CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT)):
            assert wait_for(lambda: _kalbar(december) == 250, 60), "the task was not redelivered"
        assert not StaleBucket.objects.filter(period=december).exists()
    finally:
        blocker.close()


def _kalbar(period: dt.date) -> int:
    participants = CoverageRow.objects.get(region__code="61", period=period, category=None)
    assert participants.participants is not None
    return participants.participants


def _lock_national_row(period: dt.date) -> psycopg.Connection:
    db = connection.settings_dict
    side = psycopg.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"])
    side.execute(
        "DELETE FROM participants_coveragerow WHERE level = 'national' AND period = %s",
        [period],
    )
    return side


def _recompute_is_blocked() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND query LIKE '%%DELETE FROM participants_coveragerow WHERE level = ''national''%%'"
        )
        return cursor.fetchone()[0] > 0
