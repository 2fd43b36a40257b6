"""The coverage engine: rebuild the coverage table for stale province × month buckets.

One code path serves incremental and full recomputes: a full recompute runs the same rebuild
over every bucket, so the two cannot drift apart. Each run is one
transaction (readers keep seeing the old rows until it commits) and runs serialised.

The engine never stalls: when the set-based rebuild fails (a value the database refuses, say
one stored before today's bounds), it is retried month by month and then bucket by bucket,
each in its own savepoint. A bucket that still fails is logged and keeps its stale mark with
the reason and `failed_at` (listed for national administrators); every other bucket is
rebuilt.
"""

from __future__ import annotations

import datetime as dt
import logging
from contextlib import nullcontext

from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.utils import timezone

from participants.counts.models import ParticipantCount
from participants.coverage.models import Bucket, CoverageRow, StaleBucket
from participants.coverage.rebuild import rebuild
from participants.coverage.reload import emptied_for_reload
from participants.kernel.periods import month_end
from regions import bounds
from regions.models import Region

log = logging.getLogger(__name__)
ADVISORY_LOCK_KEY = 4_202_103  # Inpres 2/2021, any constant shared by all recomputes
ERROR_CHARS = 2000
# The connection itself failing is no bucket's fault: the task retries the whole run.
TRANSIENT = (OperationalError, InterfaceError)


def recompute_stale() -> int:
    """Recompute every bucket marked stale; returns the number of buckets rebuilt."""
    with transaction.atomic():
        _serialise()
        return _rebuild_buckets(_take_marks())


def recompute_all(*, since: dt.date | None = None, province: Region | None = None) -> int:
    """Rebuild every bucket with data (optionally from a month, or for one province), and
    any marked stale. One transaction: readers see the old table until the new one is whole.
    """
    with transaction.atomic():
        _serialise()
        buckets = _take_marks(include_failed=True) | _buckets_with_data(since, province)
        everything = since is None and province is None
        with emptied_for_reload(CoverageRow) if everything else nullcontext():
            return _rebuild_buckets(buckets)


def _take_marks(*, include_failed: bool = False) -> set[tuple[int, dt.date]]:
    """Remove the stale marks and return their buckets. They go before the rebuild reads any
    data: a mark committed by then came with its data, which the rebuild will see; a save
    still in flight holds its mark's row lock, so the delete waits for it; later saves
    leave new marks for the next run. A failed bucket waits for new data (which marks it
    afresh) or a full recompute, so one bad value does not slow every five-minute sweep."""
    if connection.vendor == "postgresql":  # one round trip instead of two
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {StaleBucket._meta.db_table} "
                f"{'' if include_failed else 'WHERE failed_at IS NULL '}"
                "RETURNING province_id, period"
            )
            return set(cursor.fetchall())
    marks_left = StaleBucket.objects.all()
    if not include_failed:
        marks_left = marks_left.filter(failed_at__isnull=True)
    marks = list(marks_left.values_list("id", "province_id", "period"))
    StaleBucket.objects.filter(id__in=[mark_id for mark_id, _p, _m in marks]).delete()
    return {(province_id, period) for _id, province_id, period in marks}


def _rebuild_buckets(buckets: set[tuple[int, dt.date]]) -> int:
    if not buckets:
        return 0
    buckets = _with_missing_provinces(buckets)
    failed = _rebuild_guarded(buckets)
    _record_failures(failed)
    return len(buckets) - len(failed)


def _rebuild_guarded(buckets: set[Bucket]) -> dict[Bucket, str]:
    """Rebuild `buckets` in a savepoint; on failure, smaller groups, down to single buckets.
    Returns the buckets that could not be rebuilt, with the database's reason."""
    try:
        with transaction.atomic():
            rebuild(buckets)
        return {}
    except TRANSIENT:
        raise
    except DatabaseError as error:
        if len(buckets) == 1:
            bucket = next(iter(buckets))
            log.error("Coverage bucket %s %s could not be computed", *bucket, exc_info=True)
            return {bucket: bounds.MULTI_LINE_FORBIDDEN.sub("\ufffd", str(error))[:ERROR_CHARS]}
        failed: dict[Bucket, str] = {}
        for group in _smaller_groups(buckets):
            failed |= _rebuild_guarded(group)
        return failed


def _smaller_groups(buckets: set[Bucket]) -> list[set[Bucket]]:
    """One group per month when there are several months, else one per bucket."""
    periods = {period for _province, period in buckets}
    if len(periods) > 1:
        return [{b for b in buckets if b[1] == period} for period in sorted(periods)]
    return [{bucket} for bucket in sorted(buckets)]


def _record_failures(failed: dict[Bucket, str]) -> None:
    now = timezone.now()
    for (province_id, period), error in failed.items():
        StaleBucket.objects.update_or_create(
            province_id=province_id, period=period, defaults={"failed_at": now, "error": error}
        )


def _buckets_with_data(since: dt.date | None, province: Region | None) -> set[tuple[int, dt.date]]:
    provinces = _all_provinces()
    return {
        (p.pk, period)
        for period in _periods_with_data(since)
        for p in provinces
        if _valid_all_month(p, period) and (province is None or p.pk == province.pk)
    }


def _serialise() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])


def _periods_with_data(since: dt.date | None) -> list[dt.date]:
    counts = ParticipantCount.objects.all()
    if since:
        counts = counts.filter(period__gte=since)
    # Ordering by the period alone keeps the model's default ordering out of the DISTINCT.
    return list(counts.order_by("period").values_list("period", flat=True).distinct())


def _all_provinces() -> list[Region]:
    # 38 rows; read per call rather than cached so region edits are seen at once.
    return list(Region.objects.provinces().only("id", "valid_from", "valid_until"))


def _valid_all_month(province: Region, period: dt.date) -> bool:
    return province.is_valid_on(period) and province.is_valid_on(month_end(period))


def _with_missing_provinces(buckets: set[tuple[int, dt.date]]) -> set[tuple[int, dt.date]]:
    """National rows sum province rows: a period new to the table needs all its provinces."""
    periods = {period for _province, period in buckets}
    present = set(
        CoverageRow.objects.filter(level="province", category=None, period__in=periods).values_list(
            "region_id", "period"
        )
    )
    provinces = _all_provinces()
    for period in periods:
        for province in provinces:
            if _valid_all_month(province, period) and (province.pk, period) not in present:
                buckets.add((province.pk, period))
    return buckets
