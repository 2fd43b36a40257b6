"""Scoped reads over the precomputed coverage table and the monthly reports.

Every function takes the asking user and narrows through `regions.access`, so a dashboard,
export or report can never show a region outside the user's scope. Pages read the coverage
table only; nothing here recomputes coverage. A row without a single regency's count (a
region that has not reported that month) is left out, so it reads as "not reported", never
as 0 participants (see participants.coverage.completeness).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django.db import connection
from django.db.models import Max, QuerySet
from django.http import Http404

from participants.counts.models import MonthlyReport
from participants.coverage.changes import change_note, coverage_change
from participants.coverage.completeness import (
    MonthCompleteness,
    collected_categories,
    latest_complete,
    months_completeness,
    partial_sum,
    row_status,
    status_label,
    unknown_reason,
)
from participants.coverage.models import CoverageRow, StaleBucket, Target, WorkforceTotal
from participants.kernel.periods import add_months
from regions.access import Action, allows, regions_for, scoped
from regions.access.users import PortalUser
from regions.models import Region, RegionQuerySet


def _rows(user: PortalUser, *, unknown: bool = False) -> QuerySet[CoverageRow]:
    """Rows with figures; with `unknown`, also those without (to say why, never 0)."""
    found = (
        CoverageRow.objects.all()
        if unknown
        else CoverageRow.objects.filter(regencies_reported__gt=0)
    )
    rows = scoped(found, user, Action.VIEW)
    return rows.select_related("region", "denominator_kind", "category").defer("region__boundary")


def _one_region(
    user: PortalUser, region: Region, *, unknown: bool = False
) -> QuerySet[CoverageRow]:
    # Naming the level too lets PostgreSQL use the table's (period, level, region, category) key.
    return _rows(user, unknown=unknown).filter(level=region.level, region=region)


def _regions(user: PortalUser) -> RegionQuerySet:
    # Boundaries weigh megabytes; only the map endpoint reads them.
    return cast(RegionQuerySet, regions_for(user, Action.VIEW).defer("boundary"))


def readable_region(user: PortalUser, code: str, level: str) -> Region:
    """A region by code, without its boundary; 404 outside the user's scope."""
    region = _regions(user).filter(code=code, level=level).first()
    if region is None:
        raise Http404
    return region


# A "loose index scan": one index probe per month instead of reading every row of every
# month (the table holds ~4.000 rows a month), so listing 60 months stays ~1 ms at any size.
MONTHS_SQL = """
WITH RECURSIVE months(period, n) AS (
    SELECT MAX(period), 1 FROM {table}
    UNION ALL
    SELECT (SELECT MAX(c.period) FROM {table} c WHERE c.period < m.period), m.n + 1
    FROM months m WHERE m.period IS NOT NULL AND m.n < %s
)
SELECT period FROM months WHERE period IS NOT NULL ORDER BY period DESC
"""


def available_periods(user: PortalUser, limit: int = 60) -> list[dt.date]:
    """Months that have coverage figures, newest first (empty for a user who may read none).

    Which months exist is not confidential; the figures of each month are read scoped.
    """
    if not allows(user, Action.VIEW):
        return []
    with connection.cursor() as cursor:
        cursor.execute(MONTHS_SQL.format(table=CoverageRow._meta.db_table), [limit])
        return [_as_date(period) for (period,) in cursor.fetchall()]


def period_choices(
    user: PortalUser, region: Region | None = None, limit: int = 60
) -> list[MonthCompleteness]:
    """The months with figures, newest first, each with its completeness for `region` (the
    user's whole scope when None)."""
    periods = available_periods(user, limit)
    months = months_completeness(periods, user=user)
    return [months[p].of(region) if region is not None else months[p] for p in periods]


def latest_complete_period(user: PortalUser, region: Region | None = None) -> dt.date | None:
    """The month pages open on: the newest complete one (the newest, when none is)."""
    return latest_complete(period_choices(user, region))


def last_computation() -> int | None:
    """What names the coverage table's last computation, for keys of cached pages: its
    largest row id (one probe of the primary key). Every recompute deletes and re-inserts
    its buckets' rows and ids are never reused (sequences; SQLite's AUTOINCREMENT), so a
    recompute always changes it."""
    return CoverageRow.objects.aggregate(last=Max("id"))["last"]


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def national_region(user: PortalUser) -> Region | None:
    """The national row `ID`, for users whose scope covers the whole country."""
    return _regions(user).filter(level=Region.Level.NATIONAL).first()


