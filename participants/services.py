"""The app's public door for writes: other floors, commands and the API import from here.

Each feature package keeps its own services; this module only re-exports them, so callers
never depend on how the app is cut inside.
"""

from participants.coverage.engine import recompute_all, recompute_stale
from participants.coverage.services import (
    mark_everything_stale,
    mark_region_year_stale,
    target_delete,
    target_save,
    workforce_total_delete,
    workforce_total_save,
)
from participants.demo.counts import seed as demo_counts_seed
from participants.demo.coverage import seed as demo_coverage_seed
from participants.demo.quality import seed as demo_quality_seed
from participants.entry.categories import category_save
from participants.entry.services import (
    CellInput,
    CellProblem,
    WriteResult,
    counts_write,
    parse_count,
    report_approve,
    report_reopen,
    report_send_back,
    report_submit,
)
from participants.followup.services import followup_close, followup_open
from participants.rules.services import rule_results_refresh, rule_save
from participants.transfer.counts_import import ImportReport, counts_import
from participants.transfer.exchange.bulk import MAX_CELLS, bulk_result, bulk_write
from participants.transfer.exchange.formats import document_refusal, import_document
from participants.transfer.exchange.tasks import job_for, job_start
from participants.transfer.exchange.values import STRATEGIES, ImportOptions, Summary
from participants.transfer.failures import import_failure_record
from participants.transfer.workforce_import import WorkforceImportReport, workforce_import

__all__ = [
    "MAX_CELLS",
    "STRATEGIES",
    "CellInput",
    "CellProblem",
    "ImportOptions",
    "ImportReport",
    "Summary",
    "WorkforceImportReport",
    "WriteResult",
    "bulk_result",
    "bulk_write",
    "category_save",
    "counts_import",
    "counts_write",
    "demo_counts_seed",
    "demo_coverage_seed",
    "demo_quality_seed",
    "document_refusal",
    "followup_close",
    "followup_open",
    "import_document",
    "import_failure_record",
    "job_for",
    "job_start",
    "mark_everything_stale",
    "mark_region_year_stale",
    "parse_count",
    "recompute_all",
    "recompute_stale",
    "report_approve",
    "report_reopen",
    "report_send_back",
    "report_submit",
    "rule_results_refresh",
    "rule_save",
    "target_delete",
    "target_save",
    "workforce_import",
    "workforce_total_delete",
    "workforce_total_save",
]
