"""The data-entry page: one typed page object built from a Grid (and, after a save, from what
was typed and what the write returned), and the save that builds it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, fields
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from participants.counts.deadlines import is_late, report_deadline
from participants.counts.models import Category, MonthlyReport, ReportEvent
from participants.entry import selectors, services
from participants.entry.checks import report_warnings
from participants.entry.forms import GridSubmission
from participants.entry.grid_cells import GridCell, GridRow, rows_with_cells, warning_items
from participants.entry.selectors import CellKey, Grid
from participants.entry.services import CellProblem, WriteResult
from participants.entry.workflow import acknowledged_at_import, is_returned
from participants.kernel.periods import add_months, current_period, format_period
from regions.access import Action
from regions.access.users import PortalUser
from regions.models import Region
from regions.values.formatting import format_number, format_percent

Notes = dict[CellKey, list[str]]
Status = MonthlyReport.Status


@dataclass(frozen=True)
class ProblemCell:
    regency: Region
    cell: GridCell


@dataclass(frozen=True)
class Permissions:
    submit: bool
    approve: bool
    reopen: bool


@dataclass
class GridPage:
    """What the grid templates show; `context()` hands it to them field by field."""

    grid: Grid
    report: MonthlyReport | None
    rows: list[GridRow]
    totals: list[tuple[Category, int]]
    province_total: int
    step: ReportEvent | None
    returned: bool
    acknowledged_at_import: bool
    version: int
    late: bool
    deadline: dt.date
    warnings: Notes
    warning_count: int
    may: Permissions
    period_text: str
    previous_period: str
    next_period: str | None
    saved: str = ""
    problem: str = ""
    problem_cells: list[ProblemCell] = field(default_factory=list)

    def context(self) -> dict[str, Any]:
        shown = {f.name: getattr(self, f.name) for f in fields(self)}
        return shown | {
            "row_cells": rows_with_cells(self.grid, self.rows, self.period_text),
            "warning_items": warning_items(self.grid, self.rows) if self.warning_count else "",
        }


def grid_save(*, actor: PortalUser, grid: Grid, submission: GridSubmission) -> GridPage:
    """Write what was typed (all or nothing); the page comes from the write, not a new read."""
    if Action.ENTER_DATA not in grid.actions:
        raise PermissionDenied
    result = services.counts_write(
        actor=actor,
        cells=submission.cells,
        source="web",
        expected_versions={grid.report.pk: submission.version} if grid.report else {},
        dry_run=bool(submission.errors),
    )
    warnings = _by_key(submission.keys, result.warnings, {})
    errors = _by_key(submission.keys, result.errors, dict(submission.errors))
    if errors:
        page = grid_page(grid, submission=submission, errors=errors, warnings=warnings)
        page.problem = _summary(result.errors, submission)
        page.problem_cells = _problem_cells(page.rows)
        return page
    saved = _saved_grid(actor, grid, submission, result)
    # This save is now the report's last one, so no import's acknowledgement stands.
    page = grid_page(saved, warnings=warnings, acknowledged=False if result.applied else None)
    changed = result.created + result.updated
    page.saved = ngettext(
        "Saved: %(count)s value changed.", "Saved: %(count)s values changed.", changed
    ) % {"count": changed}
    return page


def _saved_grid(
    actor: PortalUser, grid: Grid, submission: GridSubmission, result: WriteResult
) -> Grid:
    report = result.reports[0] if result.reports else grid.report
    seen = grid.report.version if grid.report else MonthlyReport().version  # a new one's
    if report is not None and report.version != seen + bool(result.reports):
        # A first save of a new month raced another one on other cells: show theirs too.
        return selectors.grid_for(actor, grid.province.code, grid.period)
    return grid.after_write(submission.cells, report)


def _by_key(keys: list[CellKey], problems: list[CellProblem], notes: Notes) -> Notes:
    merged: Notes = defaultdict(list, notes)
    for problem in problems:
        if 0 <= problem.index < len(keys):
            merged[keys[problem.index]].append(problem.message)
    return dict(merged)


def _summary(problems: list[CellProblem], submission: GridSubmission) -> str:
    conflict = next((p.message for p in problems if p.field == "version"), None)
    if conflict:
        return conflict
    count = len(submission.errors) + len({p.index for p in problems})
    return ngettext(
        "Nothing was saved: %(count)s cell needs attention.",
        "Nothing was saved: %(count)s cells need attention.",
        count,
    ) % {"count": count}


def _problem_cells(rows: list[GridRow], limit: int = 5) -> list[ProblemCell]:
    """The first cells with an error, in reading order, for the summary beside Save."""
    found = [ProblemCell(row.regency, cell) for row in rows for cell in row.cells if cell.errors]
    return found[:limit]


def grid_page(
    grid: Grid,
    *,
    submission: GridSubmission | None = None,
    errors: Notes | None = None,
    warnings: Notes | None = None,
    acknowledged: bool | None = None,
) -> GridPage:
    """The page for a grid as read (warnings stored on the report) or after a save."""
    if warnings is None:
        warnings = _stored_warnings(grid)
    if acknowledged is None:
        acknowledged = grid.report is not None and acknowledged_at_import(grid.report)
    rows = [
        GridRow(
            regency,
            [_cell(grid, regency, c, submission, errors or {}, warnings) for c in grid.categories],
        )
        for regency in grid.regencies
    ]
    report, totals = grid.report, _totals(grid, rows)
    return GridPage(
        grid=grid,
        report=report,
        rows=rows,
        totals=totals,
        province_total=sum(t for c, t in totals if c.is_top_level),
        step=grid.step,
        returned=is_returned(report, grid.step),
        acknowledged_at_import=acknowledged,
        version=submission.version if submission else (report.version if report else 0),
        late=is_late(report or MonthlyReport(province=grid.province, period=grid.period)),
        deadline=report_deadline(grid.period),
        warnings=warnings,
        warning_count=sum(len(w) for w in warnings.values()),
        may=_permissions(grid),
        period_text=format_period(grid.period),
        previous_period=format_period(add_months(grid.period, -1)),
        next_period=_next(grid),
    )


def _totals(grid: Grid, rows: list[GridRow]) -> list[tuple[Category, int]]:
    """Per category, the sum of what the cells show, so totals and cells always agree."""
    sums = dict.fromkeys((c.pk for c in grid.categories), 0)
    for row in rows:
        for cell in row.cells:
            sums[cell.category.pk] += cell.number or 0
    return [(c, sums[c.pk]) for c in grid.categories]


def _next(grid: Grid) -> str | None:
    following = add_months(grid.period, 1)
    return format_period(following) if following <= current_period() else None


def _stored_warnings(grid: Grid) -> Notes:
    if grid.report is None:
        return {}
    shown = {regency.pk for regency in grid.regencies}
    notes: Notes = defaultdict(list)
    for count, problem in report_warnings(grid.report):
        if count.region_id in shown:
            notes[(count.region_id, count.category_id)].append(problem.message)
    return dict(notes)


def _permissions(grid: Grid) -> Permissions:
    status = grid.report.status if grid.report else None
    return Permissions(
        submit=grid.editable and grid.report is not None,
        approve=status == Status.SUBMITTED and Action.APPROVE in grid.actions,
        # Only national administrators hold REOPEN, and their scope is always national.
        reopen=status == Status.APPROVED and Action.REOPEN in grid.actions,
    )


def _cell(
    grid: Grid,
    regency: Region,
    category: Category,
    submission: GridSubmission | None,
    errors: Notes,
    warnings: Notes,
) -> GridCell:
    key = (regency.pk, category.pk)
    stored = grid.counts.get(key)
    previous = grid.previous.get(key)
    value = stored.active_participants if stored else None
    text, reason = (
        format_number(value) if value is not None else "",
        stored.no_data_reason if stored else "",
    )
    if submission is not None:
        text, reason = submission.raw.get(key, (text, reason))
    return GridCell(
        name=f"{regency.pk}-{category.pk}",
        category=category,
        text=text,
        number=_number(text),
        reason=reason,
        hint=format_number(previous) if previous is not None else "",
        change=_change(value, previous),
        errors=errors.get(key, []),
        warnings=warnings.get(key, []),
        stored=stored is not None,
    )


def _number(text: str) -> int | None:
    try:
        return services.parse_count(text) if text else None
    except ValidationError:
        return None


def _change(value: int | None, previous: int | None) -> str:
    if value is None or previous is None:
        return ""
    if previous == 0:
        return "" if value == 0 else _("new")
    delta = (value - previous) / previous * 100
    return ("+" if delta > 0 else "") + format_percent(delta, 1)
