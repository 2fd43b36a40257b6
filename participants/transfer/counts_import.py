"""Import monthly counts from a CSV or XLSX file: every row or none.

`counts_import` reads and checks the whole file, then hands all its cells to
`participants.entry.services.counts_write` in one call, which checks scope, locks and values and
writes everything in one transaction. Every problem comes back with its file line number.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from participants.entry.services import CellProblem, WriteResult, counts_write
from participants.transfer.reading import (
    EXPORT_COLUMNS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    FileProblem,
    Source,
    read_rows,
)
from participants.transfer.rows import Lookups, ParsedRows, Problem, parse_rows
from regions.access.users import PortalUser

# counts_write names the model's fields; the report names the file's columns.
SERVICE_FIELD_COLUMNS = {"region": "region_code", "report": "period"}

__all__ = [
    "EXPORT_COLUMNS",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "ImportReport",
    "Problem",
    "counts_import",
]


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    applied: bool = False
    months: list[tuple[str, dt.date]] = field(default_factory=list)  # province code, period

    @property
    def ok(self) -> bool:
        return not self.errors


def counts_import(
    *,
    actor: PortalUser,
    data: Source,
    filename: str,
    dry_run: bool = False,
    warnings_acknowledged: bool = False,
) -> ImportReport:
    """Check a file (its bytes or an open binary file, read as it goes) and, unless
    `dry_run` or any row has an error, write all of its rows.

    With `warnings_acknowledged`, submitting the imported months will not ask about the
    warnings again (unless the values are changed afterwards).
    """
    with _without_cycle_collection():
        return _import(actor, data, filename, dry_run, warnings_acknowledged)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """A 100.000-row file makes about a million small objects (rows, cells, keys) and no
    reference cycles: the collector's full passes over them cost 0,3–0,6 s of an import and
    free nothing. Reference counting still frees every object; cycles made meanwhile are
    collected after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _import(
    actor: PortalUser,
    data: Source,
    filename: str,
    dry_run: bool,
    warnings_acknowledged: bool,
) -> ImportReport:
    try:
        parsed = parse_rows(read_rows(data, filename), Lookups.load())
    except FileProblem as problem:
        return ImportReport(errors=[Problem(problem.line, "", problem.message)])
    report = ImportReport(rows=parsed.rows, errors=parsed.errors, warnings=parsed.warnings)
    report.months = _months(parsed)
    if not parsed.rows:
        report.errors.append(Problem(None, "", _("The file has a header but no data rows.")))
    if not parsed.cells:
        return _sorted(report)
    try:
        result = counts_write(
            actor=actor,
            cells=parsed.cells,
            source="import",
            dry_run=dry_run or bool(report.errors),
            warnings_acknowledged=warnings_acknowledged,
        )
    except ValidationError as error:  # refused as a whole, e.g. no right to enter data
        report.errors.append(Problem(None, "", " ".join(error.messages)))
        return report
    return _sorted(_merge(report, result, parsed))


def _months(parsed: ParsedRows) -> list[tuple[str, dt.date]]:
    """The (province code, period) of every month the file fills, each place named once."""
    places = {(c.region_id, c.period) for c in parsed.cells}
    assert parsed.lookups is not None
    province = {r: parsed.lookups.regency_by_id(r).code.split(".")[0] for r, _ in places}
    return sorted({(province[r], period) for r, period in places})


def _merge(report: ImportReport, result: WriteResult, parsed: ParsedRows) -> ImportReport:
    report.errors += [_at_line(p, parsed) for p in result.errors]
    report.warnings += [_at_line(p, parsed) for p in result.warnings]
    report.created, report.updated = result.created, result.updated
    report.unchanged, report.applied = result.unchanged, result.applied
    return report


def _at_line(problem: CellProblem, parsed: ParsedRows) -> Problem:
    column = SERVICE_FIELD_COLUMNS.get(problem.field, problem.field)
    regency, category = parsed.label(problem.index)
    return Problem(parsed.lines[problem.index], column, problem.message, regency, category)


def _sorted(report: ImportReport) -> ImportReport:
    report.errors.sort(key=lambda p: (p.line or 0, p.column))
    report.warnings.sort(key=lambda p: (p.line or 0, p.column))
    return report
