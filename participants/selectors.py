"""The app's public door for reads: other floors and the API import from here.

Every selector takes the asking user and narrows through `regions.access`. The period helpers
and the deadline rule are re-exported too, so no other floor reaches into a package.
"""

from participants.counts.deadlines import report_deadline, submission_is_late
from participants.coverage.changes import change_notes
from participants.coverage.completeness import (
    COMPLETE,
    NOT_REPORTED,
    PARTIAL,
    UNKNOWN_WORDS,
    MonthCompleteness,
    collected_categories,
    has_figures,
    latest_complete,
    month_completeness,
    months_completeness,
    partial_sum,
    row_status,
    status_label,
    unknown_code,
    unknown_reason,
)
from participants.coverage.progress import Progress, row_progress

# The API and the public page print figures as coverage_report does.
from participants.coverage.reporting import (
    NoCoverage,
    completeness_fields,
    coverage_summary,
    denominator_fields,
    projection_fields,
    target_fields,
    two_decimals,
)
from participants.coverage.selectors import (
    RegionCoverage,
    TrendPoint,
    available_periods,
    category_rows,
    coverage_of_regions,
    coverage_rows_for,
    denominator_changed,
    expected_regencies,
    failed_buckets_for,
    last_computation,
    latest_complete_period,
    monthly_reports_for,
    national_region,
    period_choices,
    readable_region,
    region_categories,
    region_total,
    region_trend,
    reports_for,
    target_progress,
    target_source,
    targets_for,
    workforce_totals_for,
)
from participants.coverage.tables import CoverageTable, coverage_table
from participants.coverage.versions import coverage_version, reports_version
from participants.demo.counts import demo_data_present
from participants.demo.published import PublishedFigures, published_figures
from participants.entry.selectors import (
    Grid,
    cell_changes,
    counts_for,
    grid_for,
    province_for,
    report_changes,
    report_events,
    report_for,
    report_rows,
    single_province,
)
from participants.entry.todo import (
    ReportingSummary,
    ReportTodo,
    approved_recently,
    due_period,
    recent_decisions,
    report_todo,
    reporting_summary,
    reports_waiting,
    returned_reports,
    stalled_recomputes,
)
from participants.entry.workflow import is_returned, latest_step
from participants.followup.selectors import followups_for
from participants.kernel.periods import (
    add_months,
    current_period,
    format_period,
    month_end,
    months_between,
    parse_period,
)
from participants.outliers.selectors import Outlier, outliers_for
from participants.rules.selectors import rule_results_for, rules_for
from participants.transfer.exchange import codes as exchange_codes
from participants.transfer.exchange.adx import has_values as adx_has_values
from participants.transfer.exchange.adx_schema import adx_schema
from participants.transfer.exchange.export import (
    ExportedCount,
    ExportQuery,
    ExportRefused,
    exported_counts,
    readable_regions,
)
from participants.transfer.exchange.formats import write as exchange_write
from participants.transfer.failures import import_failures_for

# The month a page opens on, under the name earlier callers know.
latest_period = latest_complete_period

__all__ = [
    "COMPLETE",
    "NOT_REPORTED",
    "PARTIAL",
    "UNKNOWN_WORDS",
    "CoverageTable",
    "ExportQuery",
    "ExportRefused",
    "ExportedCount",
    "Grid",
    "MonthCompleteness",
    "NoCoverage",
    "Outlier",
    "Progress",
    "PublishedFigures",
    "RegionCoverage",
    "ReportTodo",
    "ReportingSummary",
    "TrendPoint",
    "add_months",
    "adx_has_values",
    "adx_schema",
    "approved_recently",
    "available_periods",
    "category_rows",
    "cell_changes",
    "change_notes",
    "collected_categories",
    "completeness_fields",
    "counts_for",
    "coverage_of_regions",
    "coverage_rows_for",
    "coverage_summary",
    "coverage_table",
    "coverage_version",
    "current_period",
    "demo_data_present",
    "denominator_changed",
    "denominator_fields",
    "due_period",
    "exchange_codes",
    "exchange_write",
    "expected_regencies",
    "exported_counts",
    "failed_buckets_for",
    "followups_for",
    "format_period",
    "grid_for",
    "has_figures",
    "import_failures_for",
    "is_returned",
    "last_computation",
    "latest_complete",
    "latest_complete_period",
    "latest_period",
    "latest_step",
    "month_completeness",
    "month_end",
    "monthly_reports_for",
    "months_between",
    "months_completeness",
    "national_region",
    "outliers_for",
    "parse_period",
    "partial_sum",
    "period_choices",
    "projection_fields",
    "province_for",
    "published_figures",
    "readable_region",
    "readable_regions",
    "recent_decisions",
    "region_categories",
    "region_total",
    "region_trend",
    "report_changes",
    "report_deadline",
    "report_events",
    "report_for",
    "report_rows",
    "report_todo",
    "reporting_summary",
    "reports_for",
    "reports_version",
    "reports_waiting",
    "returned_reports",
    "row_progress",
    "row_status",
    "rule_results_for",
    "rules_for",
    "single_province",
    "stalled_recomputes",
    "status_label",
    "submission_is_late",
    "target_fields",
    "target_progress",
    "target_source",
    "targets_for",
    "two_decimals",
    "unknown_code",
    "unknown_reason",
    "workforce_totals_for",
]
