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
from participants.transfer.counts_import import ImportReport, counts_import
from participants.transfer.exchange import adx as adx_document
from participants.transfer.exchange.codes import category_ids, regency_ids
from participants.transfer.exchange.values import (
    MAX_VALUES,
    MEASURES,
    DataValue,
    FormatError,
    Summary,
    conflict,
    import_values,
)
from participants.transfer.failures import import_failure_record
from participants.transfer.workforce_import import WorkforceImportReport, workforce_import

__all__ = [
    "MAX_VALUES",
    "MEASURES",
    "CellInput",
    "CellProblem",
    "DataValue",
    "FormatError",
    "ImportReport",
    "Summary",
    "WorkforceImportReport",
    "WriteResult",
    "adx_document",
    "category_ids",
    "category_save",
    "conflict",
    "counts_import",
    "counts_write",
    "demo_counts_seed",
    "demo_coverage_seed",
    "import_failure_record",
    "import_values",
    "mark_everything_stale",
    "mark_region_year_stale",
    "parse_count",
    "recompute_all",
    "recompute_stale",
    "regency_ids",
    "report_approve",
    "report_reopen",
    "report_send_back",
    "report_submit",
    "target_delete",
    "target_save",
    "workforce_import",
    "workforce_total_delete",
    "workforce_total_save",
]
