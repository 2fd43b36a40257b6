"""Create the month reports a write needs, or take the ones someone created meanwhile.

One `INSERT … ON CONFLICT DO UPDATE … RETURNING id` per chunk: the conflict arm touches
nothing but locks the row (as SELECT … FOR UPDATE would), so every report comes back locked,
whether it is new or another save created it a moment ago.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import connection

from participants.counts.models import MonthlyReport

CHUNK = 1000  # rows per statement: well under SQLite's limit of bound variables


def reports_ensure(keys: Sequence[tuple[int, dt.date]]) -> list[MonthlyReport]:
    """The (locked) reports of these (province id, period) keys, created when missing."""
    ids: list[int] = []
    for start in range(0, len(keys), CHUNK):
        ids += _upsert(keys[start : start + CHUNK])
    return list(MonthlyReport.objects.in_bulk(ids).values())


def _upsert(keys: Sequence[tuple[int, dt.date]]) -> list[int]:
    fields = [f for f in MonthlyReport._meta.concrete_fields if not f.primary_key]
    rows = []
    for province_id, period in keys:
        report = MonthlyReport(province_id=province_id, period=period)
        rows += [f.get_db_prep_save(f.pre_save(report, True), connection) for f in fields]
    quote = connection.ops.quote_name
    marks = ", ".join(["(" + ", ".join(["%s"] * len(fields)) + ")"] * len(keys))
    columns = ", ".join(quote(f.column or "") for f in fields)
    sql = (
        f"INSERT INTO {quote(MonthlyReport._meta.db_table)} "
        f"({columns}) VALUES {marks} "
        "ON CONFLICT (province_id, period) DO UPDATE SET period = EXCLUDED.period RETURNING id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, rows)
        return [pk for (pk,) in cursor.fetchall()]
