"""`make run` needs no broker service: a worker on kombu's filesystem transport runs tasks."""

from __future__ import annotations

from pathlib import Path

import pytest

from coverage_portal.celery import app
from regions.models import WorkerHeartbeat
from regions.tasks import record_heartbeat
from tests.worker import celery_worker, real_broker, wait_for

ROOT = Path(__file__).resolve().parents[3]


def _folders(base: Path) -> dict[str, object]:
    return {
        "data_folder_in": str(base / "queue"),
        "data_folder_out": str(base / "queue"),
        "processed_folder": str(base / "processed"),
        "control_folder": str(base / "control"),
        "store_processed": False,
    }


@pytest.mark.worker
@pytest.mark.xdist_group("celery-worker")
def test_a_worker_on_the_filesystem_broker_runs_tasks(regions_reloaded, transactional_db, tmp_path):
    env = {"CELERY_FILESYSTEM_DIR": str(tmp_path)}
    saved = app.conf.broker_transport_options
    with celery_worker(broker_url="filesystem://", **env) as worker:
        app.conf.broker_transport_options = _folders(tmp_path)
        try:
            with real_broker(worker.queue, url="filesystem://"):
                record_heartbeat.delay()
                assert wait_for(WorkerHeartbeat.objects.exists), "".join(worker.lines)
        finally:
            app.conf.broker_transport_options = saved


def test_make_run_starts_a_worker_and_beat_and_takes_a_port():
    script = (ROOT / "scripts" / "run-dev.sh").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert "worker --beat" in script and "filesystem://" in script
    assert "PORT ?= 8000" in makefile and "PORT=$(PORT) scripts/run-dev.sh" in makefile
    assert script.index("seed_demo --accounts") < script.index("runserver")