@dataclass
class RegionCoverage:
    """A region's total coverage in a month, beside the month before and a year before."""

    region: Region
    now: CoverageRow | None
    last_month: CoverageRow | None
    last_year: CoverageRow | None
    completeness: MonthCompleteness | None = None  # of this region's figures

    @property
    def status(self) -> str:
        """complete, partial or not_reported (participants.coverage.completeness)."""
        return row_status(self.now, self.completeness) if self.completeness else ""

    @property
    def status_label(self) -> str:
        return status_label(self.status, self.completeness) if self.completeness else ""

    @property
    def denominator_changed_month(self) -> bool:
        return denominator_changed(self.now, self.last_month)

    @property
    def denominator_changed_year(self) -> bool:
        return denominator_changed(self.now, self.last_year)

    @property
    def change_month(self) -> Decimal | None:
        """Change in coverage, percentage points; unknown when either month is unknown or
        the region's regencies differ between them (participants.coverage.changes)."""
        return coverage_change(self.now, self.last_month)

    @property
    def change_year(self) -> Decimal | None:
        return coverage_change(self.now, self.last_year)

    @property
    def note_month(self) -> str:
        return change_note(self.now, self.last_month)

    @property
    def note_year(self) -> str:
        return change_note(self.now, self.last_year)

    @property
    def coverage(self) -> Decimal | None:
        return self.now.coverage_percent if self.now else None

    @property
    def progress(self) -> Decimal | None:
        return target_progress(self.now)


def denominator_changed(now: CoverageRow | None, then: CoverageRow | None) -> bool:
    """Whether two months' coverage rest on different denominators (another kind or year),
    so a step between them may come from the denominator rather than the participants."""
    if now is None or then is None or now.denominator_value is None:
        return False
    if then.denominator_value is None:
        return False
    mine = (now.denominator_kind_id, now.denominator_year)
    return mine != (then.denominator_kind_id, then.denominator_year)


def target_progress(row: CoverageRow | None) -> Decimal | None:
    """Share of the target reached, in percent: by participants, else by coverage percent."""
    if row is None:
        return None
    if row.target_participants and row.participants is not None:
        return Decimal(row.participants) * 100 / row.target_participants
    if row.target_percent and row.coverage_percent is not None:
        return row.coverage_percent * 100 / row.target_percent
    return None


def _by_region(rows: QuerySet[CoverageRow]) -> dict[int, dict[dt.date, CoverageRow]]:
    grouped: dict[int, dict[dt.date, CoverageRow]] = defaultdict(dict)
    for row in rows:
        grouped[row.region_id][row.period] = row
    return grouped


def coverage_of_regions(
    user: PortalUser,
    *,
    level: str,
    period: dt.date,
    parent: Region | None = None,
    month: MonthCompleteness | None = None,
) -> list[RegionCoverage]:
    """Every region of `level` that existed in `period` (under `parent`), ranked by coverage.

    Regions without figures are kept, as "not reported", so a missing report is visible;
    each carries its completeness (`month`, read when not given). Four queries whatever
    the number of regions.
    """
    month = month or months_completeness([period], user=user)[period]
    regions = _regions(user).filter(level=level).valid_on(period)
    if parent is not None:
        regions = regions.filter(parent=parent)
    months = (period, add_months(period, -1), add_months(period, -12))
    rows = _rows(user).filter(
        level=level, category__isnull=True, period__in=months, region__in=regions
    )
    grouped = _by_region(rows)
    result = [
        RegionCoverage(
            region=region,
            now=grouped[region.pk].get(months[0]),
            last_month=grouped[region.pk].get(months[1]),
            last_year=grouped[region.pk].get(months[2]),
            completeness=month.of(region),
        )
        for region in regions
    ]
    return sorted(result, key=_rank_key)


def _rank_key(item: RegionCoverage) -> tuple[int, Decimal, str]:
    coverage = item.coverage
    return (coverage is None, -(coverage or Decimal(0)), item.region.code)


def region_total(user: PortalUser, region: Region, period: dt.date) -> CoverageRow | None:
    return _one_region(user, region).filter(period=period, category__isnull=True).first()


def target_source(region: Region, year: int) -> str:
    """Where a region's overall target for the year comes from (its `source`), or ""."""
    targets = Target.objects.filter(region=region, year=year, category__isnull=True)
    return targets.values_list("source", flat=True).first() or ""


