import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

from regions.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_cache_and_broker(client):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert body["database"] == {"ok": True, "vendor": "postgresql"}
    assert body["cache"]["ok"] is True
    assert body["broker"]["ok"] is True
    assert "worker" in body


def test_healthz_fails_when_the_broker_is_unreachable(client, monkeypatch):
    monkeypatch.setattr(settings, "CELERY_TASK_ALWAYS_EAGER", False)
    monkeypatch.setattr(settings, "CELERY_BROKER_URL", "redis://127.0.0.1:1/0")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"]["ok"] is False


def heartbeat_seen(seconds_ago: int) -> None:
    WorkerHeartbeat.objects.create(
        hostname="worker", seen_at=timezone.now() - dt.timedelta(seconds=seconds_ago)
    )


def test_healthz_reports_the_age_of_the_last_consumed_heartbeat(client, monkeypatch):
    monkeypatch.setattr(settings, "CELERY_TASK_ALWAYS_EAGER", False)
    heartbeat_seen(40)
    response = client.get("/healthz")
    heartbeat = response.json()["heartbeat"]
    assert heartbeat["ok"] is True and 39 <= heartbeat["last_heartbeat_seconds"] <= 60
    assert response.status_code == 200


def test_healthz_turns_503_when_no_heartbeat_was_consumed_within_the_stall_limit(
    client, monkeypatch
):
    monkeypatch.setattr(settings, "CELERY_TASK_ALWAYS_EAGER", False)
    heartbeat_seen(settings.LIVENESS_STALL_SECONDS + 5)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["heartbeat"]["ok"] is False
    assert response.json()["coverage_engine"]["ok"] is True  # nothing waits: still a stall


def test_the_web_part_alone_stays_200_while_the_heartbeat_is_old(client, monkeypatch):
    # The web container's check: beat starts only once web is healthy, so an old heartbeat
    # (the stack was down a while) must not keep web unhealthy and beat from starting.
    monkeypatch.setattr(settings, "CELERY_TASK_ALWAYS_EAGER", False)
    heartbeat_seen(settings.LIVENESS_STALL_SECONDS + 600)
    assert client.get("/healthz").status_code == 503
    response = client.get("/healthz?part=web")
    assert response.status_code == 200
    assert response.json()["heartbeat"]["ok"] is False  # still reported, only not judged
