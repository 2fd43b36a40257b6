"""Set-based writes of counts and their history rows: one statement each, whatever the size.

Django's bulk_create/bulk_update (and simple-history's *_with_history wrappers around them)
build a model instance and prepare every value in Python — about 0,4 ms per row, so 40 s for
a 100.000-row import. Here the values travel as one PostgreSQL array per column (UNNEST),
and the history rows are copied server-side from the rows just written, so they hold exactly
what simple-history would record: the tracked fields plus date, user, reason and type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Field

from participants.entry import bulk_portable
from participants.entry.models import ParticipantCount

WRITTEN = (
    "report",
    "region",
    "category",
    "period",
    "active_participants",
    "inactive_participants",
    "employers",
    "no_data",
    "no_data_reason",
    "updated_at",
    "updated_by",
)


def _fields() -> list[Field[Any, Any]]:
    return [ParticipantCount._meta.get_field(name) for name in WRITTEN]  # type: ignore[misc]


def _array_type(field: Field[Any, Any]) -> str:
    return f"{field.rel_db_type(connection) if field.is_relation else field.db_type(connection)}[]"


def _quote(name: str | None) -> str:
    return connection.ops.quote_name(name or "")


def insert_counts(columns: Sequence[list[Any]]) -> dict[tuple[int, int, dt.date], int]:
    """Insert rows given column-wise (in WRITTEN order); returns their ids by cell key."""
    if connection.vendor != "postgresql":
        return bulk_portable.insert_counts(WRITTEN, columns)
    fields = _fields()
    names = ", ".join(_quote(f.column) for f in fields)
    arrays = ", ".join(f"%s::{_array_type(f)}" for f in fields)
    table = _quote(ParticipantCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays}) "
            "RETURNING region_id, category_id, period, id",
            list(columns),
        )
        return {(region, category, period): pk for region, category, period, pk in cursor}


def update_counts(ids: list[int], columns: Sequence[list[Any]]) -> None:
    """Overwrite the written fields of existing rows, matched by id."""
    if connection.vendor != "postgresql":
        return bulk_portable.update_counts(WRITTEN, ids, columns)
    fields = _fields()
    table = _quote(ParticipantCount._meta.db_table)
    names = ", ".join(_quote(f.column) for f in fields)
    arrays = ", ".join(f"%s::{_array_type(f)}" for f in fields)
    assignments = ", ".join(f"{_quote(f.column)} = v.{_quote(f.column)}" for f in fields)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} AS c SET {assignments} "
            f"FROM unnest(%s::bigint[], {arrays}) AS v(id, {names}) WHERE c.id = v.id",
            [ids, *columns],
        )


def copy_history(
    ids: list[int], *, kind: str, user_id: int | None, reason: str, at: dt.datetime
) -> None:
    """Record a history row ("+" created, "~" changed) for each id, from its current values."""
    history = ParticipantCount.history.model  # type: ignore[attr-defined]
    tracked = [_quote(f.column) for f in history.tracked_fields]
    names = ", ".join(tracked)
    sql = (
        f"INSERT INTO {_quote(history._meta.db_table)} "
        f"({names}, history_date, history_type, history_user_id, history_change_reason) "
        f"SELECT {names}, %s, %s, %s, %s FROM {_quote(ParticipantCount._meta.db_table)} "
        "WHERE id = ANY(%s) ORDER BY id"
    )
    if connection.vendor != "postgresql":
        return bulk_portable.copy_history(ids, sql=sql, params=[at, kind, user_id, reason])
    with connection.cursor() as cursor:
        cursor.execute(sql, [at, kind, user_id, reason, ids])
