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

from django.utils.translation import gettext as _

from participants.counts.models import Category
from participants.coverage.changes import change_note, participants_change
from participants.coverage.completeness import (
    NOT_COLLECTED,
    MonthCompleteness,
    collected_categories,
    has_figures,
    months_completeness,
    partial_sum,
    row_status,
    status_label,
    unknown_reason,
)
from participants.coverage.models import CoverageRow
from participants.coverage.progress import Progress, row_progress
from participants.kernel.periods import add_months
from regions import access
from regions.access.users import PortalUser
from regions.models import Region


@dataclass(frozen=True)
class Figure:
    """One cell as every output shows it: the number, or why there is none; a partial sum."""

    row: CoverageRow | None
    reason: str = ""
    partial: str = ""

    @property
    def value(self) -> int | None:
        return self.row.participants if self.row is not None and not self.reason else None


@dataclass
class CoverageLine:
    region: Region
    total: CoverageRow
    by_category: dict[int, CoverageRow] = field(default_factory=dict)
    last_month: CoverageRow | None = None
    last_year: CoverageRow | None = None
    progress: Progress | None = None
    category_cells: list[Figure] = field(default_factory=list)
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

    @property
    def total_partial(self) -> str:
        """A known total that leaves out regencies, or top-level categories without a figure."""
        missing = [
            f.row.category
            for f in self.category_cells
            if f.reason == NOT_COLLECTED
            and f.row
            and f.row.category
            and f.row.category.is_top_level
        ]
        if partial_sum(self.total) or not self.reported or not missing:
            return partial_sum(self.total)
        return _("partial: without %(categories)s") % {
            "categories": ", ".join(c.name for c in missing if c)
        }

    def cells(
        self, categories: list[Category], collected: set[tuple[dt.date, int]]
    ) -> list[Figure]:
        period = self.total.period
        return [
            Figure(
                row,
                unknown_reason(row, total=self.total, collected=(period, c.pk) in collected),
                partial_sum(row),
            )
            for c in categories
            for row in [self.by_category.get(c.pk)]
        ]


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
    collected = collected_categories([period])
    for line in lines:
        line.category_cells = line.cells(categories, collected)
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
    series = {p: row.participants for p, row in history.items() if row.participants is not None}
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
