import pytest

from coverage_portal.celery import app
from regions.models import WorkerHeartbeat
from regions.tasks import record_heartbeat
from tests.worker import celery_worker, real_broker, wait_for


@pytest.mark.worker
def test_real_worker_writes_heartbeat_to_postgresql(regions_reloaded, transactional_db):
    with real_broker(), celery_worker() as queue:
        record_heartbeat.apply_async(queue=queue)
        assert wait_for(WorkerHeartbeat.objects.exists), "no heartbeat written by the worker"
        names = [name for reply in app.control.ping(timeout=2.0) for name in reply]
        assert any(name.startswith(queue) for name in names)


def test_heartbeat_task_records_the_worker_host(db):
    heartbeat_id = record_heartbeat.delay().get()
    assert WorkerHeartbeat.objects.get(pk=heartbeat_id).hostname


def test_every_periodic_task_is_registered():
    from django.conf import settings

    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]
