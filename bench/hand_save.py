"""The limit for the save benchmark: the same writes as `counts_write` of a month, by hand.

Lock the report, update the 190 counts from arrays and record their history in one
statement, raise the report's version, log the save event and mark the month stale: what any
save of these cells must write, with no checks, warnings or model instances.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection, transaction
from django.utils import timezone


def save(cells: Sequence[Any], province_id: int, user_id: int) -> None:
    from participants.counts.models import ParticipantCount

    history = ParticipantCount.history.model
    tracked = ", ".join(f.column for f in history.tracked_fields)
    now, period = timezone.now(), cells[0].period
    columns = [
        [c.region_id for c in cells],
        [c.category_id for c in cells],
        [c.active_participants for c in cells],
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM participants_monthlyreport WHERE province_id = %s AND period = %s "
            "FOR UPDATE",
            [province_id, period],
        )
        (report_id,) = cursor.fetchone()
        cursor.execute(
            "WITH written AS (UPDATE participants_participantcount c SET "
            "active_participants = v.active, updated_at = %s, updated_by_id = %s "
            "FROM unnest(%s::bigint[], %s::bigint[], %s::integer[]) AS v(region, category, "
            "active) WHERE c.region_id = v.region AND c.category_id = v.category "
            f"AND c.period = %s RETURNING c.*) INSERT INTO {history._meta.db_table} "
            f"({tracked}, history_date, history_type, history_user_id, history_change_reason) "
            f"SELECT {tracked}, %s, '~', %s, 'web' FROM written",
            [now, user_id, *columns, period, now, user_id],
        )
        cursor.execute(
            "UPDATE participants_monthlyreport SET version = version + 1, updated_at = %s "
            "WHERE id = %s",
            [now, report_id],
        )
        cursor.execute(
            "INSERT INTO participants_reportevent (report_id, action, actor_id, at, comment) "
            "VALUES (%s, 'saved', %s, %s, 'web')",
            [report_id, user_id, now],
        )
        cursor.execute(
            "INSERT INTO participants_stalebucket (province_id, period, marked_at, error) "
            "VALUES (%s, %s, %s, '') ON CONFLICT (province_id, period) DO UPDATE SET "
            "marked_at = EXCLUDED.marked_at, failed_at = NULL, error = ''",
            [province_id, period, now],
        )
