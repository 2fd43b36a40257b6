"""DHIS2's system info, /api/me, and asynchronous imports with their task summary."""

from __future__ import annotations

import pytest

from participants.models import ParticipantCount
from tests.coverage_portal.api.helpers import data_value

pytestmark = pytest.mark.django_db


def test_system_info_and_me(api_as, kalbar_officer):
    client = api_as("kalbar_officer")
    info = client.get("/api/system/info.json").json()
    assert info["version"].startswith("2.") and int(info["version"].split(".")[1]) >= 38
    me = client.get("/api/me").json()
    assert me["username"] == kalbar_officer.username
    assert {"id": "61"} in me["organisationUnits"]
    assert client.get("/api/40/me.json").json()["username"] == kalbar_officer.username


def test_an_async_import_answers_a_job_and_its_summary(api_as, kalbar_month):
    client = api_as("kalbar_officer")
    body = {"dataValues": [data_value("61.71", "PU", "4321")]}
    started = client.post("/api/dataValueSets?async=true", body, format="json").json()
    job = started["response"]
    assert job["jobType"] == "DATAVALUE_IMPORT" and len(job["id"]) == 11
    tasks = client.get(job["relativeNotifierEndpoint"]).json()
    assert tasks[0]["completed"] is True  # tests run Celery eagerly
    summary = client.get(f"/api/system/taskSummaries/DATAVALUE_IMPORT/{job['id']}").json()
    assert summary["status"] == "SUCCESS" and summary["importCount"]["updated"] == 1
    count = ParticipantCount.objects.get(region__code="61.71", category__code="PU")
    assert count.active_participants == 4321
    other = api_as("jatim_officer").get(job["relativeNotifierEndpoint"])
    assert other.status_code == 404  # a job is seen by its owner only
