"""Mark province × month buckets stale in the caller's transaction; recompute after commit.

Every write that changes what the coverage table would say calls `mark_stale`. The mark is
a database row, so it survives a broker outage; the enqueue happens only after commit and a
failure to reach the broker is logged, never raised, so the user's save still succeeds.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.db import transaction

from participants.coverage.models import StaleBucket

log = logging.getLogger(__name__)


def mark_stale(*, province_id: int, periods: Iterable[dt.date]) -> None:
    marks = [StaleBucket(province_id=province_id, period=p) for p in set(periods)]
    StaleBucket.objects.bulk_create(
        marks,
        update_conflicts=True,
        unique_fields=["province", "period"],
        update_fields=["marked_at"],
    )
    transaction.on_commit(enqueue_recompute)


def enqueue_recompute() -> None:
    from participants.tasks import recompute_stale

    try:
        recompute_stale.delay()
    except Exception:  # broker down: the stale marks stay and the next run picks them up
        log.warning("Could not enqueue the coverage recompute; stale marks kept.", exc_info=True)
