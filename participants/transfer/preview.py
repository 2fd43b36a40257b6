"""What the import preview shows: the check's summary and one page of its problems.

A 200.000-row file with an error on every row would otherwise be one page of tens of
megabytes; the findings are kept with the staged upload (staging.py) and shown a page at a
time, so a later page costs no second check of the file.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from participants.transfer import staging
from participants.transfer.counts_import import ImportReport, Problem

PAGE_SIZE = 100


def check_record(report: ImportReport) -> dict[str, Any]:
    """The report as plain data for staging (problems beyond the bound are counted only)."""
    return {
        "ok": report.ok,
        "rows": report.rows,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "error_count": len(report.errors),
        "warning_count": len(report.warnings),
        "errors": [asdict(p) for p in staging.problems_kept(report.errors)],
        "warnings": [asdict(p) for p in staging.problems_kept(report.warnings)],
    }


@dataclass
class Preview:
    token: str
    ok: bool
    rows: int
    created: int
    updated: int
    unchanged: int
    error_count: int
    warning_count: int
    page: int = 1
    pages: int = 1
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def page_numbers(self) -> range:
        return range(1, self.pages + 1)


def preview_page(token: str, check: dict[str, Any], page: int) -> Preview:
    errors = [Problem(**p) for p in check["errors"]]
    warnings = [Problem(**p) for p in check["warnings"]]
    pages = max(1, math.ceil(max(len(errors), len(warnings)) / PAGE_SIZE))
    page = min(max(page, 1), pages)
    window = slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
    return Preview(
        token=token,
        ok=check["ok"],
        rows=check["rows"],
        created=check["created"],
        updated=check["updated"],
        unchanged=check["unchanged"],
        error_count=check["error_count"],
        warning_count=check["warning_count"],
        page=page,
        pages=pages,
        errors=errors[window],
        warnings=warnings[window],
    )
