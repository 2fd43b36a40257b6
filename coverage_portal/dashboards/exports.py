"""Write a dashboard `Table` as CSV or XLSX, safe against spreadsheet formula injection.

Region and category names come from the database, where an administrator could type
`=HYPERLINK(...)`; every text cell that a spreadsheet would read as a formula is prefixed
with an apostrophe. Numbers stay numbers (CSV: plain digits with a decimal point, the form
every tool reads back; XLSX: typed cells with Indonesian display formats).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from coverage_portal.dashboards.tables import DATE, INTEGER, PERCENT, POINTS, Table
from regions.spreadsheets import neutralise

XLSX_FORMATS = {INTEGER: "#,##0", PERCENT: "0.00", POINTS: "0.00", DATE: "yyyy-mm-dd"}


def safe_text(value: str) -> str:
    return str(neutralise(value))


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return round(float(value), 4)
    if isinstance(value, int | float | dt.date):
        return value
    return safe_text(str(value))


def as_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_text(str(heading)) for heading, _kind in table.columns])
    for row in table.rows:
        writer.writerow([_csv_value(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens it as UTF-8


def _csv_value(value: Any) -> Any:
    cell = _cell(value)
    return cell.isoformat() if isinstance(cell, dt.date) else cell


def as_xlsx(table: Table) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.name[:31]
    sheet.append([safe_text(str(heading)) for heading, _kind in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_cell(v) if v is not None else None for v in row])
    for index, (_heading, kind) in enumerate(table.columns, start=1):
        if kind in XLSX_FORMATS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = XLSX_FORMATS[kind]
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
