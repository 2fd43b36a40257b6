import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from agreements.models import Agreement
from agreements.reminders import reminders_send
from agreements.tasks import daily_reminders
from regions.models import Notification, Role
from tests.agreements.factories import (
    ActionFactory,
    ActiveAgreementFactory,
    CommitmentFactory,
    MeetingFactory,
    region,
)

pytestmark = pytest.mark.django_db
TODAY = dt.date(2027, 1, 10)


def test_an_agreement_expiring_within_90_days_notifies_the_province_once(
    kalbar_officer, jatim_officer, national_admin
):
    agreement = ActiveAgreementFactory.create(valid_until=TODAY + dt.timedelta(days=60))
    reminders_send(today=TODAY)
    reminders_send(today=TODAY)
    notes = Notification.objects.filter(event=f"agreement-90:{agreement.pk}")
    assert [n.user for n in notes] == [kalbar_officer]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [kalbar_officer.email]
    assert agreement.title in mail.outbox[0].body


def test_the_30_day_reminder_is_a_second_distinct_notification(kalbar_officer):
    agreement = ActiveAgreementFactory.create(valid_until=TODAY + dt.timedelta(days=60))
    reminders_send(today=TODAY)
    reminders_send(today=TODAY + dt.timedelta(days=40))
    keys = set(Notification.objects.filter(user=kalbar_officer).values_list("event", flat=True))
    assert keys == {f"agreement-90:{agreement.pk}", f"agreement-30:{agreement.pk}"}


def test_an_agreement_past_its_end_expires_on_its_own(kalbar_officer):
    agreement = ActiveAgreementFactory.create(valid_until=TODAY - dt.timedelta(days=1))
    summary = reminders_send(today=TODAY)
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.EXPIRED
    assert summary.expired == 1


def test_overdue_commitments_and_actions_reach_branch_staff_of_the_regency(kolaka_staff):
    koltim = region("74.11")
    meeting = MeetingFactory.create(host_region=koltim, regions=[koltim])
    action = ActionFactory.create(meeting=meeting, due_date=TODAY - dt.timedelta(days=3))
    commitment = CommitmentFactory.create(
        agreement=ActiveAgreementFactory.create(region=koltim),
        due_date=TODAY - dt.timedelta(days=1),
    )
    ActionFactory.create(meeting=meeting, due_date=TODAY + dt.timedelta(days=3))
    reminders_send(today=TODAY)
    keys = set(Notification.objects.filter(user=kolaka_staff).values_list("event", flat=True))
    assert keys == {f"action-overdue:{action.pk}", f"commitment-overdue:{commitment.pk}"}


def test_a_failed_email_is_retried_by_the_next_run(kalbar_officer, settings):
    ActiveAgreementFactory.create(valid_until=TODAY + dt.timedelta(days=10))
    kalbar_officer.email = ""
    kalbar_officer.save(update_fields=["email"])
    reminders_send(today=TODAY)
    assert mail.outbox == []
    kalbar_officer.email = "petugas@kalbarprov.go.id"
    kalbar_officer.save(update_fields=["email"])
    reminders_send(today=TODAY)
    assert [m.to for m in mail.outbox] == [["petugas@kalbarprov.go.id"]]


def test_the_notification_page_lists_only_my_notifications(client, kalbar_officer, make_user):
    other = make_user(Role.PROVINCIAL_OFFICER, province="61")
    agreement = ActiveAgreementFactory.create(valid_until=TODAY + dt.timedelta(days=10))
    reminders_send(today=TODAY)
    Notification.objects.filter(user=other).update(
        key="notice.text", params={"text": "pesan orang lain"}
    )
    client.force_login(kalbar_officer)
    assert client.get("/kesepakatan/notifikasi/").url == "/notifikasi/"
    page = client.get("/notifikasi/").content.decode()
    assert agreement.title in page
    assert 'data-testid="unread-count">1<' in page
    assert "pesan orang lain" not in page
    client.post("/notifikasi/dibaca/")
    assert not Notification.objects.filter(user=kalbar_officer, read_at=None).exists()
    assert "unread-count" not in client.get("/notifikasi/").content.decode()


def test_a_reminder_reads_in_the_readers_language(client, kalbar_officer):
    ActiveAgreementFactory.create(title="MoU Kalbar", valid_until=dt.date(2027, 2, 21))
    reminders_send(today=TODAY)
    client.force_login(kalbar_officer)
    indonesian = client.get("/notifikasi/").content.decode()
    assert "berakhir pada 21 Februari 2027" in indonesian
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get("/notifikasi/").content.decode()
    assert "expires on 21 February 2027, in 42 days" in english


def test_the_management_command_runs_the_same_job(kalbar_officer, capsys):
    ActiveAgreementFactory.create(valid_until=TODAY - dt.timedelta(days=1))
    call_command("send_reminders", "--date", TODAY.isoformat())
    assert "expired 1" in capsys.readouterr().out


def test_the_celery_task_runs_the_job_for_today(kalbar_officer):
    ActiveAgreementFactory.create(valid_from=dt.date(2000, 1, 1), valid_until=dt.date(2001, 1, 1))
    result = daily_reminders.delay().get(timeout=30)
    assert result["expired"] == 1
