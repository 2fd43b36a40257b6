"""The daily reminder job through a real Celery worker and the real Redis broker."""

import datetime as dt

import pytest

from agreements.models import Agreement
from agreements.tasks import daily_reminders
from regions.models import Notification
from tests.agreements.factories import ActiveAgreementFactory, CommitmentFactory
from tests.worker import celery_worker, real_broker, wait_for

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.worker,
    pytest.mark.xdist_group("celery-worker"),
]


def test_daily_reminders_through_celery_expire_notify_and_never_repeat(
    regions_present, regions_reloaded, kalbar_officer
):
    ended = ActiveAgreementFactory.create(
        valid_from=dt.date(2000, 1, 1), valid_until=dt.date(2001, 1, 1)
    )
    expiring = ActiveAgreementFactory.create(valid_until=dt.date.today() + dt.timedelta(days=20))
    mine = Notification.objects.filter(user=kalbar_officer)
    with celery_worker() as worker, real_broker():
        queue = getattr(worker, "queue", worker)  # a Worker now; its queue name before
        daily_reminders.apply_async(queue=queue)
        assert wait_for(lambda: mine.filter(event=f"agreement-30:{expiring.pk}").exists())
        # a second run, marked by a new overdue commitment it must report
        late = CommitmentFactory.create(agreement=expiring, due_date=dt.date(2020, 1, 1))
        daily_reminders.apply_async(queue=queue)
        assert wait_for(lambda: mine.filter(event=f"commitment-overdue:{late.pk}").exists())
    ended.refresh_from_db()
    assert ended.status == Agreement.Status.EXPIRED
    assert mine.count() == 2
