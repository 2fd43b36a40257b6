"""A dashboard `Table` as rows for the one spreadsheet writer (regions/spreadsheets.py).

Numbers stay numbers; XLSX cells get Indonesian display formats by column kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.http import HttpResponse

from coverage_portal.dashboards.tables import DATE, INTEGER, PERCENT, POINTS, Table
from regions.spreadsheets import spreadsheet_response

XLSX_FORMATS = {INTEGER: "#,##0", PERCENT: "0.00", POINTS: "0.00", DATE: "yyyy-mm-dd"}


def table_rows(table: Table) -> Iterator[list[Any]]:
    yield [str(heading) for heading, _kind in table.columns]
    yield from table.rows


def download(table: Table, fmt: str, stem: str) -> HttpResponse:
    formats = {
        index: XLSX_FORMATS[kind]
        for index, (_heading, kind) in enumerate(table.columns)
        if kind in XLSX_FORMATS
    }
    return spreadsheet_response(
        table_rows(table), fmt=fmt, stem=stem, bom=True, number_formats=formats
    )
