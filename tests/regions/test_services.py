import pytest

from regions import services
from regions.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def test_heartbeats_keep_only_the_most_recent_rows(monkeypatch):
    monkeypatch.setattr(services, "HEARTBEATS_KEPT", 3)
    recorded = [services.heartbeat_record(hostname=f"worker-{n}").pk for n in range(5)]
    assert sorted(WorkerHeartbeat.objects.values_list("pk", flat=True)) == recorded[-3:]
