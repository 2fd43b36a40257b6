"""The limit for the import benchmark: the same rows loaded by hand, as fast as we can write it.

Python's csv module, int() and dictionary look-ups; COPY into a temporary table; then plain
INSERT … SELECT of the month reports, the counts and their history rows into the portal's own
tables (same constraints, same indexes). No checks, no warnings, no labels: what is left is
the work any import of these rows must do.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from django.db import connection, transaction
from django.utils import timezone


def _tables() -> list[str]:
    from participants.counts.models import MonthlyReport, ParticipantCount, ReportEvent
    from participants.coverage.models import StaleBucket

    models: list[Any] = [ParticipantCount, ParticipantCount.history.model, ReportEvent]
    models += [MonthlyReport, MonthlyReport.history.model, StaleBucket]
    return [m._meta.db_table for m in models]


def empty_tables() -> None:
    """Before each round: no counts, reports, events, history or stale marks."""
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(_tables())} CASCADE")


def _lookups() -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    from participants.counts.models import Category
    from regions.models import Region

    regencies = {
        code: (pk, parent)
        for pk, code, parent in Region.objects.regencies().values_list("id", "code", "parent_id")
    }
    return regencies, dict(Category.objects.values_list("code", "id"))


def value_set_rows(body: str) -> list[tuple[Any, ...]]:
    """A DHIS2 dataValueSet's values (ACTIVE and EMPLOYERS per cell) as rows to load."""
    regencies, categories = _lookups()
    cells: dict[tuple[str, str, str], dict[str, int]] = {}
    for value in json.loads(body)["dataValues"]:
        key = (value["orgUnit"], value["dataElement"], value["period"])
        cells.setdefault(key, {})[value["categoryOptionCombo"]] = int(value["value"])
    rows = []
    for (code, category, period), measures in cells.items():
        region, province = regencies[code]
        month = dt.date(int(period[:4]), int(period[4:6]), 1)
        active, employers = measures.get("ACTIVE", 0), measures.get("EMPLOYERS", 0)
        rows.append((province, region, categories[category], month, active, employers))
    return rows


def _rows(data: bytes) -> list[tuple[Any, ...]]:
    regencies, categories = _lookups()
    reader = csv.reader(io.StringIO(data.decode()))
    next(reader)
    rows = []
    for period, code, category, active, employers in reader:
        region, province = regencies[code]
        month = dt.date(int(period[:4]), int(period[5:7]), 1)
        rows.append(
            (province, region, categories[category], month, int(active), int(employers or 0))
        )
    return rows


def _copy(rows: list[tuple[Any, ...]]) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS pg_temp.hand_rows")
        cursor.execute(
            "CREATE TEMPORARY TABLE hand_rows (province_id bigint, region_id bigint, "
            "category_id bigint, period date, active integer, employers integer) ON COMMIT DROP"
        )
        with cursor.cursor.copy("COPY hand_rows FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def load(data: bytes, user_id: int) -> None:
    load_rows(_rows(data), user_id)


def load_rows(rows: list[tuple[Any, ...]], user_id: int) -> None:
    from participants.counts.models import ParticipantCount

    history = ParticipantCount.history.model._meta.db_table
    tracked = ", ".join(f.column for f in ParticipantCount.history.model.tracked_fields)
    now = timezone.now()
    with transaction.atomic(), connection.cursor() as cursor:
        _copy(rows)
        cursor.execute(
            "INSERT INTO participants_monthlyreport (province_id, period, status, version, "
            "updated_at) SELECT DISTINCT province_id, period, 'draft', 1, %s FROM hand_rows "
            "ON CONFLICT DO NOTHING",
            [now],
        )
        cursor.execute(
            "WITH written AS (INSERT INTO participants_participantcount (report_id, region_id, "
            "category_id, period, active_participants, employers, no_data, no_data_reason, "
            "updated_at, updated_by_id) SELECT r.id, h.region_id, h.category_id, h.period, "
            "h.active, NULLIF(h.employers, 0), false, '', %s, %s FROM hand_rows h "
            "JOIN participants_monthlyreport r USING (province_id, period) RETURNING *) "
            f"INSERT INTO {history} ({tracked}, history_date, history_type, history_user_id, "
            f"history_change_reason) SELECT {tracked}, %s, '+', %s, 'import' FROM written",
            [now, user_id, now, user_id],
        )


def compare_stored(data: bytes) -> int:
    """Read the file and count the rows that differ from what is stored (none, here)."""
    rows = _rows(data)
    with transaction.atomic(), connection.cursor() as cursor:
        _copy(rows)
        cursor.execute(
            "SELECT count(*) FROM hand_rows h LEFT JOIN participants_participantcount c "
            "USING (region_id, category_id, period) WHERE c.id IS NULL "
            "OR c.active_participants IS DISTINCT FROM h.active"
        )
        (differing,) = cursor.fetchone()
    return int(differing)
