import pytest

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
