"""The SQLite (quick start) twin of bulk_sql: same results through Django's bulk methods.

PostgreSQL takes whole columns as arrays (UNNEST); SQLite has no arrays, and its datasets
(a newcomer's demo) are small, so the ORM's bulk_create/bulk_update serve well there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import connection

from participants.entry.models import ParticipantCount

CHUNK = 2000  # well under SQLite's limit of bound variables per statement


def _rows(written: Sequence[str], columns: Sequence[list[Any]]) -> list[dict[str, Any]]:
    names = [ParticipantCount._meta.get_field(n).attname for n in written]  # type: ignore[union-attr]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


def insert_counts(
    written: Sequence[str], columns: Sequence[list[Any]]
) -> dict[tuple[int, int, dt.date], int]:
    created = ParticipantCount.objects.bulk_create(
        [ParticipantCount(**row) for row in _rows(written, columns)], batch_size=CHUNK
    )
    return {(c.region_id, c.category_id, c.period): c.pk for c in created}


def update_counts(written: Sequence[str], ids: list[int], columns: Sequence[list[Any]]) -> None:
    counts = [
        ParticipantCount(pk=pk, **row) for pk, row in zip(ids, _rows(written, columns), strict=True)
    ]
    ParticipantCount.objects.bulk_update(counts, list(written), batch_size=CHUNK)


def copy_history(ids: list[int], *, sql: str, params: list[Any]) -> None:
    """Run bulk_sql's history copy with `id IN (…)` in chunks instead of `= ANY(array)`."""
    with connection.cursor() as cursor:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(sql.replace("= ANY(%s)", f"IN ({marks})"), [*params, *chunk])
