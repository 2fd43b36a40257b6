"""The pivot's cells, read in one query from the precomputed coverage table.

A cell is one region × month × category of the table, one measure of it. Totals are the
table's own aggregates, never sums made here: across regions the parent region's row,
across categories the all-categories row; so a total equals `coverage_report` for the same
region, month and category, and sub-groups (NON_ASN within PU) are never counted twice.
Participants are a stock, so months are not added: a quarter or a year shows its last
month in the chosen range, and period axes have no total. A region that has not reported
(or did not exist) is unknown, "–", never 0; a total over partly unknown cells says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from coverage_portal.analysis.pivot import choice as c
from coverage_portal.analysis.pivot import regions as shown_regions
from coverage_portal.dashboards.charts import month_label
from participants import selectors as coverage
from participants.models import Category
from regions.access.users import PortalUser
from regions.models import Region

Value = int | Decimal | None
Facts = dict[tuple[int, dt.date, int | None], tuple[Any, ...]]


@dataclass(frozen=True)
class Member:
    key: Any
    label: str
    coords: dict[str, Any]  # region, period, category, measure this member fixes
    depth: int = 0  # on the region-level axis: 0 the chosen region, 1 a province, 2 a regency


@dataclass
class Total:
    value: Value
    partial: bool = False  # some of the cells it stands for are unknown


@dataclass
class Pivot:
    choice: c.PivotChoice
    rows: list[Member]
    columns: list[Member]
    cells: dict[tuple[Any, Any], Value] = field(default_factory=dict)
    row_totals: dict[Any, Total] | None = None  # one per row, across the columns
    column_totals: dict[Any, Total] | None = None
    grand_total: Total | None = None
    row_total_label: str = ""
    column_total_label: str = ""
    categories: list[Category] = field(default_factory=list)  # all of them, for the form

    def value(self, row: Member, column: Member) -> Value:
        return self.cells[(row.key, column.key)]

    @property
    def any_partial(self) -> bool:
        totals = [*(self.row_totals or {}).values(), *(self.column_totals or {}).values()]
        return any(t.partial for t in [*totals, *([self.grand_total] if self.grand_total else [])])


def _period_members(dimension: str, months: list[dt.date]) -> list[Member]:
    if dimension == c.MONTH:
        return [Member(m, month_label(m), {"period": m}) for m in months]
    buckets: dict[Any, dt.date] = {}
    for month in months:  # the last month of each bucket inside the range stands for it
        key = month.year if dimension == c.YEAR else (month.year, (month.month - 1) // 3 + 1)
        buckets[key] = month
    label = (lambda k: str(k)) if dimension == c.YEAR else (lambda k: f"K{k[1]} {k[0]}")
    return [Member(k, label(k), {"period": m}) for k, m in buckets.items()]


def _members(
    dimension: str,
    choice: c.PivotChoice,
    regions: list[tuple[Region, int]],
    categories: list[Category],
) -> list[Member]:
    if dimension in c.REGION_DIMENSIONS:
        return [
            Member(
                r.pk,
                "›" * depth + f"{' ' if depth else ''}{r.name} ({r.code})",
                {"region": r},
                depth,
            )
            for r, depth in regions
        ]
    if dimension == c.CATEGORY:
        return [Member(k.pk, f"{k.name} ({k.code})", {"category": k.pk}) for k in categories]
    if dimension == c.MEASURE:
        return [Member(m, str(label), {"measure": m}) for m, label in c.MEASURES.items()]
    return _period_members(dimension, choice.months)


def _total_member(dimension: str, choice: c.PivotChoice) -> Member | None:
    """The member standing for all others; none where the axis holds its own totals (the
    region levels) or cannot have one (months are a stock, measures are not added)."""
    if dimension == c.REGION:
        return Member("total", choice.parent.name, {"region": choice.parent})
    if dimension == c.CATEGORY:
        return Member("total", _("All categories"), {"category": None})
    return None


def _regions(user: PortalUser, choice: c.PivotChoice) -> list[tuple[Region, int]]:
    """The regions on the region axis; none when regions are no axis (the parent alone)."""
    axes = {choice.rows, choice.columns}
    if c.LEVEL in axes:
        return shown_regions.nested(user, choice)
    if c.REGION in axes:
        return [(r, 0) for r in shown_regions.one_level(user, choice)]
    return []


def build(
    user: PortalUser,
    choice: c.PivotChoice,
    known: dict[dt.date, coverage.MonthCompleteness] | None = None,
) -> Pivot:
    """The pivot's cells and totals; `known` holds completeness already read for some months."""
    regions = _regions(user, choice)
    categories = list(Category.objects.order_by("order", "code"))
    rows = _members(choice.rows, choice, regions, categories)
    columns = _members(choice.columns, choice, regions, categories)
    row_total = _total_member(choice.columns, choice)
    column_total = _total_member(choice.rows, choice)
    periods = {m.coords["period"] for m in [*rows, *columns] if "period" in m.coords}
    periods = periods or {choice.end}
    facts = _facts(user, choice, [r for r, _depth in regions] + [choice.parent], periods)
    months = {p: known[p] for p in periods if known and p in known}
    months.update(coverage.months_completeness(periods - months.keys(), user=user))
    read = _Reader(choice, facts, months)
    pivot = Pivot(choice, rows, columns, categories=categories)
    pivot.cells = {(r.key, k.key): read(r, k) for r in rows for k in columns}
    if row_total is not None:
        pivot.row_total_label = row_total.label
        pivot.row_totals = {
            r.key: _total(read(r, row_total), [pivot.cells[(r.key, k.key)] for k in columns])
            for r in rows
        }
    if column_total is not None:
        pivot.column_total_label = column_total.label
        pivot.column_totals = {
            k.key: _total(read(column_total, k), [pivot.cells[(r.key, k.key)] for r in rows])
            for k in columns
        }
    if row_total is not None and column_total is not None:
        pivot.grand_total = _total(read(column_total, row_total), list(pivot.cells.values()))
    pivot.rows = _sorted(pivot)
    return pivot


