"""One rebuild of the coverage rows of a set of buckets, in as few round trips as it can.

An incremental recompute (one province-month) runs about 10 ms of SQL; sent statement by
statement, its dozen round trips cost as much again on a quiet machine and several times
that under load, when every round trip waits for the CPU. On PostgreSQL the scratch bucket
rows, the planner settings and the set-based statements of `sql` therefore go in one
execute (psycopg binds the parameters on the client and sends one multi-statement query);
an error in any of them fails the whole, which the engine's savepoints handle as before.
SQLite takes one statement per execute, and `--statements` (debug logging) times each.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.db import connection
from django.utils import timezone

from participants.coverage import sql
from participants.coverage.models import Bucket, RecomputeBucket
from participants.kernel.periods import month_end
from regions.loader import NATIONAL_CODE

log = logging.getLogger(__name__)
BUCKETS_PER_INSERT = 1000  # 5.000 parameters, well under SQLite's limit of 32.766
BUCKETS = RecomputeBucket._meta.db_table
INSERT_BUCKETS = f"INSERT INTO {BUCKETS} (province_id, period, period_end, year, month)"
# Not bulk_create: a full recompute has ~4.000 buckets, and building a model instance and
# binding five parameters for each cost 0,15 s; PostgreSQL takes one array a column.
UNNEST_BUCKETS = f"""{INSERT_BUCKETS} SELECT * FROM UNNEST(%(b_province)s::bigint[],
    %(b_period)s::date[], %(b_period_end)s::date[], %(b_year)s::int[], %(b_month)s::int[])"""
# The bucket table was just filled: without statistics PostgreSQL guesses its size and picks
# nested loops; the full recompute's hash joins need more than 4 MB; and compiling its
# expressions with JIT cost more (0,1–0,2 s) than it saved.
TUNE_PLANNER = (
    f"ANALYZE {BUCKETS}",
    "SET LOCAL work_mem = '64MB'",
    "SET LOCAL jit = off",
)
STATEMENTS = (
    ("delete regencies", sql.DELETE_REGENCIES),
    ("delete provinces", sql.DELETE_PROVINCES),
    ("delete national", sql.DELETE_NATIONAL),
    ("regencies and provinces", sql.INSERT_REGENCIES_AND_PROVINCES),
    ("national", sql.INSERT_NATIONAL),
)
CLEAR_BUCKETS = f"DELETE FROM {BUCKETS}"


def rebuild(buckets: set[Bucket]) -> None:
    """Replace the coverage rows of `buckets` (and their months' national rows)."""
    rows = _bucket_rows(buckets)
    params = sql_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not log.isEnabledFor(logging.DEBUG):
            params |= _bucket_columns(rows)
            script = [CLEAR_BUCKETS, UNNEST_BUCKETS, *TUNE_PLANNER]
            script += [statement for _name, statement in STATEMENTS] + [CLEAR_BUCKETS]
            cursor.execute(";\n".join(script), params)
            return
        cursor.execute(CLEAR_BUCKETS)
        _insert_buckets(cursor, rows)
        if connection.vendor == "postgresql":
            for setting in TUNE_PLANNER:
                cursor.execute(setting)
        for name, statement in STATEMENTS:
            started = time.perf_counter()
            cursor.execute(statement, params)
            log.debug("coverage %s: %.0f ms", name, (time.perf_counter() - started) * 1000)
        cursor.execute(CLEAR_BUCKETS)


def sql_params() -> dict[str, Any]:
    """The parameters every statement of `sql` takes, read in one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT id FROM participants_workforcekind WHERE code = %s), "
            "(SELECT id FROM regions_region WHERE code = %s)",
            ["EMPLOYED", NATIONAL_CODE],
        )
        employed, national = cursor.fetchone()
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    return {"now": now, "employed": employed, "national": national}


def _bucket_rows(buckets: set[Bucket]) -> list[tuple[int, Any, Any, int, int]]:
    date = connection.ops.adapt_datefield_value
    return [
        (province_id, date(period), date(month_end(period)), period.year, period.month)
        for province_id, period in sorted(buckets)
    ]


def _bucket_columns(rows: list[tuple[int, Any, Any, int, int]]) -> dict[str, list[Any]]:
    names = ("b_province", "b_period", "b_period_end", "b_year", "b_month")
    return {name: list(column) for name, column in zip(names, zip(*rows, strict=True), strict=True)}


def _insert_buckets(cursor: Any, rows: list[tuple[int, Any, Any, int, int]]) -> None:
    if connection.vendor == "postgresql":
        cursor.execute(UNNEST_BUCKETS, _bucket_columns(rows))
        return
    for start in range(0, len(rows), BUCKETS_PER_INSERT):
        batch = rows[start : start + BUCKETS_PER_INSERT]
        values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(batch))
        cursor.execute(f"{INSERT_BUCKETS} VALUES {values}", [v for row in batch for v in row])
