import pytest
from celery.schedules import crontab
from django_celery_beat.models import PeriodicTask
from django_celery_beat.schedulers import DatabaseScheduler

from coverage_portal.celery import app
from regions.models import WorkerHeartbeat
from regions.tasks import record_heartbeat
from tests.worker import celery_worker, real_broker, wait_for


@pytest.mark.worker
@pytest.mark.xdist_group("celery-worker")
def test_real_worker_writes_heartbeat_to_postgresql(regions_reloaded, transactional_db):
    with celery_worker() as worker, real_broker(worker.queue):
        record_heartbeat.delay()
        assert wait_for(WorkerHeartbeat.objects.exists), "no heartbeat written by the worker"
        names = [name for reply in app.control.ping(timeout=2.0) for name in reply]
        assert any(name.startswith(worker.queue) for name in names)


def test_heartbeat_task_records_the_worker_host(db):
    heartbeat_id = record_heartbeat.delay().get()
    assert WorkerHeartbeat.objects.get(pk=heartbeat_id).hostname


def test_every_periodic_task_is_registered():
    from django.conf import settings

    app.loader.import_default_modules()  # autodiscovery is lazy; beat imports them all
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]


def _crontab_interval(schedule: crontab) -> float:
    # The schedule's crontabs run once an hour or once a day, at one minute.
    assert len(schedule.minute) == 1
    return 3600.0 if len(schedule.hour) == 24 else 24 * 3600.0


def test_a_run_queued_while_no_worker_took_it_expires_before_the_next_is_due(transactional_db):
    """Beat's database scheduler stores each expiry, so the worker drops a stale run. (It
    closes connections inside a transaction, hence a transactional database.)"""
    from django.conf import settings

    DatabaseScheduler(app=app)

    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        schedule = entry["schedule"]
        interval = (
            float(schedule) if isinstance(schedule, int | float) else _crontab_interval(schedule)
        )
        expiry = PeriodicTask.objects.get(name=name).expire_seconds
        assert expiry and 0 < expiry <= interval, (name, expiry, interval)
