"""Meeting pages: scope, local time, actions marked done, the list's queries."""

import datetime as dt

import pytest
from django.urls import reverse

from agreements.meetings.models import FollowUpAction, Meeting
from tests.agreements.factories import (
    ActionFactory,
    MeetingFactory,
    region,
)

pytestmark = pytest.mark.django_db


def test_meeting_with_many_regions_is_visible_to_each_but_editable_only_by_all(
    client, kolaka_staff, make_user
):
    from regions.models import Role

    sultra_officer = make_user(Role.PROVINCIAL_OFFICER, province="74")
    meeting = MeetingFactory.create(
        host_region=region("74.11"), regions=[region("74.11"), region("74.71")]
    )
    client.force_login(kolaka_staff)
    page = client.get(reverse("agreements:meeting-detail", args=[meeting.pk]))
    assert page.status_code == 200
    assert page.context["editable"] is False
    assert client.get(reverse("agreements:meeting-edit", args=[meeting.pk])).status_code == 403
    client.force_login(sultra_officer)
    assert client.get(reverse("agreements:meeting-detail", args=[meeting.pk])).context["editable"]


def test_branch_staff_log_a_meeting_in_local_time(client, kolaka_staff):
    client.force_login(kolaka_staff)
    data = {
        "kind": "kso", "title": "Rapat KSO", "host_region": region("74.11").pk,
        "regions": [region("74.11").pk], "date": "2021-10-14", "time": "09:30",
        "att-TOTAL_FORMS": "2", "att-INITIAL_FORMS": "0",
        "att-0-name": "Makmur Watukila", "att-0-position": "Kepala Dinas",
        "att-1-name": "Bachtiar Asyhari", "att-1-position": "Kepala Cabang",
        "act-TOTAL_FORMS": "1", "act-INITIAL_FORMS": "0",
        "act-0-description": "Anggarkan iuran", "act-0-owner": "Pemkab", "act-0-status": "open",
        "act-0-due_date": "2022-01-31",
    }  # fmt: skip
    response = client.post(reverse("agreements:meeting-create"), data)
    assert response.status_code == 302, response.context["form"].errors
    meeting = Meeting.objects.get(title="Rapat KSO")
    assert meeting.starts_at == dt.datetime(2021, 10, 14, 1, 30, tzinfo=dt.UTC)  # 09.30 WITA
    assert meeting.attendees.count() == 2
    assert meeting.actions.get().owner == "Pemkab"
    detail = client.get(response.url).content.decode()
    assert "09.30 WITA" in detail


def test_marking_an_action_done_with_htmx_returns_the_row(client, kalbar_officer):
    action = ActionFactory.create(due_date=dt.date(2020, 1, 1))
    client.force_login(kalbar_officer)
    response = client.post(
        reverse("agreements:action-complete", args=[action.pk]), HTTP_HX_REQUEST="true"
    )
    assert 'data-testid="action-row"' in response.content.decode()
    action.refresh_from_db()
    assert action.status == FollowUpAction.Status.DONE


def test_an_outsider_cannot_mark_an_action_done(client, jatim_officer):
    action = ActionFactory.create()
    client.force_login(jatim_officer)
    response = client.post(reverse("agreements:action-complete", args=[action.pk]))
    assert response.status_code == 404
    action.refresh_from_db()
    assert action.status == FollowUpAction.Status.OPEN


def test_meeting_list_does_not_grow_queries_with_rows(
    client, viewer, django_assert_max_num_queries
):
    for _ in range(8):
        MeetingFactory.create(regions=[region("61"), region("61.71")])
    client.force_login(viewer)
    # 8 rows; the shared header adds two fixed queries (unread notifications, demo flag).
    with django_assert_max_num_queries(12):
        response = client.get(reverse("agreements:meeting-list"))
    assert len(response.context["page"]) == 8
