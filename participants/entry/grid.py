"""Turns a Grid (and, after a POST, what was typed and what the service said) into rows."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from participants.entry import selectors, services
from participants.entry.checks import report_warnings
from participants.entry.deadlines import is_late
from participants.entry.forms import GridSubmission
from participants.entry.models import MonthlyReport
from participants.entry.selectors import CellKey, Grid
from participants.entry.services import CellProblem
from participants.entry.workflow import acknowledged_at_import, is_returned, latest_step
from participants.periods import add_months, current_period, format_period
from regions import access
from regions.access import Action
from regions.access.users import PortalUser
from regions.values.formatting import format_number, format_percent

Notes = dict[CellKey, list[str]]
Status = MonthlyReport.Status


def save_grid(user: PortalUser, grid: Grid, submission: GridSubmission) -> dict[str, Any]:
    """Write what was typed (all or nothing) and say how it went, cell by cell."""
    if not access.can(user, Action.ENTER_DATA, grid.province):
        raise PermissionDenied
    expected = {grid.report.pk: submission.version} if grid.report else {}
    result = services.counts_write(
        actor=user,
        cells=submission.cells,
        source="web",
        expected_versions=expected,
        dry_run=bool(submission.errors),
    )
    errors = _by_key(submission.keys, result.errors, dict(submission.errors))
    warnings = _by_key(submission.keys, result.warnings, {})
    if errors:
        context = grid_context(user, grid, submission=submission, errors=errors)
        context["problem"] = _summary(result.errors, submission)
        context["problem_cells"] = _problem_cells(context["rows"])
        context["warnings"] = warnings
        return context
    fresh = selectors.grid_for(user, grid.province, grid.period)
    context = grid_context(user, fresh, warnings=warnings)
    changed = result.created + result.updated
    context["saved"] = ngettext(
        "Saved: %(count)s value changed.", "Saved: %(count)s values changed.", changed
    ) % {"count": changed}
    return context


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


def _problem_cells(rows: list[dict[str, Any]], limit: int = 5) -> list[dict[str, Any]]:
    """The first cells with an error, in reading order, for the summary beside Save."""
    found = [
        {"regency": row["regency"], "cell": cell}
        for row in rows
        for cell in row["cells"]
        if cell["errors"]
    ]
    return found[:limit]


def _totals(grid: Grid, rows: list[dict[str, Any]]) -> list[tuple[Any, int]]:
    """Per category, the sum of what the cells show, so totals and cells always agree."""
    sums = dict.fromkeys((c.pk for c in grid.categories), 0)
    for row in rows:
        for cell in row["cells"]:
            sums[cell["category"].pk] += cell["number"] or 0
    return [(c, sums[c.pk]) for c in grid.categories]


def _number(text: str) -> int | None:
    try:
        return services.parse_count(text) if text else None
    except ValidationError:
        return None


def grid_context(
    user: PortalUser,
    grid: Grid,
    *,
    submission: GridSubmission | None = None,
    errors: Notes | None = None,
    warnings: Notes | None = None,
) -> dict[str, Any]:
    if warnings is None:
        warnings = _stored_warnings(grid)
    rows = [
        {
            "regency": regency,
            "cells": [
                _cell(grid, regency, c, submission, errors, warnings) for c in grid.categories
            ],
        }
        for regency in grid.regencies
    ]
    report = grid.report
    totals = _totals(grid, rows)
    step = latest_step(report)
    return {
        "grid": grid,
        "rows": rows,
        "totals": totals,
        "province_total": sum(t for c, t in totals if c.is_top_level),
        "step": step,
        "returned": is_returned(report, step),
        "acknowledged_at_import": report is not None and acknowledged_at_import(report),
        "version": submission.version if submission else (report.version if report else 0),
        "report": report,
        "late": is_late(report or MonthlyReport(province=grid.province, period=grid.period)),
        "warning_count": sum(len(w) for w in warnings.values()),
        "warnings": warnings,
        "may": _permissions(user, grid),
        "deadline": (report or MonthlyReport(period=grid.period)).deadline,
        "period_text": format_period(grid.period),
        "previous_period": format_period(add_months(grid.period, -1)),
        "next_period": _next(grid),
    }


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


def _permissions(user: PortalUser, grid: Grid) -> dict[str, bool]:
    status = grid.report.status if grid.report else None
    return {
        "submit": grid.editable and grid.report is not None,
        "approve": status == Status.SUBMITTED and access.can(user, Action.APPROVE, grid.province),
        "reopen": status == Status.APPROVED
        and access.is_national(user)
        and access.can(user, Action.REOPEN, grid.province),
    }


def _cell(
    grid: Grid,
    regency: Any,
    category: Any,
    submission: GridSubmission | None,
    errors: Notes | None,
    warnings: Notes,
) -> dict[str, Any]:
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
    return {
        "name": f"{regency.pk}-{category.pk}",
        "category": category,
        "text": text,
        "number": _number(text),
        "reason": reason,
        "hint": format_number(previous) if previous is not None else "",
        "change": _change(value, previous),
        "errors": (errors or {}).get(key, []),
        "warnings": warnings.get(key, []),
        "stored": stored is not None,
    }


def _change(value: int | None, previous: int | None) -> str:
    if value is None or previous is None:
        return ""
    if previous == 0:
        return "" if value == 0 else _("new")
    delta = (value - previous) / previous * 100
    return ("+" if delta > 0 else "") + format_percent(delta, 1)
