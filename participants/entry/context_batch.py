"""A write's reads on PostgreSQL in one round trip: one multi-statement execute.

The seven reads a month's save needs (reports locked, regions, stored counts, the year before,
categories, workforce totals, the built-in checks' thresholds) sent one by one cost a round
trip and an ORM compilation each — more than the reads themselves and, under load, several
times the hand SQL of the whole save. Here they are plain SQL with one array per list, sent
in one execute (psycopg binds the parameters on the client), and the rows become the same
model instances and tuples `load_context` builds through the ORM on other databases.

The reports are locked first, so everything after them is read under the lock.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Model

from participants.counts.models import Category, MonthlyReport, ParticipantCount
from participants.coverage.models import WorkforceTotal
from participants.entry.bulk_sql import array_param
from participants.rules.models import ValidationRule
from regions.models import Region

_COUNTS = ParticipantCount._meta.db_table
_REGIONS = Region._meta.db_table
_RULES = ValidationRule._meta.db_table
# Boundaries are large GeoJSON documents: decoding them would cost more than the save.
_REGION_FIELDS = [f.attname for f in Region._meta.concrete_fields if f.name != "boundary"]
_REPORT_FIELDS = [f.attname for f in MonthlyReport._meta.concrete_fields]
_CATEGORY_FIELDS = [f.attname for f in Category._meta.concrete_fields]


def _columns(names: Sequence[str], alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + connection.ops.quote_name(name) for name in names)


_PARENTS = f"SELECT parent_id FROM {_REGIONS} WHERE id = ANY(%s::bigint[])"
STATEMENTS = (
    # the reports of the batch's provinces and months, locked until the transaction ends
    f"SELECT {_columns(_REPORT_FIELDS)} FROM {MonthlyReport._meta.db_table} "
    f"WHERE province_id IN ({_PARENTS}) AND period = ANY(%s::date[]) ORDER BY id FOR UPDATE",
    # the regencies and their provinces (flagged), as select_related("parent") would
    f"SELECT {_columns(_REGION_FIELDS, 'r')}, r.id = ANY(%s::bigint[]) FROM {_REGIONS} r "
    f"WHERE r.id = ANY(%s::bigint[]) OR r.id IN ({_PARENTS})",
    f"SELECT region_id, category_id, period, id, active_participants, inactive_participants, "
    f"employers, no_data_reason FROM {_COUNTS} "
    "WHERE region_id = ANY(%s::bigint[]) AND period = ANY(%s::date[])",
    # earlier months only feed the warnings
    f"SELECT region_id, category_id, period, active_participants FROM {_COUNTS} "
    "WHERE region_id = ANY(%s::bigint[]) AND period BETWEEN %s AND %s "
    "AND NOT period = ANY(%s::date[])",
    f"SELECT {_columns(_CATEGORY_FIELDS)} FROM {Category._meta.db_table}",
    f"SELECT region_id, kind_id, year, month, value FROM {WorkforceTotal._meta.db_table} "
    "WHERE region_id = ANY(%s::bigint[]) AND year <= %s AND kind_id IN "
    f"(SELECT measured_by_id FROM {Category._meta.db_table})",
    f"SELECT builtin, is_active, parameters FROM {_RULES} WHERE builtin <> ''",
    f"SELECT EXISTS (SELECT 1 FROM {_RULES} WHERE is_active AND builtin = '')",
)
SCRIPT = ";\n".join(STATEMENTS)


class Reads:
    """The rows of STATEMENTS, in their order."""

    def __init__(
        self, region_ids: set[int], exact: list[dt.date], first: dt.date, last: dt.date
    ) -> None:
        ids = array_param(sorted(region_ids))
        params: list[Any] = [ids, exact, ids, ids, ids, ids, exact, ids, first, last, exact]
        params += [ids, last.year]
        with connection.cursor() as cursor:
            cursor.execute(SCRIPT, params)
            results = [cursor.fetchall()]
            while cursor.nextset():
                results.append(cursor.fetchall())
        (
            reports,
            regions,
            self.stored,
            self.earlier,
            categories,
            self.workforce,
            self.tuning_rows,
            ((self.custom_rules,),),
        ) = results
        self.tuning_rows = [(b, a, _json(p)) for b, a, p in self.tuning_rows]
        self.categories = {c.pk: c for c in _models(Category, _CATEGORY_FIELDS, categories)}
        self.regions = _regions(regions)
        provinces = {r.parent_id: r.parent for r in self.regions.values() if r.parent_id}
        self.reports = {}
        for report in _models(MonthlyReport, _REPORT_FIELDS, reports):
            _cache(report, "province", provinces.get(report.province_id))
            self.reports[(report.province_id, report.period)] = report


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


def _models(model: type[Any], names: list[str], rows: list[tuple[Any, ...]]) -> list[Any]:
    return [model.from_db(connection.alias, names, row) for row in rows]


def _cache(instance: Model, relation: str, related: Model | None) -> None:
    instance._meta.get_field(relation).set_cached_value(instance, related)  # type: ignore[union-attr]


def _regions(rows: list[tuple[Any, ...]]) -> dict[int, Region]:
    """The batch's regions by id, each with its parent attached (the parent read once)."""
    every = {row[0]: Region.from_db(connection.alias, _REGION_FIELDS, row[:-1]) for row in rows}
    wanted = {row[0]: every[row[0]] for row in rows if row[-1]}
    for region in wanted.values():
        _cache(region, "parent", every.get(region.parent_id or 0))
    return wanted
