"""What a save records about its reports besides the counts: each report's version raised, its
events logged (created, saved or imported) and its province-month marked stale for the
recompute.

On PostgreSQL these are three statements sent in the same execute as the counts' write (one
array per column, whatever the number of reports); elsewhere the ORM writes them one by one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import connection, transaction
from django.db.models import F

from participants.counts.models import MonthlyReport, ReportEvent
from participants.coverage.models import StaleBucket
from participants.coverage.staleness import enqueue_recompute, mark_stale

Statement = tuple[str, list[Any]]
Event = tuple[MonthlyReport, str, str]  # report, action, comment

_VERSION = (
    f"UPDATE {MonthlyReport._meta.db_table} SET version = version + 1, updated_at = %s "
    "WHERE id = ANY(%s::bigint[])"
)
_EVENTS = (
    f"INSERT INTO {ReportEvent._meta.db_table} (report_id, action, actor_id, at, comment) "
    "SELECT report, action, %s::integer, %s, comment "
    "FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS e(report, action, comment)"
)
# New data gives a bucket that failed another try (as mark_stale does).
_STALE = (
    f"INSERT INTO {StaleBucket._meta.db_table} (province_id, period, marked_at, failed_at, error) "
    "SELECT province, period, %s, NULL, '' FROM unnest(%s::bigint[], %s::date[]) "
    "AS s(province, period) ON CONFLICT (province_id, period) DO UPDATE SET "
    "marked_at = EXCLUDED.marked_at, failed_at = NULL, error = ''"
)


def reports_record(
    reports: Sequence[MonthlyReport],
    events: Sequence[Event],
    actor_id: int | None,
    now: dt.datetime,
) -> list[Statement]:
    """Raise the versions, log the events, mark the months stale; on PostgreSQL return the
    statements for the caller to send with its write, elsewhere write them and return []."""
    if not reports:
        return []
    for report in reports:
        report.version += 1
    buckets = sorted({(r.province_id, r.period) for r in reports})
    if connection.vendor != "postgresql":
        _write_with_orm(reports, events, actor_id, now, buckets)
        return []
    transaction.on_commit(enqueue_recompute)
    return [
        (_VERSION, [now, [r.pk for r in reports]]),
        (
            _EVENTS,
            [
                actor_id,
                now,
                [report.pk for report, _a, _c in events],
                [action for _r, action, _c in events],
                [comment for _r, _a, comment in events],
            ],
        ),
        (_STALE, [now, [p for p, _m in buckets], [m for _p, m in buckets]]),
    ]


def _write_with_orm(
    reports: Sequence[MonthlyReport],
    events: Sequence[Event],
    actor_id: int | None,
    now: dt.datetime,
    buckets: list[tuple[int, dt.date]],
) -> None:
    ids = [r.pk for r in reports]
    MonthlyReport.objects.filter(pk__in=ids).update(version=F("version") + 1, updated_at=now)
    ReportEvent.objects.bulk_create(
        ReportEvent(report=report, action=action, actor_id=actor_id, at=now, comment=comment)
        for report, action, comment in events
    )
    mark_stale(buckets)
