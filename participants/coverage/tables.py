"""Read the coverage table into region × category tables for one month.

A fixed number of queries whatever the number of regions: this month's totals; its category
figures with the 13 months of totals that the changes against last month and last year and
the target progress need; and the month's completeness. A region that has not reported is kept
as a line marked so, with no change against other months (participants.coverage.completeness).

Only this month's totals (one a region) are models; the category figures (~20 a region) and
the history are tuples of the columns the rules read (`completeness.Counts`): building a model
for each of them was a third of a province page's time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db.models import QuerySet
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

VIEW = access.Action.VIEW
# The columns of a row the rules read (completeness.Counts), in the order of the tuples below.
COUNTS = ("participants", "regencies_reported", "regencies_expected")


class CategoryCount(NamedTuple):
    """A category's row of a region's month, as far as its cell reads it."""

    category_id: int
    participants: int | None
    regencies_reported: int
    regencies_expected: int


class MonthTotal(NamedTuple):
    """A region's total of one of the table's 13 months, as the changes and progress read it."""

    participants: int | None
    regencies_reported: int
    regencies_expected: int


@dataclass(frozen=True)
class Figure:
    """One cell as every output shows it: the number, or why there is none; a partial sum."""

    category: Category
    row: CategoryCount | None
    reason: str = ""
    partial: str = ""

    @property
    def value(self) -> int | None:
        return self.row.participants if self.row is not None and not self.reason else None


@dataclass
class CoverageLine:
    region: Region
    total: CoverageRow
    by_category: dict[int, CategoryCount] = field(default_factory=dict)
    last_month: MonthTotal | None = None
    last_year: MonthTotal | None = None
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
        # Compared as text: against the lazy words, every cell would translate them again.
        not_collected = str(NOT_COLLECTED)
        missing = [
            f.category
            for f in self.category_cells
            if f.reason == not_collected and f.row and f.category.is_top_level
        ]
        if partial_sum(self.total) or not self.reported or not missing:
            return partial_sum(self.total)
        return _("partial: without %(categories)s") % {
            "categories": ", ".join(c.name for c in missing)
        }

    def cells(
        self, categories: list[Category], collected: set[tuple[dt.date, int]]
    ) -> list[Figure]:
        period = self.total.period
        return [
            Figure(
                c,
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
    rows = access.scoped(CoverageRow.objects.filter(level=level), user)
    if parent is not None:
        rows = rows.filter(region__parent=parent)
    lines = _lines(rows.filter(period=period))
    _attach_counts(lines, period)
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


def _lines(rows: QuerySet[CoverageRow]) -> list[CoverageLine]:
    """A line for each region with a total this month, in the order of their codes."""
    totals = rows.filter(category=None).select_related("region", "denominator_kind")
    totals = totals.defer("region__boundary").order_by("region__code")
    return [CoverageLine(region=row.region, total=row) for row in totals]


def _attach_counts(lines: list[CoverageLine], period: dt.date) -> None:
    """This month's category figures and the year's totals of each line, in one query."""
    by_region = {line.region.pk: line for line in lines}
    history: dict[int, dict[dt.date, MonthTotal]] = defaultdict(dict)
    counts = _counts(list(by_region), period)
    for region_id, month, category_id, participants, reported, expected in counts:
        if category_id is None:
            history[region_id][month] = MonthTotal(participants, reported, expected)
        else:
            figure = CategoryCount(category_id, participants, reported, expected)
            by_region[region_id].by_category[category_id] = figure
    for line in lines:
        _attach_history(line, history[line.region.pk], period)


def _counts(regions: list[int], period: dt.date) -> QuerySet[CoverageRow, tuple[Any, ...]]:
    """(region id, month, category id, *COUNTS) of the regions' categories this month and of
    their totals in the 13 months up to it."""
    columns = ("region_id", "period", "category_id", *COUNTS)
    rows = CoverageRow.objects.filter(region_id__in=regions)
    categories = rows.filter(period=period, category__isnull=False).values_list(*columns)
    year = rows.filter(category=None, period__gte=add_months(period, -12), period__lte=period)
    # One round trip, each half on its own path through the index: one condition OR-ing the
    # two read the whole year's index entries (four times the time).
    return categories.union(year.values_list(*columns), all=True)


def _categories(lines: list[CoverageLine]) -> list[Category]:
    seen = {cid for line in lines for cid in line.by_category}
    return list(Category.objects.filter(pk__in=seen).order_by("order", "code"))


def _attach_history(
    line: CoverageLine, history: dict[dt.date, MonthTotal], period: dt.date
) -> None:
    """Last month's and last year's totals, and the progress the 13 months project."""
    line.last_month = history.get(add_months(period, -1))
    line.last_year = history.get(add_months(period, -12))
    line.progress = _progress(line, history)


def _progress(line: CoverageLine, history: dict[dt.date, MonthTotal]) -> Progress | None:
    if not line.reported:
        return None
    series = {p: row.participants for p, row in history.items() if row.participants is not None}
    return row_progress(line.total, series)


def _summary(user: PortalUser, parent: Region | None, period: dt.date) -> CoverageRow | None:
    """The province's or the nation's total, when the user may see it."""
    rows = CoverageRow.objects.filter(period=period, category=None)
    rows = rows.select_related("denominator_kind")
    if parent is not None:
        return rows.filter(region=parent).first() if access.can(user, VIEW, parent) else None
    # The nation's row brings its region along: one query, not one for each.
    rows = rows.filter(region__level=Region.Level.NATIONAL).select_related("region")
    row = rows.defer("region__boundary").first()
    return row if row is not None and access.can(user, VIEW, row.region) else None
