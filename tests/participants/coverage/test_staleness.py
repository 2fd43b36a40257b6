"""Stale marks: one per province × month, a new mark clears an earlier failure."""

import datetime as dt

import pytest
from django.utils import timezone

from participants.coverage.staleness import mark_stale
from participants.models import StaleBucket
from tests.conftest import region

pytestmark = pytest.mark.django_db
MONTH = dt.date(2023, 12, 1)


def test_a_mark_creates_missing_buckets_and_clears_a_failed_one():
    kalbar, jatim = region("61"), region("35")
    before = timezone.now() - dt.timedelta(days=1)
    StaleBucket.objects.create(province=kalbar, period=MONTH)
    StaleBucket.objects.filter(province=kalbar).update(
        marked_at=before, failed_at=before, error="out of range"
    )

    mark_stale([(kalbar.pk, MONTH), (jatim.pk, MONTH), (jatim.pk, MONTH)])

    marks = {b.province_id: b for b in StaleBucket.objects.all()}
    assert set(marks) == {kalbar.pk, jatim.pk}
    again = marks[kalbar.pk]
    assert (again.failed_at, again.error) == (None, "")
    assert again.marked_at > before
    assert marks[jatim.pk].period == MONTH and marks[jatim.pk].failed_at is None
