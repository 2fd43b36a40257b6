"""Mark province × month buckets stale in the caller's transaction; recompute after commit.

Every write that changes what the coverage table would say calls `mark_stale`. The mark is
a database row, so it survives a broker outage; the enqueue happens only after commit and a
failure to reach the broker is logged, never raised, so the user's save still succeeds.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction

from participants.coverage.models import Bucket, StaleBucket
from participants.coverage.tasks import recompute_stale

log = logging.getLogger(__name__)


def mark_stale(buckets: Iterable[Bucket]) -> None:
    marks = [StaleBucket(province_id=p, period=m) for p, m in set(buckets)]
    if not marks:
        return
    StaleBucket.objects.bulk_create(
        marks,
        update_conflicts=True,
        unique_fields=["province", "period"],
        # New data gives a bucket that failed another try.
        update_fields=["marked_at", "failed_at", "error"],
        batch_size=1000,
    )
    transaction.on_commit(enqueue_recompute)


def enqueue_recompute() -> None:
    try:
        recompute_stale.delay()
    except Exception:  # broker down: the stale marks stay and the next run picks them up
        log.warning("Could not enqueue the coverage recompute; stale marks kept.", exc_info=True)
