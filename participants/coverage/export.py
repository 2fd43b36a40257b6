"""A coverage table as CSV or XLSX (numbers stay numbers; text is made formula-inert).

`completeness` is complete, partial or not_reported (participants.coverage.completeness);
a region that has not reported has empty figures, never 0.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.http import HttpResponse

from participants.coverage.changes import change_notes
from participants.coverage.tables import CoverageLine, CoverageTable
from participants.kernel.periods import format_period
from regions.spreadsheets import spreadsheet_response


def table_rows(table: CoverageTable) -> Iterator[list[Any]]:
    codes = [c.code for c in table.categories]
    yield [
        "period",
        "region_code",
        "region_name",
        "participants_total",
        *[f"participants_{code}" for code in codes],
        "denominator_kind",
        "denominator_value",
        "denominator_year",
        "coverage_percent",
        "unknown_or_partial",
        "change_vs_last_month",
        "change_vs_last_year",
        "change_note",
        "target_participants",
        "target_gap",
        "regencies_reported",
        "regencies_expected",
        "all_approved",
        "completeness",
        "reports_submitted",
        "reports_expected",
    ]
    for line in table.lines:
        total, month, shown = line.total, line.completeness, line.reported
        yield [
            format_period(table.period),
            line.region.code,
            line.region.name,
            total.participants if shown else None,
            *[cell.value for cell in line.category_cells],
            total.denominator_kind.code if total.denominator_kind else None,
            total.denominator_value,
            total.denominator_year,
            total.coverage_percent if shown else None,
            _unknown_note(table, line) or None,
            line.month_change,
            line.year_change,
            change_notes(line.total, line.last_month, line.last_year) or None,
            total.target_participants,
            total.target_gap if shown else None,
            total.regencies_reported,
            total.regencies_expected,
            total.all_approved,
            line.status,
            month.reported if month else None,
            month.expected_count if month else None,
        ]


def _unknown_note(table: CoverageTable, line: CoverageLine) -> str:
    """Why a figure of the line is empty or partial, in words: 'PMI: not collected'."""
    notes = [
        f"{category.code}: {cell.reason or cell.partial}"
        for category, cell in zip(table.categories, line.category_cells, strict=True)
        if cell.reason or cell.partial
    ]
    first = line.status_label if not line.reported else line.total_partial
    return "; ".join(note for note in [first, *notes] if note)


def table_response(table: CoverageTable, fmt: str) -> HttpResponse:
    place = table.parent.code if table.parent else "ID"
    stem = f"cakupan-{place}-{format_period(table.period)}"
    return spreadsheet_response(table_rows(table), fmt=fmt, stem=stem)
