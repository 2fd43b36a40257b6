"""The app's public door for reads: other floors and the API import from here.

Every selector takes the asking user and narrows through `regions.access`. The period helpers
and the deadline rule are re-exported too, so no other floor reaches into a package.
"""

from participants.coverage.progress import Progress, row_progress
from participants.coverage.reporting import NoCoverage, coverage_summary
from participants.coverage.selectors import (
    RegionCoverage,
    TrendPoint,
    available_periods,
    category_rows,
    coverage_of_regions,
    expected_regencies,
    failed_buckets_for,
    national_region,
    readable_region,
    region_categories,
    region_total,
    region_trend,
    reports_for,
    target_progress,
)
from participants.coverage.tables import CoverageTable, coverage_table, latest_period
from participants.entry.deadlines import report_deadline, submission_is_late
from participants.entry.selectors import (
    Grid,
    cell_changes,
    grid_for,
    province_for,
    report_changes,
    report_events,
    report_for,
    report_rows,
    single_province,
)
from participants.periods import (
    add_months,
    current_period,
    format_period,
    month_end,
    months_between,
    parse_period,
)

__all__ = [
    "CoverageTable",
    "Grid",
    "NoCoverage",
    "Progress",
    "RegionCoverage",
    "TrendPoint",
    "add_months",
    "available_periods",
    "category_rows",
    "cell_changes",
    "coverage_of_regions",
    "coverage_summary",
    "coverage_table",
    "current_period",
    "expected_regencies",
    "failed_buckets_for",
    "format_period",
    "grid_for",
    "latest_period",
    "month_end",
    "months_between",
    "national_region",
    "parse_period",
    "province_for",
    "readable_region",
    "region_categories",
    "region_total",
    "region_trend",
    "report_changes",
    "report_deadline",
    "report_events",
    "report_for",
    "report_rows",
    "reports_for",
    "row_progress",
    "single_province",
    "submission_is_late",
    "target_progress",
]
