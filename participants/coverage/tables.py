"""Read the coverage table into region × category tables for one month.

A fixed number of queries whatever the number of regions: this month's rows, last month's
and last year's totals, the 13 months of totals the target progress needs, and the month's
completeness. A region that has not reported is kept as a line marked so, with no change
against other months (participants.coverage.completeness).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from participants.coverage.changes import change_note, participants_change
from participants.coverage.completeness import (
    MonthCompleteness,
    has_figures,
    months_completeness,
    row_status,
    status_label,
)
from participants.coverage.models import CoverageRow
from participants.coverage.progress import Progress, row_progress
from participants.entry.models import Category
from participants.kernel.periods import add_months
from regions import access
from regions.access.users import PortalUser
from regions.models import Region


@dataclass
class CoverageLine:
    region: Region
    total: CoverageRow
    by_category: dict[int, CoverageRow] = field(default_factory=dict)
    last_month: CoverageRow | None = None
    last_year: CoverageRow | None = None
    progress: Progress | None = None
    category_cells: list[CoverageRow | None] = field(default_factory=list)
    completeness: MonthCompleteness | None = None

    @property
    def reported(self) -> bool:
        return has_figures(self.total)

    @property
    def status(self) -> str:
        return row_status(self.total, self.completeness) if self.completeness else ""

    @property
    def status_label(self) -> str:
        return status_label(self.status, self.completeness) if self.completeness else ""

    @property
    def month_change(self) -> int | None:
        return participants_change(self.total, self.last_month)

    @property
    def year_change(self) -> int | None:
        return participants_change(self.total, self.last_year)

    @property
    def month_note(self) -> str:
        return change_note(self.total, self.last_month)

    @property
    def year_note(self) -> str:
        return change_note(self.total, self.last_year)

    def cells(self, categories: list[Category]) -> list[CoverageRow | None]:
        return [self.by_category.get(c.pk) for c in categories]


@dataclass
class CoverageTable:
    period: dt.date
    parent: Region | None
    categories: list[Category]
    lines: list[CoverageLine]
    summary: CoverageRow | None
    completeness: MonthCompleteness

    @property
    def all_approved(self) -> bool:
        return all(line.total.all_approved for line in self.lines)

    @property
    def partial(self) -> bool:
        return self.completeness.partial

    @property
    def structure_changed(self) -> bool:
        return any(line.month_note or line.year_note for line in self.lines)


def coverage_table(user: PortalUser, *, period: dt.date, parent: Region | None) -> CoverageTable:
    """Provinces (parent None) or a province's regencies, as the user may see them."""
    level = "province" if parent is None else "regency"
    rows = access.scoped(CoverageRow.objects.filter(period=period, level=level), user)
    if parent is not None:
        rows = rows.filter(region__parent=parent)
    rows = rows.select_related("region", "category", "denominator_kind").defer("region__boundary")
    rows = rows.order_by("region__code")
    lines = _lines(list(rows))
    _attach_history(lines, level, period)
    categories = _categories(lines)
    month = months_completeness([period], user=user)[period]
    for line in lines:
        line.category_cells = line.cells(categories)
        line.completeness = month.of(line.region)
    summary = _summary(user, parent, period)
    return CoverageTable(
        period=period,
        parent=parent,
        categories=categories,
        lines=lines,
        summary=summary if has_figures(summary) else None,
        completeness=month.of(parent) if parent else month,
    )


def _lines(rows: list[CoverageRow]) -> list[CoverageLine]:
    lines: dict[int, CoverageLine] = {}
    for row in rows:
        if row.category_id is None:
            lines[row.region_id] = CoverageLine(region=row.region, total=row)
    for row in rows:
        if row.category_id is not None and row.region_id in lines:
            lines[row.region_id].by_category[row.category_id] = row
    return list(lines.values())


def _categories(lines: list[CoverageLine]) -> list[Category]:
    seen = {cid for line in lines for cid in line.by_category}
    return list(Category.objects.filter(pk__in=seen).order_by("order", "code"))


def _attach_history(lines: list[CoverageLine], level: str, period: dt.date) -> None:
    """Last month, last year and the 12-month series of each line, in one query."""
    regions = [line.region.pk for line in lines]
    totals = CoverageRow.objects.filter(level=level, category=None, region_id__in=regions)
    totals = totals.filter(period__gte=add_months(period, -12), period__lte=period)
    # The changes and the projection read only these: the rest stays in the database.
    totals = totals.only(
        "region_id", "period", "participants", "regencies_reported", "regencies_expected"
    )
    by_region: dict[int, dict[dt.date, CoverageRow]] = defaultdict(dict)
    for row in totals:
        by_region[row.region_id][row.period] = row
    for line in lines:
        history = by_region[line.region.pk]
        line.last_month = history.get(add_months(period, -1))
        line.last_year = history.get(add_months(period, -12))
        line.progress = _progress(line, history)


def _progress(line: CoverageLine, history: dict[dt.date, CoverageRow]) -> Progress | None:
    if not line.reported:
        return None
    series = {p: row.participants for p, row in history.items() if has_figures(row)}
    return row_progress(line.total, series)


def _summary(user: PortalUser, parent: Region | None, period: dt.date) -> CoverageRow | None:
    region = parent or Region.objects.filter(level=Region.Level.NATIONAL).defer("boundary").first()
    if region is None or not access.can(user, access.Action.VIEW, region):
        return None
    return (
        CoverageRow.objects.filter(region=region, period=period, category=None)
        .select_related("denominator_kind")
        .first()
    )
