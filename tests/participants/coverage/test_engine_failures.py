"""The engine never stalls: a bucket it cannot compute is recorded, the others are rebuilt.

Today's bounds keep absurd values out; rows stored before them (here: the bound's CHECK
constraint dropped inside the test's transaction) are what a real database may still hold.
"""

import datetime as dt

import pytest
from django.db import connection

from participants import selectors
from participants.coverage import engine
from participants.models import CoverageRow, StaleBucket
from tests.participants.coverage.factories import put_counts

pytestmark = pytest.mark.django_db
MONTH = dt.date(2023, 12, 1)
BIGINT_MAX = 2**63 - 1


def legacy_count_beyond_bigint_sums() -> None:
    """A province whose two regencies add up past bigint: its totals cannot be stored."""
    with connection.cursor() as cursor:
        cursor.execute(
            "ALTER TABLE participants_participantcount DROP CONSTRAINT count_values_within_bounds"
        )
    put_counts("35", MONTH, {"35.01": {"PU": BIGINT_MAX}, "35.02": {"PU": 5}})


def test_a_bucket_that_cannot_be_computed_is_recorded_and_the_others_proceed(
    national_admin, kalbar_officer
):
    legacy_count_beyond_bigint_sums()
    put_counts("61", MONTH, {"61.71": {"PU": 632_494}})

    rebuilt = engine.recompute_stale()

    assert CoverageRow.objects.filter(region__code="61", period=MONTH, category=None).exists()
    assert not CoverageRow.objects.filter(region__code="35", period=MONTH).exists()
    failed = StaleBucket.objects.get(province__code="35", period=MONTH)
    assert failed.failed_at is not None and "range" in failed.error
    assert rebuilt >= 1
    assert list(selectors.failed_buckets_for(national_admin)) == [failed]
    assert not selectors.failed_buckets_for(kalbar_officer).exists()


def test_a_failed_bucket_waits_for_new_data_and_the_next_sweep_does_nothing():
    legacy_count_beyond_bigint_sums()
    engine.recompute_stale()

    assert engine.recompute_stale() == 0
    put_counts("35", MONTH, {"35.01": {"PU": 10}})
    assert StaleBucket.objects.get(province__code="35").failed_at is None
    engine.recompute_stale()
    assert not StaleBucket.objects.exists()
    assert (
        CoverageRow.objects.get(region__code="35", period=MONTH, category=None).participants == 15
    )


def test_the_full_recompute_also_goes_on_past_a_bad_bucket():
    legacy_count_beyond_bigint_sums()
    put_counts("61", MONTH, {"61.71": {"PU": 1_000}})

    engine.recompute_all()

    assert CoverageRow.objects.filter(region__code="61", period=MONTH).exists()
    assert StaleBucket.objects.filter(province__code="35", failed_at__isnull=False).exists()
