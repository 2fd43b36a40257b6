"""The administrators' home says in plain words whether background work keeps up."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from participants.models import StaleBucket
from regions.models import Region, WorkerHeartbeat

pytestmark = pytest.mark.django_db


def _home(client, user, language: str = "id") -> str:
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_stalled_worker_is_named_on_the_admin_home_in_both_languages(
    client, national_admin, monkeypatch
):
    monkeypatch.setattr(settings, "CELERY_TASK_ALWAYS_EAGER", False)
    WorkerHeartbeat.objects.create(
        hostname="worker", seen_at=timezone.now() - dt.timedelta(minutes=7)
    )
    StaleBucket.objects.create(province=Region.objects.get(code="61"), period=dt.date(2024, 1, 1))
    page = _home(client, national_admin)
    assert "Pekerjaan latar berhenti: tidak ada detak yang diproses selama 7" in page
    assert "Bulan tertua yang menunggu dihitung ulang ditandai" in page
    english = _home(client, national_admin, "en")
    assert "Background work has stopped: no heartbeat handled for 7" in english


def test_a_working_worker_is_reported_as_running(client, national_admin, monkeypatch):
    monkeypatch.setattr(settings, "CELERY_TASK_ALWAYS_EAGER", False)
    WorkerHeartbeat.objects.create(hostname="worker", seen_at=timezone.now())
    page = _home(client, national_admin)
    assert "Pekerjaan latar berjalan: detak terakhir diproses" in page
    assert "Tidak ada bulan yang menunggu dihitung ulang." in page
