"""Mark province × month buckets stale in the caller's transaction; recompute after commit.

Every write that changes what the coverage table would say calls `mark_stale`. The mark is
a database row, so it survives a broker outage; the enqueue happens only after commit and a
failure to reach the broker is logged, never raised, so the user's save still succeeds.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from participants.coverage.models import Bucket, StaleBucket
from participants.coverage.tasks import recompute_stale

log = logging.getLogger(__name__)


# New data gives a bucket that failed another try: its failure is cleared with the new mark.
MARK_ARRAYS = (
    "INSERT INTO {table} (province_id, period, marked_at, failed_at, error) "
    "SELECT province_id, period, %s, NULL, '' FROM unnest(%s::bigint[], %s::date[]) "
    "AS marks (province_id, period) ON CONFLICT (province_id, period) DO UPDATE "
    "SET marked_at = EXCLUDED.marked_at, failed_at = NULL, error = ''"
)


def stale_statement(buckets: Iterable[Bucket], now: dt.datetime) -> tuple[str, list[Any]]:
    """PostgreSQL: the statement marking these buckets, the months as two arrays (an import
    marks ~2.400 months: not 12.000 parameters quoted in Python)."""
    keys = sorted(set(buckets))
    sql = MARK_ARRAYS.format(table=StaleBucket._meta.db_table)
    return sql, [now, [p for p, _ in keys], [m for _, m in keys]]


def mark_stale(buckets: Iterable[Bucket]) -> None:
    keys = set(buckets)
    if not keys:
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(*stale_statement(keys, timezone.now()))
    else:
        StaleBucket.objects.bulk_create(
            [StaleBucket(province_id=p, period=m) for p, m in keys],
            update_conflicts=True,
            unique_fields=["province", "period"],
            update_fields=["marked_at", "failed_at", "error"],
            batch_size=1000,
        )
    transaction.on_commit(enqueue_recompute)


def enqueue_recompute() -> None:
    try:
        recompute_stale.delay()
    except Exception:  # broker down: the stale marks stay and the next run picks them up
        log.warning("Could not enqueue the coverage recompute; stale marks kept.", exc_info=True)
