"""/api/v1/agreements/ and /api/v1/meetings/: an agreement with its signatories and a meeting
with its attendees and follow-up actions are written in one service call, within scope."""

from __future__ import annotations

import pytest

from agreements.models import Agreement, Meeting
from regions.demo import seed_offices

pytestmark = pytest.mark.django_db

SIGNATORIES = [
    {"side": "region", "name": "Sutarmidji", "position": "Gubernur"},
    {"side": "bpjs", "name": "Anggoro", "position": "Kepala Kantor Wilayah"},
]
MEETING = {
    "kind": "kso",
    "title": "Rapat KSO",
    "starts_at": "2021-10-14T10:00:00+08:00",
    "host_region": "74.11",
    "regions": ["74.11"],
    "attendees": [{"name": "Makmur", "position": "Kepala Dinas", "institution": "Disnakertrans"}],
    "actions": [{"description": "Anggarkan iuran non-ASN", "owner": "Pemkab", "status": "open"}],
}


def test_an_agreement_is_written_with_its_signatories(api_as):
    client = api_as("kalbar_officer")
    body = {"kind": "mou", "title": "MoU Kalbar", "region": "61", "signatories": SIGNATORIES}
    created = client.post("/api/v1/agreements/", body, format="json")
    assert created.status_code == 201, created.json()
    assert {s["name"] for s in created.json()["signatories"]} == {"Sutarmidji", "Anggoro"}
    patched = client.patch(
        f"/api/v1/agreements/{created.json()['id']}/", {"title": "MoU"}, format="json"
    )
    assert len(patched.json()["signatories"]) == 2


def test_a_kalbar_officer_cannot_name_the_kolaka_office(api_as):
    seed_offices()
    body = {"kind": "mou", "title": "MoU Kalbar", "region": "61", "office": "cabang-kolaka"}
    response = api_as("kalbar_officer").post("/api/v1/agreements/", body, format="json")
    assert response.status_code == 400
    assert "office" in response.json() or "outside" in str(response.json())
    assert not Agreement.objects.exists()


def test_a_meeting_is_written_with_its_attendees_and_actions(api_as):
    client = api_as("kolaka_staff")
    created = client.post("/api/v1/meetings/", MEETING, format="json")
    assert created.status_code == 201, created.json()
    meeting = Meeting.objects.get()
    assert meeting.attendees.count() == 1 and meeting.actions.count() == 1
    action = created.json()["actions"][0]
    changed = client.patch(
        f"/api/v1/meetings/{meeting.pk}/",
        {"actions": [{**action, "status": "done"}]},
        format="json",
    )
    assert changed.status_code == 200, changed.json()
    assert meeting.actions.get().done_on is not None


def test_an_action_of_another_meeting_is_refused_and_nothing_is_stored(api_as):
    client = api_as("kolaka_staff")
    meeting = client.post("/api/v1/meetings/", MEETING, format="json").json()
    foreign = {"id": 999999, "description": "x", "owner": "y", "status": "open"}
    response = client.patch(
        f"/api/v1/meetings/{meeting['id']}/", {"actions": [foreign]}, format="json"
    )
    assert response.status_code == 400
    assert Meeting.objects.get().actions.count() == 1
