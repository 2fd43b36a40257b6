"""Load, in a constant number of queries, what the count rules need for a batch of cells."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet

from participants.counts.models import Category, MonthlyReport, ParticipantCount
from participants.coverage.models import WorkforceTotal
from participants.entry.context_batch import Reads
from participants.entry.validation import (
    STORED_FIELDS,
    CellInput,
    StoredCount,
    WriteContext,
    history_window,
)
from participants.rules.builtin import tuning_from
from regions.models import Region


def load_context(cells: Sequence[CellInput], *, lock: bool = True) -> WriteContext:
    """With `lock`, the reports are locked until the caller's transaction ends."""
    region_ids = {c.region_id for c in cells}
    periods = {c.period for c in cells}
    if lock and connection.vendor == "postgresql":
        return _context_at_once(region_ids, periods)
    # Boundaries are large GeoJSON documents: decoding them would cost more than the save.
    regions = (
        Region.objects.select_related("parent")
        .defer("boundary", "parent__boundary")
        .in_bulk(region_ids)
    )
    provinces = {r.parent_id for r in regions.values()}
    reports = MonthlyReport.objects.select_related("province").defer("province__boundary")
    if lock:
        reports = reports.select_for_update(of=("self",))
    reports = reports.filter(
        province_id__in=provinces, period__in=[p for p in periods if isinstance(p, dt.date)]
    )
    first, last = history_window(periods)
    exact = [p for p in periods if isinstance(p, dt.date)]
    # Both reads fill dictionaries: the model's ordering would join regions and categories
    # and sort the rows for nothing (4 of a month save's 5 ms in these reads).
    stored = _tuples(
        ParticipantCount.objects.filter(region_id__in=region_ids, period__in=exact)
        .order_by()
        .values_list("region_id", "category_id", "period", *STORED_FIELDS)
    )
    # Earlier months only feed the warnings: plain tuples are ten times cheaper than models.
    earlier = _tuples(
        ParticipantCount.objects.filter(
            region_id__in=region_ids, period__gte=first, period__lte=last
        )
        .exclude(period__in=exact)
        .order_by()
        .values_list("region_id", "category_id", "period", "active_participants")
    )
    categories = {c.pk: c for c in Category.objects.all()}
    return WriteContext(
        regions=regions,
        categories=categories,
        reports={(r.province_id, r.period): r for r in reports},
        stored={(r, c, p): StoredCount(*rest) for r, c, p, *rest in stored},
        history={(r, c, p): v for r, c, p, v in earlier},
        workforce=_workforce(region_ids, categories.values(), last),
    )


def _context_at_once(region_ids: set[int], periods: set[Any]) -> WriteContext:
    first, last = history_window(periods)
    reads = Reads(region_ids, [p for p in periods if isinstance(p, dt.date)], first, last)
    return WriteContext(
        regions=reads.regions,
        categories=reads.categories,
        reports=reads.reports,
        stored={(r, c, p): StoredCount(*rest) for r, c, p, *rest in reads.stored},
        history={(r, c, p): v for r, c, p, v in reads.earlier},
        workforce=_series(reads.workforce),
        tuning=tuning_from(reads.tuning_rows),
        custom_rules=reads.custom_rules,
    )


def _tuples(rows: QuerySet[Any, Any]) -> list[tuple[Any, ...]]:
    """A values_list query's rows straight from PostgreSQL's cursor: a 100.000-row import
    reads as many stored counts, and Django's row iterator costs more than the query (no
    field here needs a converter there; SQLite's dates do, so it goes through Django)."""
    if connection.vendor != "postgresql":
        return list(rows)
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:  # no valid month in the batch: Django would not ask either
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _workforce(
    region_ids: set[int], categories: Iterable[Category], last: dt.date
) -> dict[tuple[int, int], list[tuple[int, int | None, int]]]:
    kinds = {c.measured_by_id for c in categories if c.measured_by_id}
    rows = WorkforceTotal.objects.filter(
        region_id__in=region_ids, kind_id__in=kinds, year__lte=last.year
    ).values_list("region_id", "kind_id", "year", "month", "value")
    return _series(rows)


def _series(
    rows: Iterable[tuple[int, int, int, int | None, int]],
) -> dict[tuple[int, int], list[tuple[int, int | None, int]]]:
    series: dict[tuple[int, int], list[tuple[int, int | None, int]]] = {}
    for region_id, kind_id, year, month, value in rows:
        series.setdefault((region_id, kind_id), []).append((year, month, value))
    return series
