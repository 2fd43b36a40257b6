"""Every write of a participant count — grid, import, admin, API, demo — goes through here.

`counts_write` validates the whole batch first and writes all of it or none, set-based: the
number of queries does not grow with the number of cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participants.counts.models import MonthlyReport, ReportEvent
from participants.entry import bulk_sql
from participants.entry.context import load_context
from participants.entry.quality import write_warnings
from participants.entry.report_marks import Event, reports_record
from participants.entry.report_upsert import reports_ensure
from participants.entry.validation import (
    CellInput,
    CellProblem,
    Key,
    StoredCount,
    WriteContext,
    cell_errors,
    parse_count,
    subgroup_problems,
)
from participants.entry.versions import ACKNOWLEDGED_NOTE, conflict_problems
from participants.entry.workflow import (
    report_approve,
    report_reopen,
    report_send_back,
    report_submit,
)
from participants.rules.checks import write_findings
from regions.access.users import PortalUser, recorded

Source = Literal["web", "import", "admin", "api", "demo"]
VALUE_FIELDS = ("active_participants", "inactive_participants", "employers", "no_data_reason")
assert StoredCount._fields[1:] == VALUE_FIELDS

__all__ = [
    "CellInput",
    "CellProblem",
    "WriteResult",
    "counts_write",
    "parse_count",
    "report_approve",
    "report_reopen",
    "report_send_back",
    "report_submit",
]


@dataclass
class WriteResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[CellProblem] = field(default_factory=list)
    warnings: list[CellProblem] = field(default_factory=list)
    applied: bool = False
    # The reports the write changed, as it left them (new version): what a page shows next.
    reports: list[MonthlyReport] = field(default_factory=list)


def counts_write(
    *,
    actor: PortalUser | None,
    cells: Sequence[CellInput],
    source: Source,
    expected_versions: Mapping[int, int] | None = None,
    dry_run: bool = False,
    warnings_acknowledged: bool = False,
) -> WriteResult:
    """Validate every cell, then (unless dry_run or any error) write them all in one go.

    `actor=None` is a trusted system caller (seed_demo); otherwise the actor needs
    ENTER_DATA on each regency's province. `expected_versions` maps a report id to the
    version the user saw; a report saved since is a conflict and nothing is written.
    `warnings_acknowledged` records that the person read this write's warnings (an import
    confirmed with them), so submitting the month does not ask again.
    """
    cells = list(cells)
    try:
        note = ACKNOWLEDGED_NOTE if warnings_acknowledged else ""
        return _write(actor, cells, source, expected_versions, dry_run, note)
    except IntegrityError as error:
        if not cells or not _same_cells_saved_meanwhile(error):
            raise
        return WriteResult(errors=[CellProblem(0, "version", str(CONCURRENT_FIRST_SAVE))])


# Two first saves of the same month at the same moment: both read no counts, the second
# insert meets the first one's rows. It is a conflict like any other, not a server error.
CONCURRENT_FIRST_SAVE = _(
    "Someone else saved these cells at the same moment; nothing of yours was saved. "
    "Reload the page to see their values."
)


def _same_cells_saved_meanwhile(error: IntegrityError) -> bool:
    diagnostics = getattr(error.__cause__, "diag", None)
    return getattr(diagnostics, "constraint_name", None) == "one_count_per_cell"


def _write(
    actor: PortalUser | None,
    cells: list[CellInput],
    source: Source,
    expected_versions: Mapping[int, int] | None,
    dry_run: bool,
    note: str = "",
) -> WriteResult:
    with transaction.atomic():
        ctx = load_context(cells)
        after, changed = apply_in_memory(cells, ctx)
        # Warnings are for the person saving; nobody reads the demo's (a fifth of its seed).
        warn = source != "demo"
        result = WriteResult(
            unchanged=len(cells) - len(changed),
            errors=cell_errors(cells, ctx, actor, changed),
            warnings=write_warnings(cells, ctx, after) if warn else [],
        )
        result.errors += subgroup_problems(cells, ctx, after)
        # Administrators' rules only warn at a save: a half-filled month breaks many of them.
        result.warnings += [
            CellProblem(index, "active_participants", finding.message)
            for index, finding in (
                write_findings(cells, ctx.regions, after, any_rules=ctx.custom_rules)
                if warn
                else []
            )
        ]
        result.errors += conflict_problems(cells, ctx, expected_versions or {})
        if result.errors or dry_run:
            _count_planned(result, cells, ctx, changed)
            return result
        _persist(result, actor, cells, ctx, changed, source, note)
    return result


def _values(cell: CellInput) -> tuple[Any, ...]:
    return (
        cell.active_participants,
        cell.inactive_participants,
        cell.employers,
        cell.no_data_reason.strip(),
    )


def _stored_values(count: StoredCount) -> tuple[Any, ...]:
    return count[1:]  # the fields after pk are VALUE_FIELDS, in that order


def apply_in_memory(
    cells: Sequence[CellInput], ctx: WriteContext
) -> tuple[dict[Key, int | None], set[int]]:
    """Active values as they would be after the write, and the indexes of cells that change."""
    after = dict(ctx.history)
    after.update((key, count.active_participants) for key, count in ctx.stored.items())
    changed: set[int] = set()
    for index, cell in enumerate(cells):
        stored = ctx.stored.get(cell.key)
        if stored is None or _stored_values(stored) != _values(cell):
            changed.add(index)
        after[cell.key] = cell.active_participants
    return after, changed


def _count_planned(
    result: WriteResult, cells: Sequence[CellInput], ctx: WriteContext, changed: set[int]
) -> None:
    result.created = sum(1 for i in changed if cells[i].key not in ctx.stored)
    result.updated = len(changed) - result.created


def _ensure_reports(cells: Sequence[CellInput], ctx: WriteContext) -> list[MonthlyReport]:
    keys = {ctx.report_key(c) for c in cells}
    missing = [k for k in keys if k not in ctx.reports]
    if missing:
        for report in reports_ensure(missing):
            ctx.reports[(report.province_id, report.period)] = report
    return [ctx.reports[k] for k in keys]


def _persist(
    result: WriteResult,
    actor: PortalUser | None,
    cells: Sequence[CellInput],
    ctx: WriteContext,
    changed: set[int],
    source: Source,
    note: str = "",
) -> None:
    now = timezone.now()
    new_reports = {ctx.report_key(c) for c in cells} - set(ctx.reports)
    touched = _ensure_reports([cells[i] for i in sorted(changed)], ctx)
    creates = [cells[i] for i in sorted(changed) if cells[i].key not in ctx.stored]
    updates = [cells[i] for i in sorted(changed) if cells[i].key in ctx.stored]
    user_id = actor.pk if actor is not None else None
    events = _events(touched, new_reports, source, note)
    then = reports_record(touched, events, getattr(recorded(actor), "pk", None), now)
    if creates:
        stamp = bulk_sql.Stamp("+", user_id, source, now)
        bulk_sql.insert_counts(_rows(creates, ctx), stamp, [] if updates else then)
    if updates:
        ids = [ctx.stored[c.key].pk for c in updates]
        stamp = bulk_sql.Stamp("~", user_id, source, now)
        bulk_sql.update_counts(ids, _rows(updates, ctx), stamp, then)
    result.created, result.updated, result.applied = len(creates), len(updates), True
    result.reports = touched


def _rows(cells: Sequence[CellInput], ctx: WriteContext) -> list[tuple[Any, ...]]:
    """The cells' rows, values in bulk_sql.WRITTEN order."""
    reports = {key: report.pk for key, report in ctx.reports.items()}
    return [
        (
            reports[ctx.report_key(c)],
            c.region_id,
            c.category_id,
            c.period,
            c.active_participants,
            c.inactive_participants,
            c.employers,
            c.no_data_reason.strip(),
        )
        for c in cells
    ]


def _events(
    reports: list[MonthlyReport],
    new_keys: set[tuple[int, dt.date]],
    source: Source,
    note: str = "",
) -> list[Event]:
    """A created event for each new report, then the save's own event for each report."""
    action = ReportEvent.Action.IMPORTED if source == "import" else ReportEvent.Action.SAVED
    created = [
        (r, ReportEvent.Action.CREATED.value, "")
        for r in reports
        if (r.province_id, r.period) in new_keys
    ]
    return created + [(r, action.value, source + note) for r in reports]
