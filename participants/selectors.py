"""The app's public door for reads: other floors and the API import from here.

Every selector takes the asking user and narrows through `regions.access`. The period helpers
and the deadline rule are re-exported too, so no other floor reaches into a package.
"""

from participants.coverage.completeness import (
    COMPLETE,
    NOT_REPORTED,
    PARTIAL,
    MonthCompleteness,
    has_figures,
    latest_complete,
    month_completeness,
    months_completeness,
    row_status,
    status_label,
)
from participants.coverage.progress import Progress, row_progress

# The API and the public page print figures as coverage_report does.
from participants.coverage.reporting import (
    NoCoverage,
    coverage_summary,
    projection_fields,
    two_decimals,
)
from participants.coverage.selectors import (
    RegionCoverage,
    TrendPoint,
    available_periods,
    category_rows,
    coverage_of_regions,
    denominator_changed,
    expected_regencies,
    failed_buckets_for,
    latest_complete_period,
    national_region,
    period_choices,
    readable_region,
    region_categories,
    region_total,
    region_trend,
    reports_for,
    target_progress,
)
from participants.coverage.tables import CoverageTable, coverage_table
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

# The month a page opens on, under the name earlier callers know.
latest_period = latest_complete_period

__all__ = [
    "COMPLETE",
    "NOT_REPORTED",
    "PARTIAL",
    "CoverageTable",
    "Grid",
    "MonthCompleteness",
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
    "denominator_changed",
    "expected_regencies",
    "failed_buckets_for",
    "format_period",
    "grid_for",
    "has_figures",
    "latest_complete",
    "latest_complete_period",
    "latest_period",
    "month_completeness",
    "month_end",
    "months_between",
    "months_completeness",
    "national_region",
    "parse_period",
    "period_choices",
    "projection_fields",
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
    "row_status",
    "single_province",
    "status_label",
    "submission_is_late",
    "target_progress",
    "two_decimals",
]
