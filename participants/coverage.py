"""The coverage engine: rebuild the coverage table for stale province × month buckets.

One code path serves incremental and full recomputes: a full recompute marks every bucket
stale and runs the incremental path, so the two cannot drift apart. Each run is one
transaction (readers keep seeing the old rows until it commits) and runs serialised.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from participants import coverage_sql as sql
from participants.models import (
    CoverageRow,
    ParticipantCount,
    RecomputeBucket,
    StaleBucket,
    WorkforceKind,
)
from participants.periods import month_end
from regions.loader import NATIONAL_CODE
from regions.models import Region

log = logging.getLogger(__name__)
ADVISORY_LOCK_KEY = 4_202_103  # Inpres 2/2021, any constant shared by all recomputes


def recompute_stale() -> int:
    """Recompute every bucket marked stale; returns the number of buckets rebuilt."""
    with transaction.atomic():
        _serialise()
        marks = list(StaleBucket.objects.values_list("id", "province_id", "period"))
        if not marks:
            return 0
        seen_until = StaleBucket.objects.filter(id__in=[m[0] for m in marks]).aggregate(
            Max("marked_at")
        )["marked_at__max"]
        buckets = _with_missing_provinces({(m[1], m[2]) for m in marks})
        _rebuild(buckets)
        # A bucket marked again while we worked has a newer mark: it stays for the next run.
        StaleBucket.objects.filter(id__in=[m[0] for m in marks], marked_at__lte=seen_until).delete()
        return len(buckets)


def recompute_all(*, since: dt.date | None = None, province: Region | None = None) -> int:
    """Mark every bucket with data (optionally from a month, or for one province) and rebuild."""
    with transaction.atomic():
        periods = _periods_with_data(since)
        if since is None and province is None:
            _empty_table()
        provinces = _all_provinces()
        buckets = {
            (p.pk, period)
            for period in periods
            for p in provinces
            if p.is_valid_on(period)
            and p.is_valid_on(month_end(period))
            and (province is None or p.pk == province.pk)
        }
        mark_buckets(buckets)
    return recompute_stale()


def _empty_table() -> None:
    """Before rebuilding everything: TRUNCATE is instant where deleting rows takes seconds.
    Readers wait for the commit (a few seconds, at night) and never see a partial table."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {CoverageRow._meta.db_table}")
    else:
        CoverageRow.objects.all().delete()


def mark_buckets(buckets: Iterable[tuple[int, dt.date]]) -> None:
    StaleBucket.objects.bulk_create(
        [StaleBucket(province_id=p, period=m) for p, m in buckets],
        update_conflicts=True,
        unique_fields=["province", "period"],
        update_fields=["marked_at"],
        batch_size=1000,
    )


def _serialise() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])


def _periods_with_data(since: dt.date | None) -> list[dt.date]:
    counts = ParticipantCount.objects.all()
    if since:
        counts = counts.filter(period__gte=since)
    return sorted(set(counts.values_list("period", flat=True).distinct()))


def _all_provinces() -> list[Region]:
    # 38 rows; read per call rather than cached so region edits are seen at once.
    return list(Region.objects.provinces().only("id", "valid_from", "valid_until"))


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
            valid = province.is_valid_on(period) and province.is_valid_on(month_end(period))
            if valid and (province.pk, period) not in present:
                buckets.add((province.pk, period))
    return buckets


def _rebuild(buckets: set[tuple[int, dt.date]]) -> None:
    RecomputeBucket.objects.all().delete()
    RecomputeBucket.objects.bulk_create(
        [
            RecomputeBucket(
                province_id=province_id,
                period=period,
                period_end=month_end(period),
                year=period.year,
                month=period.month,
            )
            for province_id, period in buckets
        ],
        batch_size=1000,
    )
    params = _sql_params()
    with connection.cursor() as cursor:
        _tune_planner(cursor)
        for name, statement in (
            ("delete regencies", sql.DELETE_REGENCIES),
            ("delete provinces", sql.DELETE_PROVINCES),
            ("delete national", sql.DELETE_NATIONAL),
            ("regencies and provinces", sql.INSERT_REGENCIES_AND_PROVINCES),
            ("national", sql.INSERT_NATIONAL),
        ):
            started = time.perf_counter()
            cursor.execute(statement, params)
            log.debug("coverage %s: %.0f ms", name, (time.perf_counter() - started) * 1000)
    RecomputeBucket.objects.all().delete()


def _tune_planner(cursor: Any) -> None:
    """The bucket table was just filled: without statistics PostgreSQL guesses its size and
    picks nested loops; and the full recompute's hash joins need more than 4 MB."""
    if connection.vendor == "postgresql":
        cursor.execute("ANALYZE participants_recomputebucket")
        cursor.execute("SET LOCAL work_mem = '64MB'")


def _sql_params() -> dict[str, Any]:
    employed = WorkforceKind.objects.filter(code="EMPLOYED").values_list("id", flat=True).first()
    national = Region.objects.filter(code=NATIONAL_CODE).values_list("id", flat=True).first()
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    return {"now": now, "employed": employed, "national": national}
