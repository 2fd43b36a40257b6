import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.meetings.models import FollowUpAction, Meeting
from agreements.models import Agreement
from tests.agreements.factories import (
    ActionFactory,
    ActiveAgreementFactory,
    AgreementFactory,
    CommitmentFactory,
    MeetingFactory,
    region,
)

pytestmark = pytest.mark.django_db


def test_the_owner_sees_the_agreement_and_its_edit_link(client, kalbar_officer):
    agreement = ActiveAgreementFactory.create()
    client.force_login(kalbar_officer)
    page = client.get(reverse("agreements:agreement-detail", args=[agreement.pk]))
    assert page.status_code == 200
    assert reverse("agreements:agreement-edit", args=[agreement.pk]) in page.content.decode()


def test_kolaka_branch_staff_cannot_see_a_kalbar_agreement(client, kolaka_staff):
    agreement = ActiveAgreementFactory.create()
    client.force_login(kolaka_staff)
    assert (
        client.get(reverse("agreements:agreement-detail", args=[agreement.pk])).status_code == 404
    )
    assert client.get(reverse("agreements:agreement-edit", args=[agreement.pk])).status_code == 404
    step = reverse("agreements:agreement-step", args=[agreement.pk, "terminate"])
    client.post(step, {"ended_on": "2024-01-01", "reason": "x"})
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.ACTIVE


def test_a_viewer_reads_but_gets_no_edit_controls_and_cannot_edit(client, viewer):
    agreement = AgreementFactory.create()
    client.force_login(viewer)
    page = client.get(reverse("agreements:agreement-detail", args=[agreement.pk])).content.decode()
    assert agreement.title in page
    assert 'data-testid="lifecycle"' not in page
    assert 'data-testid="upload-form"' not in page
    assert client.get(reverse("agreements:agreement-edit", args=[agreement.pk])).status_code == 403
    response = client.post(
        reverse("agreements:agreement-step", args=[agreement.pk, "sign"]),
        {"signed_on": "2023-02-21"},
    )
    assert response.status_code == 403


def test_an_officer_creates_an_agreement_with_signatories(client, kalbar_officer):
    client.force_login(kalbar_officer)
    data = {
        "kind": "mou", "title": "MoU Kota Pontianak", "region": region("61.71").pk,
        "valid_from": "2024-01-01", "valid_until": "2028-12-31", "scope": "Satu\nDua",
        "sig-TOTAL_FORMS": "2", "sig-INITIAL_FORMS": "0",
        "sig-0-side": "region", "sig-0-name": "Wali Kota", "sig-0-position": "Wali Kota",
        "sig-1-side": "bpjs", "sig-1-name": "Kepala Cabang", "sig-1-position": "Kepala",
    }  # fmt: skip
    response = client.post(reverse("agreements:agreement-create"), data)
    agreement = Agreement.objects.get(title="MoU Kota Pontianak")
    assert response.status_code == 302
    assert agreement.status == Agreement.Status.DRAFT
    assert agreement.signatories.count() == 2
    assert agreement.scope_clauses == ["Satu", "Dua"]


def test_an_officer_cannot_create_an_agreement_for_another_province(client, jatim_officer):
    client.force_login(jatim_officer)
    data = {"kind": "mou", "title": "x", "region": region("61").pk,
            "sig-TOTAL_FORMS": "0", "sig-INITIAL_FORMS": "0"}  # fmt: skip
    response = client.post(reverse("agreements:agreement-create"), data)
    assert response.status_code == 200
    assert "region" in response.context["form"].errors
    assert not Agreement.objects.filter(title="x").exists()


def test_signing_through_the_page_moves_the_status(client, kalbar_officer):
    agreement = AgreementFactory.create()
    client.force_login(kalbar_officer)
    client.post(
        reverse("agreements:agreement-step", args=[agreement.pk, "sign"]),
        {"signed_on": "2023-02-21", "place": "Pontianak"},
    )
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.SIGNED


def test_a_refused_transition_shows_a_message(client, kalbar_officer):
    agreement = AgreementFactory.create()
    client.force_login(kalbar_officer)
    response = client.post(
        reverse("agreements:agreement-step", args=[agreement.pk, "activate"]), follow=True
    )
    assert "tidak dapat menjadi" in response.content.decode()


def test_agreement_list_is_scoped_and_filtered(
    client, kalbar_officer, django_assert_max_num_queries
):
    mine = [ActiveAgreementFactory.create(title=f"Kalbar {i}") for i in range(5)]
    AgreementFactory.create(region=region("35"), title="Jatim")
    client.force_login(kalbar_officer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("agreements:agreement-list"))
    titles = {a.title for a in response.context["page"]}
    assert titles == {a.title for a in mine}
    filtered = client.get(reverse("agreements:agreement-list"), {"q": "Kalbar 3"})
    assert [a.title for a in filtered.context["page"]] == ["Kalbar 3"]
    drafts = client.get(reverse("agreements:agreement-list"), {"status": "draft"})
    assert list(drafts.context["page"]) == []


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


def test_overdue_commitments_are_highlighted(client, kalbar_officer):
    agreement = ActiveAgreementFactory.create()
    CommitmentFactory.create(agreement=agreement, due_date=timezone.localdate() - dt.timedelta(1))
    client.force_login(kalbar_officer)
    page = client.get(reverse("agreements:agreement-detail", args=[agreement.pk]))
    assert 'class="overdue"' in page.content.decode()


@pytest.mark.parametrize(
    "name", ["agreement-list", "meeting-list", "commitment-list", "regulation-list", "budget-list",
             "notification-list"],
)  # fmt: skip
def test_list_pages_answer_the_outsider_with_nothing_of_kalbar(client, jatim_officer, name):
    ActiveAgreementFactory.create()
    client.force_login(jatim_officer)
    response = client.get(reverse(f"agreements:{name}"), follow=True)
    assert response.status_code == 200
    assert "Kalimantan Barat" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("agreements:agreement-list"))
    assert response.status_code == 302
