import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.agreements.factories import MeetingFactory, region

pytestmark = pytest.mark.django_db


def test_meeting_ics_carries_the_local_time_and_is_refused_to_outsiders(
    client, kolaka_staff, pontianak_staff
):
    meeting = MeetingFactory.create(
        title="Rapat KSO Kolaka Timur",
        host_region=region("74.11"),
        regions=[region("74.11")],
        starts_at=dt.datetime(2021, 10, 14, 1, 0, tzinfo=dt.UTC),
    )
    client.force_login(kolaka_staff)
    response = client.get(reverse("agreements:meeting-ics", args=[meeting.pk]))
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Rapat KSO Kolaka Timur"
    start = event.decoded("DTSTART")
    assert (start.hour, str(start.tzinfo)) == (9, "Asia/Makassar")
    client.force_login(pontianak_staff)
    assert client.get(reverse("agreements:meeting-ics", args=[meeting.pk])).status_code == 404
