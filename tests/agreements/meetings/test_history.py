"""A meeting, its regions, attendees and follow-up actions keep their history."""

import datetime as dt

import pytest
from django.urls import reverse

from agreements import services
from agreements.meetings.models import FollowUpAction
from tests.agreements.factories import ActionFactory, MeetingFactory, region

pytestmark = pytest.mark.django_db


def test_a_meeting_edit_names_the_user_and_keeps_the_old_title(kalbar_officer):
    meeting = MeetingFactory.create(title="Rakor lama")
    meeting.title = "Rakor baru"
    services.meeting_save(actor=kalbar_officer, meeting=meeting, regions=[region("61")])
    latest = meeting.history.first()
    assert latest.title == "Rakor baru" and latest.history_user == kalbar_officer
    assert meeting.history.filter(title="Rakor lama").exists()


def test_a_change_of_the_regions_concerned_is_recorded(kalbar_officer):
    meeting = MeetingFactory.create()
    regions = [region("61"), region("61.71")]
    services.meeting_save(actor=kalbar_officer, meeting=meeting, regions=regions)
    latest = meeting.history.first()
    assert {row.region_id for row in latest.regions.all()} == {r.pk for r in regions}
    assert latest.history_user == kalbar_officer


def test_completing_an_action_records_its_old_and_new_status(kalbar_officer):
    action = ActionFactory.create()
    services.action_complete(actor=kalbar_officer, action=action, done_on=dt.date(2024, 3, 1))
    new, old = action.history.all()[:2]
    assert (old.status, new.status) == (FollowUpAction.Status.OPEN, FollowUpAction.Status.DONE)
    assert new.history_user == kalbar_officer and new.done_on == dt.date(2024, 3, 1)


def test_an_action_dropped_from_the_list_is_recorded_as_removed_by_the_user(kalbar_officer):
    action = ActionFactory.create()
    services.actions_set(actor=kalbar_officer, meeting=action.meeting, actions=[])
    removed = FollowUpAction.history.filter(id=action.pk).first()
    assert (removed.history_type, removed.history_user) == ("-", kalbar_officer)


def test_attendees_replaced_are_recorded_by_the_user(kalbar_officer):
    meeting = MeetingFactory.create()
    services.attendees_set(
        actor=kalbar_officer, meeting=meeting, people=[("Harisson", "Sekda", "Pemprov")]
    )
    added = meeting.attendees.get().history.get()
    assert (added.history_type, added.history_user) == ("+", kalbar_officer)


def test_the_meeting_history_page_is_held_to_the_scope(client, national_admin, jatim_officer):
    meeting = MeetingFactory.create()
    url = reverse("admin:agreements_meeting_history", args=[meeting.pk])
    client.force_login(jatim_officer)
    assert client.get(url).status_code in (403, 404)
    client.force_login(national_admin)
    assert client.get(url).status_code == 200
