"""Dates and years of agreements records within 2000–2100: one test a defect that broke
pages for everyone once such a record was stored."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from agreements.meetings.exports import _end
from agreements.meetings.models import Meeting
from tests import hostile
from tests.agreements.factories import MeetingFactory, region

pytestmark = pytest.mark.django_db


def meeting_post(day: str, time: str = "09:00") -> dict[str, str]:
    return {
        "kind": "rakor",
        "title": "Rakor",
        "date": day,
        "time": time,
        "host_region": str(region("61").pk),
        "regions": str(region("61.71").pk),
        **{f"{p}-{k}": v for p in ("att", "act") for k, v in (("TOTAL_FORMS", "0"),
           ("INITIAL_FORMS", "0"), ("MIN_NUM_FORMS", "0"), ("MAX_NUM_FORMS", "1000"))},
    }  # fmt: skip


@pytest.mark.parametrize(("day", "time"), [("0001-01-01", "00:00"), ("9999-12-31", "23:00")])
def test_a_meeting_outside_the_years_2000_to_2100_is_a_form_error(
    client, kalbar_officer, day, time
):
    client.force_login(kalbar_officer)
    hostile.tried()
    response = client.post(reverse("agreements:meeting-create"), meeting_post(day, time))
    assert response.status_code == 200 and not Meeting.objects.exists()


def test_the_database_refuses_a_meeting_in_year_9999():
    meeting = MeetingFactory.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(
            starts_at=dt.datetime(9999, 12, 31, 23, tzinfo=dt.UTC)
        )


def test_the_calendar_end_of_a_meeting_on_the_last_day_does_not_overflow():
    start = dt.datetime(9999, 12, 31, 23, tzinfo=dt.UTC)
    assert _end(start) == start.replace(minute=59, second=59)
    assert _end(timezone.now()) > timezone.now()