def _total(value: Value, parts: list[Value]) -> Total:
    return Total(value, partial=value is not None and any(p is None for p in parts))


def _facts(
    user: PortalUser, choice: c.PivotChoice, regions: list[Region], periods: set[dt.date]
) -> Facts:
    rows = coverage.coverage_rows_for(user).order_by()
    rows = rows.filter(region_id__in=[r.pk for r in regions], period__in=periods)
    if choice.rows != c.CATEGORY and choice.columns != c.CATEGORY:
        wanted = choice.category
        rows = rows.filter(category=wanted) if wanted else rows.filter(category__isnull=True)
    values = rows.values_list(
        "region_id",
        "period",
        "category_id",
        "participants",
        "coverage_percent",
        "target_participants",
        "target_gap",
        "regencies_reported",
    )
    return {(v[0], v[1], v[2]): v[3:] for v in values}


class _Reader:
    """One measure of one region × month × category, from the member coordinates."""

    def __init__(self, choice: c.PivotChoice, facts: Facts, months: dict) -> None:
        self.choice, self.facts, self.months = choice, facts, months
        category = choice.category.pk if choice.category else None
        self.defaults = {
            "region": choice.parent,
            "period": choice.end,
            "category": category,
            "measure": choice.measure,
        }

    def __call__(self, row: Member, column: Member) -> Value:
        at = {**self.defaults, **row.coords, **column.coords}
        region, period, measure = at["region"], at["period"], at["measure"]
        if measure == c.COMPLETENESS:
            month = self.months[period].of(region)
            if not month.expected_count:
                return None
            return Decimal(month.reported * 100) / month.expected_count
        fact = self.facts.get((region.pk, period, at["category"]))
        if fact is None:
            return None
        participants, percent, target, gap, reported = fact
        if measure == c.TARGET:
            return target
        if not reported:  # not reported: nothing known about participants
            return None
        return {c.PARTICIPANTS: participants, c.COVERAGE: percent, c.GAP: gap}[measure]


def _sorted(pivot: Pivot) -> list[Member]:
    if pivot.choice.sort == "label" or pivot.choice.rows == c.LEVEL:  # the nesting is the order
        return pivot.rows
    last = pivot.columns[-1] if pivot.columns else None

    def key(row: Member) -> Value:
        if pivot.row_totals is not None:
            return pivot.row_totals[row.key].value
        return pivot.cells.get((row.key, last.key)) if last else None

    known = [r for r in pivot.rows if key(r) is not None]
    unknown = [r for r in pivot.rows if key(r) is None]
    known.sort(key=lambda r: key(r) or 0, reverse=pivot.choice.sort == "nilai")
    return known + unknown  # unknowns last whichever way
