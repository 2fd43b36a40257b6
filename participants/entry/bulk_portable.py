"""The SQLite (quick start) twin of bulk_sql: same results through Django's bulk methods.

PostgreSQL takes the rows by COPY into a temporary table; SQLite has no COPY, and its
datasets (a newcomer's demo) are small, so the ORM's bulk_create/bulk_update serve well there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection

from participants.entry.models import ParticipantCount

CHUNK = 2000  # well under SQLite's limit of bound variables per statement


def _rows(written: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    names = [ParticipantCount._meta.get_field(n).attname for n in written]  # type: ignore[union-attr]
    return [dict(zip(names, values, strict=True)) for values in rows]


def insert_counts(
    written: Sequence[str], rows: Sequence[Sequence[Any]], history_sql: str, params: list[Any]
) -> None:
    created = ParticipantCount.objects.bulk_create(
        [ParticipantCount(**row) for row in _rows(written, rows)], batch_size=CHUNK
    )
    copy_history([c.pk for c in created], sql=history_sql, params=params)


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
