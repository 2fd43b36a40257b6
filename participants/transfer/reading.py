"""Read an uploaded CSV or XLSX file into (line number, {column: text}) rows.

Line numbers are what a person sees in a spreadsheet: the header is line 1. Every cell comes
back as text, so CSV and XLSX rows go through exactly the same checks afterwards.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from zipfile import BadZipFile

from django.utils.translation import gettext as _

REQUIRED_COLUMNS = ("period", "region_code", "category", "active_participants")
OPTIONAL_COLUMNS = ("inactive_participants", "employers", "no_data_reason")
# region_name is written by exports and templates for people; imports ignore it.
EXPORT_COLUMNS = (
    "period",
    "region_code",
    "region_name",
    "category",
    "active_participants",
    "inactive_participants",
    "employers",
    "no_data_reason",
)
XLSX_MAGIC = b"PK\x03\x04"
Row = tuple[int, dict[str, str]]


class FileProblem(Exception):
    """The file as a whole cannot be read: wrong type, empty, or a column is missing."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def file_kind(data: bytes, filename: str) -> str:
    """'csv' or 'xlsx', judged by the name and confirmed by the content."""
    name = filename.lower()
    if name.endswith(".xlsx") and data.startswith(XLSX_MAGIC):
        return "xlsx"
    if name.endswith((".csv", ".txt")) and b"\x00" not in data[:4096]:
        return "csv"
    raise FileProblem(_("Wrong file type: upload a .csv or .xlsx file."))


def read_rows(data: bytes, filename: str) -> Iterator[Row]:
    """The file's data rows, after checking the header; blank rows are skipped."""
    if not data.strip():
        raise FileProblem(_("The file is empty."))
    lines = _xlsx_lines(data) if file_kind(data, filename) == "xlsx" else _csv_lines(data)
    header: list[str] | None = None
    for number, cells in lines:
        if all(v is None or v == "" for v in cells):
            continue
        if header is None:
            header = _check_header(cells, number)
            continue
        yield number, {c: cell_text(v, c) for c, v in zip(header, cells, strict=False)}
    if header is None:
        raise FileProblem(_("The file is empty."))


def _check_header(cells: list[object], number: int) -> list[str]:
    header = [cell_text(c, "").lower().replace(" ", "_") for c in cells]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise FileProblem(
            _("Missing column(s): %(columns)s. The first row must name the columns %(expected)s.")
            % {"columns": ", ".join(missing), "expected": ", ".join(REQUIRED_COLUMNS)},
            line=number,
        )
    return header


def _csv_lines(data: bytes) -> Iterator[tuple[int, list[object]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # Excel's "CSV" on Windows
        except UnicodeDecodeError as error:
            raise FileProblem(_("The file is not a readable CSV text file.")) from error
    first_line = text.split("\n", 1)[0]
    # Indonesian Excel writes ';' because ',' is the decimal separator.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for cells in reader:
        yield reader.line_num, [c.strip() for c in cells]


def _xlsx_lines(data: bytes) -> Iterator[tuple[int, list[object]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileProblem(_("The file is not a readable XLSX workbook.")) from error
    try:
        sheet = workbook.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(values)
    finally:
        workbook.close()


def cell_text(value: object, column: str) -> str:
    """A spreadsheet value as the text a person typed, undoing Excel's guesses."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%Y-%m}"  # Excel turns "2023-12" into 1 December 2023
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float) and column == "region_code":
        return f"{value:.2f}"  # Excel turns "61.10" into the number 61.1
    if isinstance(value, float):
        return str(value).replace(".", ",")  # a decimal count, refused as such later
    return str(value).strip()
