"""Reporting rates over many months: a province × month grid of the monthly reports.

Each cell is the per-month completeness page's own `ProvinceReporting` for that province and
month, so status and lateness follow the one rule (participants' deadline rule, in the
province's time zone). A province is expected only in months it existed (validity as on the
per-month page); before or after, its cell is "–", not missing. Cells: approved, submitted,
not yet due, missing (overdue, not submitted); "late" marks a submission after the deadline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coverage_portal.dashboards.completeness import ProvinceReporting
from participants import selectors as coverage
from participants.models import MonthlyReport
from regions.access import Action, regions_for
from regions.access.users import PortalUser
from regions.models import Region
from regions.values.numbers import read_digits

MAX_MONTHS = 36
APPROVED, SUBMITTED, PENDING, MISSING = "approved", "submitted", "pending", "missing"
STATES = {
    APPROVED: gettext_lazy("approved"),
    SUBMITTED: gettext_lazy("submitted"),
    PENDING: gettext_lazy("not yet due"),
    MISSING: gettext_lazy("missing"),
}


class GridError(ValueError):
    pass


@dataclass(frozen=True)
class Cell:
    reporting: ProvinceReporting | None  # None: the province did not exist that month

    @property
    def state(self) -> str:
        if self.reporting is None:
            return ""
        report = self.reporting.report
        if report is not None and report.status == MonthlyReport.Status.APPROVED:
            return APPROVED
        if report is not None and report.status == MonthlyReport.Status.SUBMITTED:
            return SUBMITTED
        return MISSING if self.reporting.late else PENDING

    @property
    def late(self) -> bool:
        """Submitted after the deadline (a missing report is counted as missing)."""
        return self.state in (APPROVED, SUBMITTED) and bool(self.reporting and self.reporting.late)

    @property
    def symbol(self) -> str:
        """A short mark for a grid of up to 36 months; the label says it in words."""
        mark = {APPROVED: "✓", SUBMITTED: "○", PENDING: "·", MISSING: "✗"}.get(self.state, "–")
        return f"{mark}!" if self.late else mark

    @property
    def label(self) -> str:
        if not self.state:
            return "–"
        text = str(STATES[self.state])
        return f"{text}, {_('late')}" if self.late else text


@dataclass
class Tally:
    expected: int = 0
    submitted: int = 0  # submitted or approved
    approved: int = 0
    late: int = 0
    missing: int = 0

    def add(self, cell: Cell) -> None:
        if not cell.state:
            return
        self.expected += 1
        self.submitted += cell.state in (APPROVED, SUBMITTED)
        self.approved += cell.state == APPROVED
        self.late += cell.late
        self.missing += cell.state == MISSING

    @property
    def rate(self) -> Decimal | None:
        """Share of expected reports submitted, in percent; unknown when none was expected."""
        return Decimal(self.submitted * 100) / self.expected if self.expected else None


@dataclass
class Grid:
    months: list[dt.date]
    provinces: list[Region]
    cells: dict[tuple[int, dt.date], Cell]
    by_province: dict[int, Tally] = field(default_factory=dict)
    by_month: dict[dt.date, Tally] = field(default_factory=dict)
    total: Tally = field(default_factory=Tally)

    def row(self, province: Region) -> list[tuple[dt.date, Cell]]:
        return [(m, self.cells[(province.pk, m)]) for m in self.months]


def _exists(region: Region, period: dt.date) -> bool:
    """As RegionQuerySet.valid_on(period), which the per-month page uses."""
    started = region.valid_from is None or region.valid_from <= period
    return started and (region.valid_until is None or region.valid_until >= period)


def grid_for(user: PortalUser, end: dt.date, count: int) -> Grid:
    """`count` months up to `end`, for the provinces in the user's scope. Two queries."""
    months = coverage.months_between(coverage.add_months(end, -(count - 1)), end)
    provinces = [
        p
        for p in regions_for(user, Action.VIEW).provinces().defer("boundary").order_by("code")
        if any(_exists(p, m) for m in months)
    ]
    reports = coverage.monthly_reports_for(user).filter(period__in=months)
    by_key = {(r.province_id, r.period): r for r in reports}
    grid = Grid(months, provinces, {}, by_month={m: Tally() for m in months})
    for province in provinces:
        today = timezone.localtime(timezone.now(), ZoneInfo(province.timezone)).date()
        for month in months:
            reporting = None
            if _exists(province, month):
                report = by_key.get((province.pk, month))
                reporting = ProvinceReporting(province, month, report, 0, 0, today)
            cell = Cell(reporting)
            grid.cells[(province.pk, month)] = cell
            grid.by_province.setdefault(province.pk, Tally()).add(cell)
            grid.by_month[month].add(cell)
            grid.total.add(cell)
    return grid


def choice(params: Mapping[str, str]) -> tuple[dt.date, int]:
    """(last month, number of months) from `sampai` and `jumlah`; GridError when unusable."""
    end = coverage.due_period()
    text = params.get("sampai")
    if text:
        try:
            end = coverage.parse_period(text[:20])
        except ValueError:
            raise GridError(
                _("“sampai” must be a month written as YYYY-MM, e.g. 2023-12.")
            ) from None
    wanted = read_digits(params.get("jumlah") or "12", max_digits=3)
    if wanted is None or not 1 <= wanted <= MAX_MONTHS:
        raise GridError(
            _("“jumlah” must be a number of months from 1 to %(n)s.") % {"n": MAX_MONTHS}
        )
    return end, wanted


def spreadsheet_rows(grid: Grid) -> list[list[object]]:
    header: list[object] = [_("Province"), *(f"{m:%Y-%m}" for m in grid.months)]
    header += [_("Expected"), _("Submitted"), _("Approved"), _("Late"), _("Missing"), _("Rate (%)")]
    lines: list[list[object]] = [header]
    for province in grid.provinces:
        tally = grid.by_province[province.pk]
        cells = [cell.label for _m, cell in grid.row(province)]
        lines.append([f"{province.code} {province.name}", *cells, *_tally(tally)])
    totals = [str(grid.by_month[m].submitted) for m in grid.months]
    lines.append([_("Submitted per month"), *totals, *_tally(grid.total)])
    return lines


def _tally(tally: Tally) -> list[object]:
    rate = round(tally.rate, 2) if tally.rate is not None else "–"
    return [tally.expected, tally.submitted, tally.approved, tally.late, tally.missing, rate]