def region_categories(user: PortalUser, region: Region, period: dt.date) -> list[CoverageRow]:
    """One row per category (sub-groups such as NON_ASN included), in the categories' order,
    each with `unknown` (why it has no figure) and `partial` (a sum leaving regencies out)."""
    rows = list(
        _one_region(user, region, unknown=True)
        .filter(period=period, category__isnull=False)
        .order_by("category__order", "category__code")
    )
    # Only a row without a figure needs to know whether any region had its category.
    unknown = any(row.participants is None for row in rows)
    collected = collected_categories([period]) if unknown else set()
    for row in rows:
        assert row.category_id is not None
        row.unknown = unknown_reason(  # type: ignore[attr-defined]
            row, collected=(period, row.category_id) in collected
        )
        row.partial = partial_sum(row)  # type: ignore[attr-defined]
    return rows


@dataclass
class TrendPoint:
    period: dt.date
    row: CoverageRow | None


def region_trend(
    user: PortalUser, region: Region, end: dt.date, months: int = 24
) -> list[TrendPoint]:
    """The region's total for each of the `months` months up to `end`; gaps stay None."""
    start = add_months(end, -(months - 1))
    rows = _one_region(user, region).filter(
        category__isnull=True, period__gte=start, period__lte=end
    )
    by_period = {row.period: row for row in rows}
    return [
        TrendPoint(add_months(start, i), by_period.get(add_months(start, i))) for i in range(months)
    ]


def reports_for(user: PortalUser, period: dt.date) -> dict[int, MonthlyReport]:
    """The provinces' monthly reports for `period`, keyed by province id."""
    reports = scoped(MonthlyReport.objects.all(), user, Action.VIEW, field="province")
    return {r.province_id: r for r in reports.filter(period=period)}


def expected_regencies(user: PortalUser, period: dt.date, parent: Region | None = None) -> QuerySet:
    """The regencies in the user's scope expected to report for `period`."""
    regencies = _regions(user).expected_to_report(period)
    return regencies.filter(parent=parent) if parent is not None else regencies


def category_rows(
    user: PortalUser,
    *,
    level: str,
    period: dt.date,
    category_code: str,
    parent: Region | None = None,
) -> dict[int, CoverageRow]:
    """One category's row per region (e.g. NON_ASN for the scorecard), keyed by region id."""
    rows = _rows(user).filter(level=level, period=period, category__code=category_code)
    if parent is not None:
        rows = rows.filter(region__parent=parent)
    return {row.region_id: row for row in rows}


def failed_buckets_for(user: PortalUser) -> QuerySet[StaleBucket]:
    """Province × month buckets the engine could not compute, with the reason: for national
    administrators (the admin home lists them), empty for everyone else."""
    if not allows(user, Action.ADMINISTER):
        return StaleBucket.objects.none()
    failed = StaleBucket.objects.filter(failed_at__isnull=False)
    return failed.select_related("province").defer("province__boundary").order_by("-failed_at")


# The API's resources read through these: each narrowed by the user's scope, in the order
# the API pages them, with what their serializers show loaded in the same query.


def workforce_totals_for(user: PortalUser) -> QuerySet[WorkforceTotal]:
    totals = WorkforceTotal.objects.select_related("kind", "region").defer("region__boundary")
    return scoped(totals, user, Action.VIEW).order_by("region__code", "-year", "pk")


def targets_for(user: PortalUser) -> QuerySet[Target]:
    targets = Target.objects.select_related("region", "category").defer("region__boundary")
    return scoped(targets, user, Action.VIEW).order_by("region__code", "-year", "pk")


def coverage_rows_for(user: PortalUser) -> QuerySet[CoverageRow]:
    rows = CoverageRow.objects.select_related("region", "category", "denominator_kind")
    rows = scoped(rows.defer("region__boundary"), user, Action.VIEW)
    return rows.order_by("-period", "region__code", "category__order")


def monthly_reports_for(user: PortalUser, *, with_events: bool = False) -> QuerySet[MonthlyReport]:
    reports = MonthlyReport.objects.select_related("province").defer("province__boundary")
    if with_events:
        reports = reports.prefetch_related("events__actor")
    reports = scoped(reports, user, Action.VIEW, field="province")
    return reports.order_by("-period", "province__code")
