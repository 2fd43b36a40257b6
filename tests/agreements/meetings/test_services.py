"""Meetings and follow-up actions through their services."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from agreements import services
from agreements.meetings.models import FollowUpAction
from agreements.models import Agreement
from tests.agreements.factories import (
    ActionFactory,
    MeetingFactory,
    region,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
Status = Agreement.Status


def test_branch_staff_may_log_a_meeting_in_their_regencies(kolaka_staff):
    meeting = MeetingFactory.build(host_region=region("74.11"))
    saved = services.meeting_save(actor=kolaka_staff, meeting=meeting, regions=[region("74.11")])
    assert list(saved.regions.all()) == [region("74.11")]


def test_a_meeting_with_a_region_outside_scope_is_refused(kolaka_staff):
    meeting = MeetingFactory.build(host_region=region("74.11"))
    with pytest.raises(PermissionDenied):
        services.meeting_save(
            actor=kolaka_staff, meeting=meeting, regions=[region("74.11"), region("61")]
        )


def test_a_meeting_needs_a_region(kalbar_officer):
    with pytest.raises(ValidationError):
        services.meeting_save(actor=kalbar_officer, meeting=MeetingFactory.build(), regions=[])


def test_completing_an_action_records_the_day(kalbar_officer):
    action = ActionFactory.create()
    services.action_complete(actor=kalbar_officer, action=action, done_on=dt.date(2024, 3, 1))
    action.refresh_from_db()
    assert (action.status, action.done_on) == (FollowUpAction.Status.DONE, dt.date(2024, 3, 1))
    with pytest.raises(ValidationError):
        services.action_complete(actor=kalbar_officer, action=action)
