"""Set-based writes of counts and their history rows, whatever the size of the batch.

Django's bulk_create/bulk_update (and simple-history's *_with_history wrappers around them)
build a model instance and prepare every value in Python — about 0,4 ms per row, so 40 s for
a 100.000-row import. Here the rows travel by COPY into a temporary table (psycopg writes
them in C; quoting them as query parameters cost a second per 100.000 rows) — a batch as
small as a month's grid as arrays inside the statement instead — and one statement writes
the counts from them and, from what it wrote (RETURNING), their history rows: the tracked
fields plus date, user, reason and type, exactly what simple-history records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db import connection
from django.db.models import Field

from participants.counts.models import ParticipantCount
from participants.entry import bulk_portable

# What a row passed in carries, in this order; travels by COPY.
WRITTEN = (
    "report",
    "region",
    "category",
    "period",
    "active_participants",
    "inactive_participants",
    "employers",
    "no_data_reason",
)
# What an update rewrites: the rest of WRITTEN (regency, category, month) is what matched it.
UPDATED = ("report", "active_participants", "inactive_participants", "employers", "no_data_reason")
# The same for every row of a write: set in the statement, never sent once per row.
STAMPED = ("no_data", "updated_at", "updated_by")
SCRATCH = "written_counts"  # a temporary table, dropped when the transaction ends
SMALL_BATCH = 1000  # rows; up to here they travel as arrays in the statement, not by COPY


@dataclass(frozen=True)
class Stamp:
    """What every history row of one write records besides the values."""

    kind: str  # "+" created, "~" changed
    user_id: int | None
    reason: str
    at: dt.datetime


def _fields(names: Sequence[str] = WRITTEN) -> list[Field[Any, Any]]:
    return [ParticipantCount._meta.get_field(name) for name in names]  # type: ignore[misc]


def _stamped_values(stamp: Stamp) -> tuple[str, list[Any]]:
    """SQL for the STAMPED columns of a row of the scratch table, and its parameters."""
    return "no_data_reason <> '', %s, %s", [stamp.at, stamp.user_id]


def _portable_rows(rows: Sequence[Sequence[Any]], stamp: Stamp) -> list[tuple[Any, ...]]:
    """The rows with their STAMPED values, for the ORM (no_data is a reason given)."""
    return [(*row, bool(row[-1]), stamp.at, stamp.user_id) for row in rows]


def _type(field: Field[Any, Any]) -> str:
    return str(field.rel_db_type(connection) if field.is_relation else field.db_type(connection))


def _quote(name: str | None) -> str:
    return connection.ops.quote_name(name or "")


# Further statements a write sends in its own round trip on PostgreSQL: (sql, parameters).
Then = Sequence[tuple[str, list[Any]]]


def insert_counts(rows: Sequence[Sequence[Any]], stamp: Stamp, then: Then = ()) -> None:
    """Insert rows (values in WRITTEN order) and a history row for each; then run `then`."""
    if connection.vendor != "postgresql":
        bulk_portable.insert_counts(
            WRITTEN + STAMPED, _portable_rows(rows, stamp), _history_sql(), _params(stamp)
        )
        return _run(then)
    names = ", ".join(_quote(f.column) for f in _fields())
    stamped, values = _stamped_values(stamp)
    all_names = ", ".join(_quote(f.column) for f in _fields(WRITTEN + STAMPED))
    source, rows_params = _source(rows, WRITTEN, with_id=False)
    _write_with_history(
        f"INSERT INTO {_quote(ParticipantCount._meta.db_table)} ({all_names}) "
        f"SELECT {names}, {stamped} FROM {source} RETURNING *",
        values + rows_params,
        stamp,
        then,
    )


def update_counts(
    ids: Sequence[int], rows: Sequence[Sequence[Any]], stamp: Stamp, then: Then = ()
) -> None:
    """Overwrite the written fields of existing rows, matched by id, and record each change;
    then run `then`."""
    if connection.vendor != "postgresql":
        bulk_portable.update_counts(
            WRITTEN + STAMPED, ids, _portable_rows(rows, stamp), _history_sql(), _params(stamp)
        )
        return _run(then)
    stamped = ", ".join(f"{_quote(f.column)} = %s" for f in _fields(STAMPED[1:]))
    assignments = ", ".join(f"{_quote(f.column)} = w.{_quote(f.column)}" for f in _fields(UPDATED))
    source, rows_params = _source(
        [(pk, row[0], *row[4:]) for pk, row in zip(ids, rows, strict=True)], UPDATED, with_id=True
    )
    _write_with_history(
        f"UPDATE {_quote(ParticipantCount._meta.db_table)} AS c SET {assignments}, "
        f"no_data = w.no_data_reason <> '', {stamped} "
        f"FROM {source} WHERE c.id = w.id RETURNING c.*",
        [stamp.at, stamp.user_id, *rows_params],
        stamp,
        then,
    )


def _source(
    rows: Sequence[Sequence[Any]], names: Sequence[str], *, with_id: bool
) -> tuple[str, list[Any]]:
    """The rows as a table `w` for the write's FROM, and the parameters it needs.

    A small batch (a month's grid) travels inside the statement as one array per column: the
    scratch table's drop, create and COPY would be three more round trips, and its creation
    writes to the system catalogs. A large one (an import) goes by COPY, where quoting every
    value as a parameter would cost more than the round trips."""
    columns = [("id", "bigint")] if with_id else []
    columns += [(_quote(f.column), _type(f)) for f in _fields(names)]
    if len(rows) > SMALL_BATCH:
        _copy_to_scratch(rows, columns)
        return f"{SCRATCH} AS w", []
    arrays = ", ".join(f"%s::{kind}[]" for _, kind in columns)
    as_names = ", ".join(name for name, _ in columns)
    values = [array_param(column) for column in zip(*rows, strict=True)]
    return f"unnest({arrays}) AS w({as_names})", values


def array_param(values: Sequence[Any]) -> Any:
    """A column of whole numbers as PostgreSQL's array text, written once here ('{1,NULL,3}'):
    psycopg's adaptation of a list looks at every element (a third of a month save's Python).
    Anything else goes to psycopg as a list."""
    if all(type(v) is int or v is None for v in values):
        return "{" + ",".join("NULL" if v is None else str(v) for v in values) + "}"
    return list(values)


def _copy_to_scratch(rows: Sequence[Sequence[Any]], columns: list[tuple[str, str]]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS pg_temp.{SCRATCH}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {SCRATCH} "
            f"({', '.join(f'{name} {kind}' for name, kind in columns)}) ON COMMIT DROP"
        )
        names = ", ".join(name for name, _ in columns)
        with cursor.cursor.copy(f"COPY {SCRATCH} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


# simple-history builds a new manager at every `ParticipantCount.history`: ask once.
@cache
def _tracked() -> str:
    history = ParticipantCount.history.model  # type: ignore[attr-defined]
    return ", ".join(_quote(f.column) for f in history.tracked_fields)


@cache
def _history_into() -> str:
    history = ParticipantCount.history.model  # type: ignore[attr-defined]
    return (
        f"INSERT INTO {_quote(history._meta.db_table)} ({_tracked()}, history_date, "
        "history_type, history_user_id, history_change_reason)"
    )


def _params(stamp: Stamp) -> list[Any]:
    return [stamp.at, stamp.kind, stamp.user_id, stamp.reason]


def _write_with_history(write: str, values: list[Any], stamp: Stamp, then: Then = ()) -> None:
    statement = (
        f"WITH written AS ({write}) {_history_into()} "
        f"SELECT {_tracked()}, %s, %s, %s, %s FROM written ORDER BY id"
    )
    _run([(statement, [*values, *_params(stamp)]), *then])


def _run(statements: Then) -> None:
    """One execute on PostgreSQL (parameters bound on the client); one each elsewhere."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and statements:
            cursor.execute(
                ";\n".join(sql for sql, _ in statements),
                [value for _, params in statements for value in params],
            )
            return
        for sql, params in statements:
            cursor.execute(sql, params)


def _history_sql() -> str:
    """The history copy for SQLite, from the rows as stored, for ids bound by the caller."""
    return (
        f"{_history_into()} SELECT {_tracked()}, %s, %s, %s, %s "
        f"FROM {_quote(ParticipantCount._meta.db_table)} WHERE id IN ({{ids}}) ORDER BY id"
    )
