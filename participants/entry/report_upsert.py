"""Create the month reports a write needs, or take the ones someone created meanwhile.

One `INSERT … ON CONFLICT DO UPDATE … RETURNING` per batch: the conflict arm touches nothing
but locks the row (as SELECT … FOR UPDATE would), so every report comes back locked, whether
it is new or another save created it a moment ago. On PostgreSQL the keys travel as two arrays
and the statement returns the reports' rows: an import's ~2.400 months cost one statement,
not 14.000 parameters quoted in Python and a second read by id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import connection

from participants.counts.models import MonthlyReport

CHUNK = 1000  # rows per statement: well under SQLite's limit of bound variables
KEYS = ("province", "period")


def reports_ensure(keys: Sequence[tuple[int, dt.date]]) -> list[MonthlyReport]:
    """The (locked) reports of these (province id, period) keys, created when missing."""
    if connection.vendor == "postgresql":
        return _upsert_arrays(keys) if keys else []
    ids: list[int] = []
    for start in range(0, len(keys), CHUNK):
        ids += _upsert(keys[start : start + CHUNK])
    return list(MonthlyReport.objects.in_bulk(ids).values())


def _fields() -> list[Any]:
    return [f for f in MonthlyReport._meta.concrete_fields if not f.primary_key]


def _quote(name: str | None) -> str:
    return connection.ops.quote_name(name or "")


def _conflict_arm() -> str:
    return "ON CONFLICT (province_id, period) DO UPDATE SET period = EXCLUDED.period"


def _upsert(keys: Sequence[tuple[int, dt.date]]) -> list[int]:
    fields = _fields()
    rows = []
    for province_id, period in keys:
        report = MonthlyReport(province_id=province_id, period=period)
        rows += [f.get_db_prep_save(f.pre_save(report, True), connection) for f in fields]
    marks = ", ".join(["(" + ", ".join(["%s"] * len(fields)) + ")"] * len(keys))
    columns = ", ".join(_quote(f.column) for f in fields)
    sql = (
        f"INSERT INTO {_quote(MonthlyReport._meta.db_table)} "
        f"({columns}) VALUES {marks} {_conflict_arm()} RETURNING id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, rows)
        return [pk for (pk,) in cursor.fetchall()]


def _upsert_arrays(keys: Sequence[tuple[int, dt.date]]) -> list[MonthlyReport]:
    """Every key's row but the province and period is a new report's defaults, the same for
    all: they are prepared once, from one unsaved report, as parameters."""
    fields = _fields()
    template = MonthlyReport(province_id=keys[0][0], period=keys[0][1])
    defaults = [f.get_db_prep_save(f.pre_save(template, True), connection) for f in fields]
    selected, params = [], []
    for field, default in zip(fields, defaults, strict=True):
        if field.name in KEYS:
            selected.append(f"keys.{field.column}")
        else:
            selected.append("%s")
            params.append(default)
    every = list(MonthlyReport._meta.concrete_fields)
    sql = (
        f"INSERT INTO {_quote(MonthlyReport._meta.db_table)} "
        f"({', '.join(_quote(f.column) for f in fields)}) "
        f"SELECT {', '.join(selected)} FROM unnest(%s::bigint[], %s::date[]) "
        "AS keys (province_id, period) "
        f"{_conflict_arm()} RETURNING {', '.join(_quote(f.column) for f in every)}"
    )
    provinces = [province for province, _ in keys]
    periods = [period for _, period in keys]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, provinces, periods])
        rows = cursor.fetchall()
    names = [f.attname for f in every]
    return [MonthlyReport.from_db(connection.alias, names, row) for row in rows]
