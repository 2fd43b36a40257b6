"""A meeting belongs where it is hosted as well as where it concerns, and its page says so."""

import pytest
from django.utils import timezone

from agreements import services
from agreements.models import FollowUpAction, Meeting
from tests.agreements.factories import MeetingFactory, region

pytestmark = pytest.mark.django_db


def test_a_meeting_hosted_in_kolaka_timur_is_on_its_timeline_and_shows_its_host(
    client, kolaka_staff
):
    meeting = MeetingFactory(host_region=region("74.11"), title="Rapat di Tirawuta")
    meeting.regions.set([region("74")])
    client.force_login(kolaka_staff)
    timeline = client.get("/kesepakatan/wilayah/74.11/linimasa/")
    assert "Rapat di Tirawuta" in timeline.content.decode()
    page = client.get(f"/kesepakatan/rapat/{meeting.pk}/").content.decode()
    assert "Kolaka Timur" in page


def test_meeting_record_saves_attendees_and_actions_all_or_nothing(kolaka_staff):
    meeting = Meeting(
        kind=Meeting.Kind.KSO, title="KSO", host_region=region("74.11"), starts_at=timezone.now()
    )
    saved = services.meeting_record(
        actor=kolaka_staff,
        meeting=meeting,
        regions=[region("74.11")],
        attendees=[("Makmur", "Kepala Dinas", "Disnakertrans")],
        actions=[FollowUpAction(description="Anggarkan iuran", owner="Pemkab")],
    )
    assert saved.attendees.count() == 1 and saved.actions.count() == 1
    services.meeting_record(
        actor=kolaka_staff, meeting=saved, regions=[region("74.11")], actions=[]
    )
    assert saved.actions.count() == 0 and saved.attendees.count() == 1
