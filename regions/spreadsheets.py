"""The one CSV/XLSX writer every export uses: exporters only yield rows, this writes them.

Formula safety: text that Excel or LibreOffice would run as a formula (=, +, -, @, or a
leading tab or line break) gets a leading apostrophe; the counts importer takes it off again.
Numbers stay numbers: CSV writes plain digits with a decimal point, the form every tool reads
back; XLSX writes typed cells, with a display format per column when the exporter names one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
XLSX_SHEET_TITLE_MAX = 31  # Excel refuses longer sheet names
UNSAFE_IN_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")
Row = Sequence[Any]
ResponseT = TypeVar("ResponseT", bound=HttpResponseBase)


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def cell_value(value: Any) -> Any:
    """The one conversion of a Python value into a spreadsheet cell (None stays None)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if value is None or isinstance(value, bool | int | float | dt.date):
        return value
    return neutralise(str(value))


def _csv_cell(value: Any) -> Any:
    cell = cell_value(value)
    if cell is None:
        return ""
    return cell.isoformat() if isinstance(cell, dt.date) else cell


def csv_lines(rows: Iterable[Row], *, bom: bool = False) -> Iterator[str]:
    """The CSV text one line at a time, for a streaming response or a file."""
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")  # so Excel opens the UTF-8 text with the right characters
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def xlsx_bytes(
    rows: Iterable[Row], *, title: str, number_formats: Mapping[int, str] | None = None
) -> bytes:
    """One sheet; the first row is the header (bold, frozen), text is never a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title(title))
    sheet.freeze_panes = "A2"
    formats = number_formats or {}
    bold = Font(bold=True)
    for index, row in enumerate(rows):
        cells = []
        for column, value in enumerate(row):
            cell = WriteOnlyCell(sheet, value=cell_value(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never let openpyxl read "=…" as a formula
            if index == 0:
                cell.font = bold
            elif column in formats and cell.value is not None:
                cell.number_format = formats[column]
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_title(name: str) -> str:
    """A sheet name Excel accepts, keeping the start of the name (where its meaning is)."""
    cleaned = re.sub(r"[\[\]:*?/\\]", "-", name).strip("'") or "data"
    return cleaned[:XLSX_SHEET_TITLE_MAX]


def safe_filename(stem: str, fmt: str) -> str:
    """A download name built only from safe characters: nothing typed reaches the header."""
    cleaned = UNSAFE_IN_FILENAME.sub("-", stem).strip("-.") or "data"
    return f"{cleaned[:150]}.{fmt}"


def spreadsheet_response(
    rows: Iterable[Row],
    *,
    fmt: str,
    stem: str,
    bom: bool = False,
    number_formats: Mapping[int, str] | None = None,
) -> HttpResponse:
    """A download of `rows` (header first) as CSV or XLSX; `fmt` must be a CONTENT_TYPES key."""
    if fmt == "xlsx":
        body: bytes | str = xlsx_bytes(rows, title=stem, number_formats=number_formats)
    else:
        body = "".join(csv_lines(rows, bom=bom))
    return _named(HttpResponse(body, content_type=CONTENT_TYPES[fmt]), stem, fmt)


def streamed_spreadsheet_response(rows: Iterable[Row], *, fmt: str, stem: str) -> HttpResponseBase:
    """As `spreadsheet_response`, but a CSV is sent line by line (a national year is large)."""
    if fmt == "xlsx":
        return spreadsheet_response(rows, fmt=fmt, stem=stem)
    response = StreamingHttpResponse(csv_lines(rows), content_type=CONTENT_TYPES[fmt])
    return _named(response, stem, fmt)


def _named(response: ResponseT, stem: str, fmt: str) -> ResponseT:
    response["Content-Disposition"] = f'attachment; filename="{safe_filename(stem, fmt)}"'
    return response
