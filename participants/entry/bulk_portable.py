"""The SQLite (quick start) twin of bulk_sql: the same rows and history rows.

PostgreSQL takes the rows by COPY into a temporary table; SQLite has no COPY: new rows go
through one prepared INSERT (executemany), the few updates through the ORM's bulk_update.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection, models

from participants.counts.models import ParticipantCount

CHUNK = 2000  # well under SQLite's limit of bound variables per statement


def _rows(written: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    names = [ParticipantCount._meta.get_field(n).attname for n in written]  # type: ignore[union-attr]
    return [dict(zip(names, values, strict=True)) for values in rows]


def insert_counts(
    written: Sequence[str], rows: Sequence[Sequence[Any]], history_sql: str, params: list[Any]
) -> None:
    """One prepared INSERT run for every row (executemany), then one history copy.

    bulk_create built a model instance and prepared every value through its field (0,5 ms a
    row: half of seed_demo's minute); the rows here need only their dates adapted. The
    caller's transaction holds SQLite's write lock and ids only grow (AUTOINCREMENT), so the
    rows written are exactly those above the largest id before."""
    fields: list[Any] = [ParticipantCount._meta.get_field(name) for name in written]
    adapt = [_adapter(field) for field in fields]
    table = ParticipantCount._meta.db_table
    columns = ", ".join(field.column for field in fields)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        (before,) = cursor.fetchone()
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})",
            [
                [a(value) if a else value for a, value in zip(adapt, row, strict=True)]
                for row in rows
            ],
        )
        cursor.execute(history_sql.replace("IN ({ids})", "> %s"), [*params, before])


def _adapter(field: Any) -> Callable[[Any], Any] | None:
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    return None


def update_counts(
    written: Sequence[str],
    ids: Sequence[int],
    rows: Sequence[Sequence[Any]],
    history_sql: str,
    params: list[Any],
) -> None:
    counts = [
        ParticipantCount(pk=pk, **row) for pk, row in zip(ids, _rows(written, rows), strict=True)
    ]
    ParticipantCount.objects.bulk_update(counts, list(written), batch_size=CHUNK)
    copy_history(list(ids), sql=history_sql, params=params)


def copy_history(ids: list[int], *, sql: str, params: list[Any]) -> None:
    """Run bulk_sql's history copy for the ids in chunks of `id IN (…)`."""
    with connection.cursor() as cursor:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            cursor.execute(sql.replace("{ids}", ", ".join(["%s"] * len(chunk))), [*params, *chunk])
